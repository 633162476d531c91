from odoo import models


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    def _mentoring_anonymized_fields(self):
        """Professional networks, motivation and availability (the NOC and NAICS codes, the
        employer, the years of experience and the capacity stay)."""
        return super()._mentoring_anonymized_fields() | {
            "professional_networks",
            "motivation",
            "availability",
        }

    def _privacy_linked_records(self):
        """Relationships with their meetings and check-ins, and screening results. The
        outcomes of a relationship are the mentee's: they stay."""
        relationships = self.relationship_ids
        return [
            *super()._privacy_linked_records(),
            relationships,
            relationships.meeting_ids,
            relationships.checkin_ids,
            self.eligibility_result_ids,
        ]

    def _privacy_activity_date_fields(self):
        """Screening and orientation steps and relationships (proposal, agreement, last
        meeting, check-ins, closure)."""
        return [
            *super()._privacy_activity_date_fields(),
            "staff_meeting_date",
            "orientation_training_date",
            "workshop_first_date",
            "workshop_second_date",
            "relationship_ids.planned_start",
            "relationship_ids.agreement_date",
            "relationship_ids.last_meeting_date",
            "relationship_ids.closed_on",
            "relationship_ids.checkin_ids.date",
        ]
