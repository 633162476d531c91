from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class MentoringCohortWizard(models.TransientModel):
    """Every mentee of a program ready for matching, matched at once: the assignment with
    the greatest total score beside the greedy one, reviewed pair by pair."""

    _name = "mentoring.cohort.wizard"
    _inherit = "mentoring.match.settings.mixin"
    _description = "Match a cohort"

    program_id = fields.Many2one("mentoring.program", required=True, ondelete="cascade")
    same_program = fields.Boolean(
        string="Mentors of the program only",
        default=True,
        help="Otherwise every available mentor is considered.",
    )
    state = fields.Selection(
        [("setup", "Setup"), ("review", "Review")], default="setup", required=True
    )
    mentee_count = fields.Integer(string="Mentees to match", readonly=True)
    mentor_count = fields.Integer(string="Mentors with room", readonly=True)
    place_count = fields.Integer(string="Free places", readonly=True)
    exact_total = fields.Float(string="Best total score", digits=(16, 1), readonly=True)
    exact_count = fields.Integer(string="Pairs (best assignment)", readonly=True)
    greedy_total = fields.Float(string="Greedy total score", digits=(16, 1), readonly=True)
    greedy_count = fields.Integer(string="Pairs (greedy)", readonly=True)
    line_ids = fields.One2many("mentoring.cohort.wizard.line", "wizard_id", string="Pairs")
    unmatched_ids = fields.One2many(
        "mentoring.cohort.wizard.unmatched", "wizard_id", string="Unmatched mentees"
    )
    accepted_count = fields.Integer(string="Accepted pairs", compute="_compute_accepted_count")

    @api.depends("line_ids.accepted")
    def _compute_accepted_count(self):
        for wizard in self:
            wizard.accepted_count = len(wizard.line_ids.filtered("accepted"))

    def _reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Match the cohort"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_compute(self):
        """Solve the cohort and list every pair for review."""
        Ranking = self.env["mentoring.match.ranking"]
        Explainer = self.env["mentoring.match.explainer"]
        for wizard in self:
            result = Ranking._match_cohort(
                wizard.program_id, wizard.profile_id, wizard.min_score, wizard.same_program
            )
            lines = [Command.clear()]
            for pair in result["pairs"]:
                summary, breakdown = Explainer._explain(pair["pair"])
                lines.append(
                    Command.create(
                        {
                            "mentee_id": pair["mentee_id"],
                            "mentor_id": pair["mentor_id"],
                            "score": pair["score"],
                            "summary": summary,
                            "breakdown": breakdown,
                            "greedy_mentor_id": pair["greedy_mentor_id"],
                            "greedy_score": pair["greedy_score"],
                        }
                    )
                )
            wizard.write(
                {
                    "state": "review",
                    "mentee_count": result["mentee_count"],
                    "mentor_count": result["mentor_count"],
                    "place_count": result["place_count"],
                    "exact_total": result["exact_total"],
                    "exact_count": len(result["pairs"]),
                    "greedy_total": result["greedy_total"],
                    "greedy_count": result["greedy_count"],
                    "line_ids": lines,
                    "unmatched_ids": [Command.clear()]
                    + [Command.create(values) for values in result["unmatched"]],
                }
            )
        return self._reopen() if len(self) == 1 else True

    def action_propose(self):
        """Propose the accepted pairs (relationships in the "Proposed" stage), notify
        both people of each, and show them."""
        self.ensure_one()
        accepted = self.line_ids.filtered(lambda line: line.accepted and not line.relationship_id)
        if not accepted:
            raise UserError(self.env._("Accept at least one pair to propose."))
        relationships = self.env["mentoring.match.ranking"]._propose(
            [
                {
                    "mentee": line.mentee_id,
                    "mentor": line.mentor_id,
                    "program": self.program_id,
                    "score": line.score,
                    "explanation": line.breakdown,
                }
                for line in accepted
            ]
        )
        for line, relationship in zip(accepted, relationships, strict=True):
            line.relationship_id = relationship
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mentoring_base.mentoring_relationship_action"
        )
        action.update(
            {
                "domain": [("id", "in", relationships.ids)],
                "view_mode": "list,form",
                "views": [(False, "list"), (False, "form")],
                "context": {},
            }
        )
        return action


class MentoringCohortWizardLine(models.TransientModel):
    _name = "mentoring.cohort.wizard.line"
    _description = "Proposed pair of a cohort"
    _order = "score desc, id"

    wizard_id = fields.Many2one("mentoring.cohort.wizard", required=True, ondelete="cascade")
    accepted = fields.Boolean(default=True, help="Untick to drop the pair before proposing.")
    mentee_id = fields.Many2one("mentoring.mentee", required=True)
    mentor_id = fields.Many2one("mentoring.mentor", required=True)
    mentee_noc_id = fields.Many2one(related="mentee_id.target_noc_id", string="Target occupation")
    mentor_noc_id = fields.Many2one(related="mentor_id.noc_id", string="Mentor's occupation")
    score = fields.Float(digits=(5, 1))
    summary = fields.Char(string="Main reasons")
    # Built by mentoring.match.explainer._explain from escaped values only.
    breakdown = fields.Html(string="Score breakdown", sanitize=False)
    greedy_mentor_id = fields.Many2one(
        "mentoring.mentor",
        string="Greedy choice",
        help="The mentor the greedy assignment (best pair first) gives this mentee.",
    )
    greedy_score = fields.Float(string="Greedy score", digits=(5, 1))
    relationship_id = fields.Many2one("mentoring.relationship", readonly=True)


class MentoringCohortWizardUnmatched(models.TransientModel):
    _name = "mentoring.cohort.wizard.unmatched"
    _description = "Unmatched mentee of a cohort"
    _order = "id"

    wizard_id = fields.Many2one("mentoring.cohort.wizard", required=True, ondelete="cascade")
    mentee_id = fields.Many2one("mentoring.mentee", required=True)
    mentee_noc_id = fields.Many2one(related="mentee_id.target_noc_id", string="Target occupation")
    reason = fields.Char(required=True)
