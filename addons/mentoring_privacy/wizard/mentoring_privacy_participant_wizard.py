from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringPrivacyParticipantWizard(models.AbstractModel):
    """The participants a privacy dialog acts on: mentees or mentors (any participant
    model), given by the action that opens it."""

    _name = "mentoring.privacy.participant.wizard"
    _description = "Participants of a privacy dialog"

    res_model = fields.Char(string="Participant model", required=True, readonly=True)
    res_ids = fields.Json(string="Participant ids", readonly=True)
    participant_names = fields.Text(string="Participants", compute="_compute_participants")
    participant_count = fields.Integer(
        string="Number of participants", compute="_compute_participants"
    )

    @api.depends("res_model", "res_ids")
    def _compute_participants(self):
        for wizard in self:
            people = wizard._participants()._filtered_access("read")
            wizard.participant_names = "\n".join(people.mapped("display_name"))
            wizard.participant_count = len(people)

    def _participants(self):
        """The participants chosen, as records of the user's environment.

        :return: recordset of a participant model (empty when none)
        :raise UserError: the model is not a participant model
        """
        self.ensure_one()
        Person = self.env["mentoring.person.mixin"]
        if not self.res_model:
            return Person
        if self.res_model not in Person._privacy_person_models():
            raise UserError(self.env._("This dialog works on mentees and mentors only."))
        ids = [value for value in self.res_ids or [] if isinstance(value, int)]
        return self.env[self.res_model].browse(ids).exists()

    def _check_participants(self):
        people = self._participants()
        if not people:
            raise UserError(self.env._("Choose at least one participant."))
        return people
