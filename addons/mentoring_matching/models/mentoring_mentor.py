from odoo import api, fields, models

from ..tools.text import tokenize


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    background_country_ids = fields.Many2many(
        "res.country",
        "mentoring_mentor_background_country_rel",
        "mentor_id",
        "country_id",
        string="Cultural background",
        help="Countries the mentor comes from or knows well, for mentees who would like a "
        "mentor of their own background.",
    )
    service_location_id = fields.Many2one(
        "res.partner",
        string="Preferred service location",
        help="Where the mentor would rather meet mentees.",
    )
    match_tokens = fields.Char(
        string="Words describing the work",
        compute="_compute_match_tokens",
        store=True,
        help="Words of the job title, occupation, industry and networks, in English and "
        "French, compared with the mentees' career objectives.",
    )

    match_language_codes = fields.Char(
        string="Language codes",
        compute="_compute_match_codes",
        store=True,
        help="ISO codes of the languages spoken, read by the matching in one go.",
    )
    match_background_codes = fields.Char(
        string="Background country codes",
        compute="_compute_match_codes",
        store=True,
        help="ISO codes of the countries of cultural background, read by the matching.",
    )

    @api.depends("spoken_language_ids.code", "background_country_ids.code")
    def _compute_match_codes(self):
        for mentor in self:
            mentor.match_language_codes = " ".join(
                sorted(filter(None, mentor.spoken_language_ids.mapped("code")))
            )
            mentor.match_background_codes = " ".join(
                sorted(filter(None, mentor.background_country_ids.mapped("code")))
            )

    @api.depends("function", "professional_networks", "noc_id.search_text", "naics_id.search_text")
    def _compute_match_tokens(self):
        for mentor in self:
            text = " ".join(
                filter(
                    None,
                    (
                        mentor.function,
                        mentor.noc_id.search_text,
                        mentor.naics_id.search_text,
                        mentor.professional_networks,
                    ),
                )
            )
            mentor.match_tokens = " ".join(sorted(tokenize(text)))

    def action_find_mentee(self):
        self.ensure_one()
        return self.env["mentoring.match.wizard"]._open_for(mentor=self)
