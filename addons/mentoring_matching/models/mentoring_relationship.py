from odoo import fields, models


class MentoringRelationship(models.Model):
    _inherit = "mentoring.relationship"

    match_score = fields.Float(
        digits=(5, 1),
        readonly=True,
        copy=False,
        aggregator="avg",
        groups="mentoring_base.group_mentoring_user",
        help="Score of the pair (0 to 100) when it was proposed by the matching.",
    )
    match_explanation = fields.Html(
        string="Why this match",
        readonly=True,
        copy=False,
        groups="mentoring_base.group_mentoring_user",
    )

    def _match_proposal_templates(self):
        """The proposal e-mails, one per person: (mentee's, mentor's) ``mail.template``.
        Addons replace them (e.g. with Accept and Decline buttons)."""
        return (
            self.env.ref("mentoring_matching.mail_template_match_proposed_mentee"),
            self.env.ref("mentoring_matching.mail_template_match_proposed_mentor"),
        )

    def _notify_match_proposal(self):
        """E-mail the proposal to the mentee and the mentor, each in their own language,
        and note it in the chatter (in the staff's language when no staff member acts)."""
        templates = self._match_proposal_templates()
        for relationship in self:
            for template in templates:
                template.send_mail(
                    relationship.id, email_layout_xmlid="mail.mail_notification_light"
                )
            relationship.message_post(
                body=relationship._note_env()._(
                    "Proposal e-mailed to %(mentee)s and %(mentor)s.",
                    mentee=relationship.mentee_id.name,
                    mentor=relationship.mentor_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
