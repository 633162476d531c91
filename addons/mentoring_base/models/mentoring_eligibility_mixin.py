from odoo import Command, api, fields, models

from ..tools import eligibility


class MentoringEligibilityMixin(models.AbstractModel):
    """Something checked against a program's eligibility criteria: a referral, a mentor.

    The concrete model defines ``eligibility_result_ids`` (its one2many of
    ``mentoring.eligibility.result``) and ``_eligibility_subject()``.
    """

    _name = "mentoring.eligibility.mixin"
    _description = "Eligibility check"

    eligibility_verdict = fields.Selection(
        [
            ("unchecked", "Not checked"),
            ("eligible", "Eligible"),
            ("advisory", "Eligible, with advisory criteria not met"),
            ("ineligible", "Not eligible"),
        ],
        string="Eligibility",
        compute="_compute_eligibility_verdict",
        store=True,
    )

    eligibility_failures = fields.Char(
        string="Mandatory criteria not met",
        compute="_compute_eligibility_failures",
        help="The mandatory criteria the last eligibility check found unmet.",
    )

    @api.depends(
        lambda self: (
            ["eligibility_result_ids.passed", "eligibility_result_ids.mandatory"]
            if "eligibility_result_ids" in self._fields
            else []
        )
    )
    def _compute_eligibility_verdict(self):
        for record in self:
            record.eligibility_verdict = eligibility.verdict(
                [(result.passed, result.mandatory) for result in record.eligibility_result_ids]
            )

    @api.depends(
        lambda self: (
            [
                "eligibility_result_ids.passed",
                "eligibility_result_ids.mandatory",
                "eligibility_result_ids.explanation",
            ]
            if "eligibility_result_ids" in self._fields
            else []
        )
    )
    def _compute_eligibility_failures(self):
        for record in self:
            record.eligibility_failures = record._failed_mandatory_criteria() or False

    def _eligibility_subject(self):
        """``(profile, programs, role)`` the criteria apply to."""
        raise NotImplementedError

    def _failed_mandatory_criteria(self):
        """Explanations of the mandatory criteria the last check found unmet."""
        self.ensure_one()
        failed = self.eligibility_result_ids.filtered(
            lambda result: result.mandatory and not result.passed
        )
        return "; ".join(failed.mapped("explanation"))

    def action_check_eligibility(self):
        """Evaluate every active criterion of the program(s) and keep what each one saw."""
        Rule = self.env["mentoring.eligibility.rule"]
        for record in self:
            person, programs, role = record._eligibility_subject()
            rules = Rule.search([("program_id", "in", programs.ids), ("role", "=", role)])
            record.eligibility_result_ids = [Command.clear()] + [
                Command.create(rule._evaluate(person)) for rule in rules
            ]
        return True
