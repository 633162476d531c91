from odoo import api, fields, models

from ..tools.text import tokenize

PREFERENCES = [
    ("none", "No preference"),
    ("preferred", "Preferred"),
    ("required", "Required"),
]


class MentoringMentee(models.Model):
    _inherit = "mentoring.mentee"

    origin_country_id = fields.Many2one(
        "res.country",
        string="Country of origin",
        help="Used when the mentee would like a mentor of the same background. When empty, "
        "the country of education is used.",
    )
    match_background = fields.Selection(
        PREFERENCES,
        string="Mentor of the same background",
        default="none",
        required=True,
        help="Required: only mentors who share the mentee's country of origin are proposed.",
    )
    service_location_id = fields.Many2one(
        "res.partner",
        string="Preferred service location",
        help="Where the mentee would rather meet; a mentor with the same service location "
        "gets full credit for geography.",
    )
    match_proximity = fields.Selection(
        PREFERENCES,
        string="Mentor close by",
        default="preferred",
        required=True,
        help="No preference: geography is not scored (e.g. the mentee meets online). "
        "Required: only mentors within 50 km, in the same city or province are proposed.",
    )
    availability = fields.Text(
        string="Availability for meetings",
        help="Other details about when and where the mentee can meet, e.g. online only; the "
        "days and times are ticked in the weekly availability.",
    )
    match_availability = fields.Selection(
        PREFERENCES,
        string="Same availability",
        default="preferred",
        required=True,
        help="Required: only mentors free at one of the mentee's times at least are proposed.",
    )
    match_tokens = fields.Char(
        string="Career objective words",
        compute="_compute_match_tokens",
        store=True,
        help="Words of the career objective compared with the mentors' work.",
    )

    @api.onchange("availability")
    def _onchange_availability(self):
        self._prefill_availability_slots()

    @api.depends("career_objective")
    def _compute_match_tokens(self):
        for mentee in self:
            mentee.match_tokens = " ".join(sorted(tokenize(mentee.career_objective)))

    def action_find_mentor(self):
        self.ensure_one()
        return self.env["mentoring.match.wizard"]._open_for(mentee=self)
