from odoo import api, fields, models


class MentoringRelationship(models.Model):
    _inherit = "mentoring.relationship"

    noc_major_group_id = fields.Many2one(
        "mentoring.noc",
        string="NOC major group",
        related="mentee_id.target_noc_id.major_group_id",
        store=True,
        index=True,
        help="Major group (2 digits) of the mentee's target occupation.",
    )
    naics_sector_id = fields.Many2one(
        "mentoring.naics",
        string="NAICS sector",
        related="mentee_id.target_naics_id.sector_id",
        store=True,
        index=True,
        help="Sector (2 digits) of the mentee's target industry.",
    )
    service_language = fields.Selection(
        related="mentee_id.service_language", store=True, index=True
    )
    mentee_city = fields.Char(
        string="Location", related="mentee_id.partner_id.city", store=True, index=True
    )
    completed_count = fields.Integer(
        string="Completed",
        compute="_compute_completed_count",
        store=True,
        help="1 per completed relationship: sums to a count in the analyses.",
    )

    @api.depends("stage_type")
    def _compute_completed_count(self):
        for relationship in self:
            relationship.completed_count = int(relationship.stage_type == "completed")

    def action_close(self, reason, mentee_feedback=False, mentor_feedback=False):
        """Close as in mentoring_base, then e-mail the certificate of completion to the
        mentees whose relationship is completed."""
        result = super().action_close(
            reason, mentee_feedback=mentee_feedback, mentor_feedback=mentor_feedback
        )
        self.filtered(lambda rel: rel.stage_type == "completed")._send_certificate()
        return result

    def _send_certificate(self):
        """E-mail the certificate of completion to each mentee, in their language."""
        template = self.env.ref(
            "mentoring_reports.mail_template_certificate", raise_if_not_found=False
        )
        if not template:
            return
        for relationship in self:
            if relationship.mentee_id.partner_id.email:
                template.send_mail(relationship.id)

    def action_print_certificate(self):
        """Print the certificate of completion of these relationships (coordinators)."""
        return self.env.ref("mentoring_reports.action_report_certificate").report_action(self)
