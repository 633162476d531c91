from odoo import models

# Free-text fields that sibling addons add to mentees, cleared when those addons are
# installed (this addon does not depend on them).
OPTIONAL_FIELDS = {"availability"}  # mentoring_matching


class MentoringMentee(models.Model):
    _inherit = "mentoring.mentee"

    def _mentoring_anonymized_fields(self):
        """Résumé, credentials, career objective and action plan (the CLB levels, the target
        NOC and NAICS codes, the program and the agency stay)."""
        return (
            super()._mentoring_anonymized_fields()
            | {"credentials", "career_objective", "action_plan", "resume", "resume_filename"}
            | (OPTIONAL_FIELDS & set(self._fields))
        )

    def _privacy_linked_records(self):
        """Referrals (and their eligibility results), relationships with their meetings,
        check-ins and outcomes, action plan goals and session attendances."""
        referrals = (
            self.env["mentoring.referral"]
            .with_context(active_test=False)
            .search([("mentee_id", "in", self.ids)])
        )
        relationships = self.relationship_ids
        return [
            *super()._privacy_linked_records(),
            referrals,
            referrals.eligibility_result_ids,
            relationships,
            relationships.meeting_ids,
            relationships.checkin_ids,
            relationships.outcome_ids,
            self.goal_ids,
            self.attendance_ids,
        ]

    def _privacy_activity_date_fields(self):
        """Orientation steps, referrals (submission, decision), relationships (proposal,
        agreement, last meeting, check-ins, closure, outcome requests) and sessions."""
        paths = [
            "needs_assessment_date",
            "orientation_session_date",
            "relationship_ids.planned_start",
            "relationship_ids.agreement_date",
            "relationship_ids.last_meeting_date",
            "relationship_ids.closed_on",
            "relationship_ids.checkin_ids.date",
            "relationship_ids.outcome_ids.requested_on",
            "attendance_ids.session_date",
        ]
        if "referral_ids" in self._fields:
            paths += ["referral_ids.date_submitted", "referral_ids.date_decision"]
        return [*super()._privacy_activity_date_fields(), *paths]
