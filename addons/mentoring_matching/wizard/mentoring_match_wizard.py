from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class MentoringMatchWizard(models.TransientModel):
    """The best candidates for one mentee (or one mentor), with their explained score."""

    _name = "mentoring.match.wizard"
    _inherit = "mentoring.match.settings.mixin"
    _description = "Find a mentor or a mentee"

    direction = fields.Selection(
        [("mentor", "Find a mentor"), ("mentee", "Find a mentee")],
        required=True,
        default="mentor",
    )
    mentee_id = fields.Many2one("mentoring.mentee", ondelete="cascade")
    mentor_id = fields.Many2one("mentoring.mentor", ondelete="cascade")
    program_id = fields.Many2one(
        "mentoring.program",
        compute="_compute_program_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Program of the proposals: the mentee's program.",
    )
    limit = fields.Integer(
        string="Candidates shown",
        compute="_compute_limit",
        store=True,
        readonly=False,
        precompute=True,
    )
    same_program = fields.Boolean(
        string="Same program only",
        default=True,
        help="Only candidates of the mentee's program (or of the mentor's programs).",
    )
    french_only = fields.Boolean(
        string="French-speaking only",
        compute="_compute_french_only",
        store=True,
        readonly=False,
        precompute=True,
        help="Only candidates who speak French.",
    )
    line_ids = fields.One2many("mentoring.match.wizard.line", "wizard_id", string="Candidates")
    excluded_summary = fields.Text(string="Candidates not listed", readonly=True)

    @api.depends("mentee_id", "mentor_id", "direction")
    def _compute_program_id(self):
        for wizard in self:
            if wizard.direction == "mentor":
                wizard.program_id = wizard.mentee_id.program_id
            else:
                wizard.program_id = wizard.mentor_id.program_ids[:1]

    @api.depends("profile_id")
    def _compute_limit(self):
        for wizard in self:
            wizard.limit = wizard.profile_id.candidate_limit or 10

    @api.depends("mentee_id", "direction")
    def _compute_french_only(self):
        for wizard in self:
            wizard.french_only = (
                wizard.direction == "mentor" and wizard.mentee_id.service_language == "fr"
            )

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards._search_candidates()
        return wizards

    def _search_candidates(self):
        """List the best candidates under the current filters, with their explained score."""
        Ranking = self.env["mentoring.match.ranking"]
        Explainer = self.env["mentoring.match.explainer"]
        for wizard in self:
            subject = wizard.mentee_id if wizard.direction == "mentor" else wizard.mentor_id
            lines, excluded = [Command.clear()], {}
            if subject and wizard.profile_id:
                rank = (
                    Ranking._rank_mentors if wizard.direction == "mentor" else Ranking._rank_mentees
                )
                candidates, excluded = rank(
                    subject,
                    wizard.profile_id,
                    limit=max(wizard.limit, 1),
                    min_score=wizard.min_score,
                    same_program=wizard.same_program,
                    french_only=wizard.french_only,
                )
                for position, candidate in enumerate(candidates, start=1):
                    pair = candidate.pair
                    summary, breakdown = Explainer._explain(pair)
                    lines.append(
                        Command.create(
                            {
                                "rank": position,
                                "mentee_id": pair.mentee_id,
                                "mentor_id": pair.mentor_id,
                                "score": candidate.score,
                                "summary": summary,
                                "breakdown": breakdown,
                            }
                        )
                    )
            wizard.write(
                {"line_ids": lines, "excluded_summary": Explainer._excluded_summary(excluded)}
            )

    def action_refresh(self):
        """Search again with the filters as they are now."""
        self._search_candidates()
        return self._reopen()

    def _reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["direction"]._description_selection(self.env))[
                self.direction
            ],
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.model
    def _open_for(self, mentee=None, mentor=None):
        """The wizard with its candidates, from a mentee's or a mentor's form."""
        values = (
            {"direction": "mentor", "mentee_id": mentee.id}
            if mentee
            else {"direction": "mentee", "mentor_id": mentor.id}
        )
        return self.create(values)._reopen()


class MentoringMatchWizardLine(models.TransientModel):
    _name = "mentoring.match.wizard.line"
    _description = "Match candidate"
    _order = "rank, id"

    wizard_id = fields.Many2one("mentoring.match.wizard", required=True, ondelete="cascade")
    direction = fields.Selection(related="wizard_id.direction")
    rank = fields.Integer()
    mentee_id = fields.Many2one("mentoring.mentee", required=True)
    mentor_id = fields.Many2one("mentoring.mentor", required=True)
    mentee_noc_id = fields.Many2one(related="mentee_id.target_noc_id", string="Target occupation")
    mentor_noc_id = fields.Many2one(related="mentor_id.noc_id", string="Mentor's occupation")
    free_places = fields.Integer(related="mentor_id.free_places")
    score = fields.Float(digits=(5, 1), help="From 0 to 100: the weighted credits of the criteria.")
    summary = fields.Char(string="Main reasons")
    # Built by mentoring.match.explainer._explain from escaped values only.
    breakdown = fields.Html(string="Score breakdown", sanitize=False)
    relationship_id = fields.Many2one("mentoring.relationship", readonly=True)

    def action_propose(self):
        """Propose the pair: a relationship in its "Proposed" stage, both people notified."""
        self.ensure_one()
        if self.relationship_id:
            raise UserError(self.env._("This pair is already proposed."))
        relationship = self.env["mentoring.match.ranking"]._propose(
            [
                {
                    "mentee": self.mentee_id,
                    "mentor": self.mentor_id,
                    "program": self.wizard_id.program_id,
                    "score": self.score,
                    "explanation": self.breakdown,
                }
            ]
        )
        self.relationship_id = relationship
        return {
            "type": "ir.actions.act_window",
            "res_model": "mentoring.relationship",
            "res_id": relationship.id,
            "view_mode": "form",
            "target": "current",
        }
