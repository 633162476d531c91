from odoo import api, fields, models


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    match_profile_id = fields.Many2one(
        "mentoring.match.profile",
        string="Match profile",
        default=lambda self: self.env["mentoring.match.profile"]._default_profile(),
        tracking=True,
        help="How this program weighs the matching criteria. Without one, the default "
        "profile is used.",
    )
    ready_mentee_count = fields.Integer(
        string="Mentees ready for matching", compute="_compute_ready_mentee_count"
    )

    def _compute_ready_mentee_count(self):
        counts = dict(
            self.env["mentoring.mentee"]._read_group(
                [("program_id", "in", self.ids), ("state", "=", "ready")],
                ["program_id"],
                ["__count"],
            )
        )
        for program in self:
            program.ready_mentee_count = counts.get(program._origin, 0)

    @api.model
    def _match_profile_of(self, program):
        return program.match_profile_id or self.env["mentoring.match.profile"]._default_profile()

    def action_match_cohort(self):
        """Match every mentee of the program who is ready for matching, and review."""
        self.ensure_one()
        wizard = self.env["mentoring.cohort.wizard"].create({"program_id": self.id})
        wizard.action_compute()
        return wizard._reopen()
