from odoo import fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "mentoring.tenancy.mixin"]
    # Fields the referrers' contact rules read. A referrer may re-parent a contact only
    # within their own agency, and cannot turn a client into an organization (which every
    # referrer reads).
    _staff_only_fields = ("client_of_agency_id", "commercial_partner_id", "is_company")
    _tenant_link_fields = ("parent_id",)

    client_of_agency_id = fields.Many2one(
        "res.partner",
        string="Client of agency",
        index="btree_not_null",
        copy=False,
        ondelete="restrict",
        default=lambda self: self._default_client_of_agency(),
        help="Service agency whose client this person is. Kept equal to the referring agency "
        "of the person's mentee record; agency referrers see their own agency's clients only.",
    )

    is_service_agency = fields.Boolean(
        string="Service agency",
        help="Immigrant-serving or employment service agency that refers clients.",
    )
    is_employer = fields.Boolean(string="Employer")
    is_association = fields.Boolean(string="Business or professional association")
    is_post_secondary = fields.Boolean(string="Post-secondary institution")
    is_funder = fields.Boolean(string="Funder")
    is_program_operator = fields.Boolean(string="Program operator")

    referred_mentee_count = fields.Integer(
        string="Referred mentees", compute="_compute_mentoring_counts"
    )
    employee_mentor_count = fields.Integer(
        string="Mentors on staff", compute="_compute_mentoring_counts"
    )
    operated_program_count = fields.Integer(
        string="Programs operated", compute="_compute_mentoring_counts"
    )

    def _default_client_of_agency(self):
        """Contacts an agency referrer creates are clients of their own agency.

        :return: the agency (``res.partner``) of the current agency referrer, else False
            (also as superuser, which is what fills the column of existing contacts)
        """
        if self.env.su:
            return False
        user = self.env.user
        return user.mentoring_agency_id if user.is_mentoring_referrer else False

    def _compute_mentoring_counts(self):
        counts = {
            field: dict(self.env[model]._read_group([(link, "in", self.ids)], [link], ["__count"]))
            if self.env[model].has_access("read")
            else {}
            for field, model, link in (
                ("referred_mentee_count", "mentoring.mentee", "referring_agency_id"),
                ("employee_mentor_count", "mentoring.mentor", "employer_id"),
                ("operated_program_count", "mentoring.program", "operator_id"),
            )
        }
        for partner in self:
            for field, by_partner in counts.items():
                partner[field] = by_partner.get(partner._origin, 0)

    def _mentoring_action(self, xmlid, link):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(link, "=", self.id)]
        action["context"] = {f"default_{link}": self.id}
        return action

    def action_view_referred_mentees(self):
        return self._mentoring_action(
            "mentoring_base.mentoring_mentee_action", "referring_agency_id"
        )

    def action_view_employee_mentors(self):
        return self._mentoring_action("mentoring_base.mentoring_mentor_action", "employer_id")

    def action_view_operated_programs(self):
        return self._mentoring_action("mentoring_base.mentoring_program_action", "operator_id")
