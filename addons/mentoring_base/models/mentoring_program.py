from odoo import api, fields, models

from ..tools.language import names_a_program


class MentoringProgram(models.Model):
    _name = "mentoring.program"
    _description = "Mentoring program"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    program_type = fields.Selection(
        [
            ("open_access", "Open access"),
            ("embedded", "Embedded"),
            ("internal", "Internal"),
        ],
        string="Type",
        required=True,
        default="open_access",
        tracking=True,
        help="Open access: any qualifying person. Embedded: a component of a broader program, "
        "for its registrants only. Internal: members or employees of one organization only, "
        "including employer-hosted programs.",
    )
    operator_id = fields.Many2one(
        "res.partner",
        domain=[("is_company", "=", True)],
        tracking=True,
        index=True,
        help="Organization that runs the program.",
    )
    description = fields.Html(translate=True)
    website_url = fields.Char(string="Website")
    offers_one_on_one = fields.Boolean(string="One-on-one mentoring", default=True)
    offers_group = fields.Boolean(string="Group mentoring")
    offers_peer = fields.Boolean(string="Peer mentoring")
    offers_connector = fields.Boolean(string="Connector meetings")
    offers_employer_hosted = fields.Boolean(string="Employer-hosted mentoring")
    service_language_ids = fields.Many2many(
        "mentoring.language",
        "mentoring_program_service_language_rel",
        string="Languages of service",
        default=lambda self: self._default_service_languages(),
    )
    location_ids = fields.Many2many(
        "res.partner",
        "mentoring_program_location_rel",
        "program_id",
        "partner_id",
        string="Service locations",
        help="Addresses where staff meet participants.",
    )
    default_length_weeks = fields.Integer(
        string="Relationship length (weeks)", default=12, required=True, tracking=True
    )
    min_weekly_minutes = fields.Integer(
        string="Minimum weekly meeting time (minutes)", default=60, required=True, tracking=True
    )
    coordinator_ids = fields.Many2many(
        "res.users",
        "mentoring_program_coordinator_rel",
        "program_id",
        "user_id",
        string="Coordinators",
        domain=[("share", "=", False)],
    )
    eligibility_rule_ids = fields.One2many(
        "mentoring.eligibility.rule", "program_id", string="Eligibility criteria"
    )
    mentee_count = fields.Integer(compute="_compute_participant_counts", string="Mentee count")
    mentor_count = fields.Integer(compute="_compute_participant_counts", string="Mentor count")

    _length_positive = models.Constraint(
        "CHECK(default_length_weeks > 0)", "The relationship length must be at least one week."
    )
    _weekly_minutes_positive = models.Constraint(
        "CHECK(min_weekly_minutes > 0)", "The minimum weekly meeting time must be positive."
    )

    @api.model
    def _default_program(self):
        """The program a person joins when nobody chose one: the lead agency's open-access
        Career Mentoring Program, else the first active open-access program.

        :return: a ``mentoring.program`` record in this environment, empty when there is
            none (website applications call it on ``sudo()``: visitors cannot read programs)
        """
        program = self.env.ref("mentoring_base.program_open_access", raise_if_not_found=False)
        if program and program._name == self._name and program.sudo().active:
            return self.browse(program.id)
        # Ordered by id, not by the (translated) name: the same program in every language.
        return self.search([("program_type", "=", "open_access")], order="sequence, id", limit=1)

    def _name_in_text(self):
        """The program's name as a sentence gives it after an article ("le", "du", "the"),
        in the environment's language: the name itself when it says it is a program
        ("Programme de mentorat professionnel"), else after the word program ("programme
        « Emploi Ottawa »"), so that no e-mail reads "le programme Programme...".
        E-mail templates call it (the French ones: "dans le cadre du ...")."""
        self.ensure_one()
        name = self.name or ""
        if names_a_program(name):
            return name
        return self.env._("program “%s”", name)

    @api.model
    def _default_service_languages(self):
        return self.env["mentoring.language"].search([("code", "in", ("en", "fr"))])

    def _compute_participant_counts(self):
        """Mentees and mentors of each program that the user may read (0 without access)."""
        mentees, mentors = (
            dict(self.env[model]._read_group([(link, "in", self.ids)], [link], ["__count"]))
            if self.env[model].has_access("read")
            else {}
            for model, link in (
                ("mentoring.mentee", "program_id"),
                ("mentoring.mentor", "program_ids"),
            )
        )
        for program in self:
            program.mentee_count = mentees.get(program._origin, 0)
            program.mentor_count = mentors.get(program._origin, 0)

    def _participant_action(self, xmlid, link):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(link, "in", self.ids)]
        action["context"] = (
            {"default_program_id": self.id}
            if link == "program_id"
            else {"default_program_ids": self.ids}
        )
        return action

    def action_view_mentees(self):
        return self._participant_action("mentoring_base.mentoring_mentee_action", "program_id")

    def action_view_mentors(self):
        return self._participant_action("mentoring_base.mentoring_mentor_action", "program_ids")
