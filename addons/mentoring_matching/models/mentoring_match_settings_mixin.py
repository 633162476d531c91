from odoo import api, fields, models


class MentoringMatchSettingsMixin(models.AbstractModel):
    """The settings a matching run starts from: the match profile of the program (or the
    default one) and its minimum score, both changeable for this run only."""

    _name = "mentoring.match.settings.mixin"
    _description = "Matching run settings"

    program_id = fields.Many2one("mentoring.program")
    profile_id = fields.Many2one(
        "mentoring.match.profile",
        string="Match profile",
        compute="_compute_profile_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    min_score = fields.Float(
        string="Minimum score",
        digits=(5, 1),
        compute="_compute_min_score",
        store=True,
        readonly=False,
        precompute=True,
        help="Pairs below this score (0 to 100) are not proposed.",
    )

    @api.depends("program_id")
    def _compute_profile_id(self):
        Program = self.env["mentoring.program"]
        for run in self:
            run.profile_id = Program._match_profile_of(run.program_id)

    @api.depends("profile_id")
    def _compute_min_score(self):
        for run in self:
            run.min_score = run.profile_id.min_score
