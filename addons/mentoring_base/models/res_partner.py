from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

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

    def _compute_mentoring_counts(self):
        counts = {
            field: dict(self.env[model]._read_group([(link, "in", self.ids)], [link], ["__count"]))
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
