from odoo import models


def questionnaire_answers(people):
    """What ``mentoring_privacy`` anonymizes with ``people`` (mentees or mentors): the
    invitations of their relationships' questionnaires (their own and the other party's,
    whose e-mail names them: the e-mail's text, name and address are erased, the answer's
    link to its contact stays) and the written answers of their own (sudo recordsets)."""
    partners = people.partner_id
    relationships = (
        people.env["mentoring.relationship"]
        .sudo()
        .with_context(active_test=False)
        .search(
            [
                "|",
                ("mentee_id.partner_id", "in", partners.ids),
                ("mentor_id.partner_id", "in", partners.ids),
            ]
        )
    )
    answers = (
        people.env["survey.user_input"]
        .sudo()
        .with_context(active_test=False)
        .search(
            [
                ("mentoring_relationship_id", "!=", False),
                "|",
                ("partner_id", "in", partners.ids),
                ("mentoring_relationship_id", "in", relationships.ids),
            ]
        )
    )
    own = answers.filtered(lambda answer: answer.partner_id in partners)
    return [answers, own.user_input_line_ids]


class MentoringMentee(models.Model):
    _inherit = "mentoring.mentee"

    def _privacy_linked_records(self):
        """Hook of ``mentoring_privacy`` (called only when it is installed): the person's
        questionnaire answers are anonymized with them."""
        return [*super()._privacy_linked_records(), *questionnaire_answers(self)]


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    def _privacy_linked_records(self):
        """Hook of ``mentoring_privacy`` (called only when it is installed): the person's
        questionnaire answers are anonymized with them."""
        return [*super()._privacy_linked_records(), *questionnaire_answers(self)]
