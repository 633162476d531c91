from odoo import models


class MentoringPersonMixin(models.AbstractModel):
    _inherit = "mentoring.person.mixin"

    def action_schedule_orientation(self):
        """Button of the mentee and mentor forms: the calendar, to plan an orientation
        session with this person (invited), linked to their record.

        :return: the calendar's window action
        """
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("calendar.action_calendar_event")
        partners = self.env.user.partner_id | self.partner_id
        action["context"] = {
            "default_res_model": self._name,
            "default_res_id": self.id,
            "default_mentoring_kind": "orientation",
            "default_partner_ids": partners.ids,
            "default_name": self.env._("Orientation session – %(person)s", person=self.name),
            "default_alarm_ids": self.env["calendar.event"]._mentoring_default_alarms().ids,
        }
        return action
