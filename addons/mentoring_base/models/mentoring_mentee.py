from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.language import lang_for_service, service_language_of
from .mentoring_person_mixin import lifecycle_field

CLB_FIELDS = ("clb_listening", "clb_speaking", "clb_reading", "clb_writing")

MENTEE_STATES = [
    ("candidate", "Candidate"),
    ("eligible", "Eligible"),
    ("orientation", "In orientation"),
    ("ready", "Ready for matching"),
    ("matched", "Matched"),
    ("completed", "Completed"),
    ("withdrawn", "Withdrawn"),
]


class MentoringMentee(models.Model):
    _name = "mentoring.mentee"
    _description = "Mentee"
    # The tenancy guard comes first so it sees the values the caller gave.
    _inherit = ["mentoring.tenancy.mixin", "mentoring.person.mixin"]
    _inherits = {"res.partner": "partner_id"}
    _order = "name"
    _rec_names_search = ["name", "email", "target_noc_id.code"]
    _state_transitions = {
        "candidate": ("eligible", "withdrawn"),
        "eligible": ("orientation", "withdrawn"),
        "orientation": ("ready", "withdrawn"),
        "ready": ("matched", "withdrawn"),
        "matched": ("completed", "ready", "withdrawn"),
        "withdrawn": ("candidate",),
    }
    # States a mentee reaches only once their referral is accepted (eligibility gate).
    _admitted_states = ("orientation", "ready", "matched")
    _staff_only_fields = (
        "partner_id",
        "referring_agency_id",
        "state",
        *(f"date_{state}" for state, _label in MENTEE_STATES),
        "program_id",
        "facilitator_id",
        "needs_assessment_date",
        "orientation_session_date",
        "consent_withdrawn_date",
        "self_referred",
    )
    _tenant_link_fields = ("partner_id", "referrer_id")

    partner_id = fields.Many2one(
        "res.partner", string="Contact record", required=True, ondelete="restrict", index=True
    )
    state = lifecycle_field(MENTEE_STATES, "candidate")
    date_candidate = fields.Date(string="Candidate since", copy=False)
    date_eligible = fields.Date(string="Eligible on", copy=False)
    date_orientation = fields.Date(string="Orientation started on", copy=False)
    date_ready = fields.Date(string="Ready for matching on", copy=False, index=True)
    date_matched = fields.Date(string="Matched on", copy=False)
    date_completed = fields.Date(string="Completed on", copy=False)
    date_withdrawn = fields.Date(string="Withdrawn on", copy=False)

    program_id = fields.Many2one("mentoring.program", tracking=True, index=True)
    referring_agency_id = fields.Many2one(
        "res.partner",
        string="Referring agency",
        domain=[("is_service_agency", "=", True)],
        tracking=True,
        index=True,
        default=lambda self: self._default_referring_agency(),
    )
    referrer_id = fields.Many2one(
        "res.partner",
        string="Agency contact",
        domain="[('parent_id', '=', referring_agency_id)]",
        help="Person at the referring agency who follows this client.",
    )
    immigration_status = fields.Selection(
        [
            ("permanent_resident", "Landed immigrant / permanent resident"),
            ("convention_refugee", "Convention refugee / protected person"),
            ("citizen", "Canadian citizen"),
            ("work_permit", "Temporary work permit"),
            ("study_permit", "Study permit"),
            ("other", "Other"),
        ],
        tracking=True,
    )
    education_country_id = fields.Many2one("res.country", string="Country of education")
    education_level = fields.Selection(
        [
            ("secondary", "Secondary school"),
            ("college", "College diploma or certificate"),
            ("bachelor", "Bachelor's degree"),
            ("master", "Master's degree"),
            ("doctorate", "Doctorate"),
            ("professional", "Professional degree (medicine, law…)"),
        ],
        string="Level of education",
    )
    credentials = fields.Text(
        help="Degrees, licences and professional designations, with their assessment status."
    )
    clb_listening = fields.Integer(string="CLB listening", tracking=True)
    clb_speaking = fields.Integer(string="CLB speaking", tracking=True)
    clb_reading = fields.Integer(string="CLB reading", tracking=True)
    clb_writing = fields.Integer(string="CLB writing", tracking=True)
    clb_min = fields.Integer(
        string="Lowest CLB level",
        compute="_compute_clb_min",
        store=True,
        aggregator="avg",
        help="Lowest Canadian Language Benchmark of the four skills (0 when one is not assessed).",
    )
    job_search_workshop = fields.Boolean(string="Job search workshop completed", tracking=True)
    career_objective = fields.Text(tracking=True)
    target_noc_id = fields.Many2one(
        "mentoring.noc", string="Target occupation (NOC)", tracking=True, index=True
    )
    target_naics_id = fields.Many2one(
        "mentoring.naics", string="Target industry (NAICS)", tracking=True, index=True
    )
    service_language = fields.Selection(
        [("en", "English"), ("fr", "French")],
        string="Preferred service language",
        compute="_compute_service_language",
        inverse="_inverse_service_language",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        help="Language in which the person is served. It follows the language for e-mails, "
        "and choosing it sets the language for e-mails to French (Canada) or English, unless "
        "it already is a variant of that language.",
    )
    resume = fields.Binary(string="Résumé", attachment=True)
    resume_filename = fields.Char(string="Résumé file name")
    # Orientation: needs assessment, orientation session, action plan.
    facilitator_id = fields.Many2one("res.users", tracking=True, domain=[("share", "=", False)])
    needs_assessment_date = fields.Date(string="Needs assessment done on", tracking=True)
    orientation_session_date = fields.Date(string="Orientation session attended on", tracking=True)
    action_plan_started = fields.Boolean(tracking=True)
    action_plan = fields.Html(help="Goals and next steps agreed with the mentee.")
    orientation_step = fields.Selection(
        [
            ("needs_assessment", "Needs assessment"),
            ("session", "Orientation session"),
            ("action_plan", "Action plan"),
            ("done", "Done"),
        ],
        string="Next orientation step",
        compute="_compute_orientation_step",
        store=True,
    )
    internationally_educated = fields.Boolean(
        compute="_compute_internationally_educated",
        store=True,
        help="Educated outside Canada.",
    )
    goal_ids = fields.One2many("mentoring.goal", "mentee_id", string="Action plan goals")
    relationship_ids = fields.One2many(
        "mentoring.relationship", "mentee_id", string="Relationships"
    )
    referral_ids = fields.One2many("mentoring.referral", "mentee_id", string="Referrals")
    attendance_ids = fields.One2many("mentoring.session.attendance", "mentee_id")
    events_attended = fields.Integer(
        compute="_compute_events_attended",
        store=True,
        help="Group, peer and supplemental sessions attended.",
    )
    self_referred = fields.Boolean(
        help="The person referred themselves (e.g. on the website) rather than through an agency."
    )

    _partner_uniq = models.Constraint(
        "UNIQUE(partner_id)", "This contact already has a mentee record."
    )

    @api.model
    def _default_referring_agency(self):
        """The agency of an agency referrer (set on their user by an administrator)."""
        return self.env["res.partner"]._default_client_of_agency()

    @api.model
    def get_import_templates(self):
        """The spreadsheet *Import records* offers: one column per field staff usually
        fill, target occupation and industry as codes (``21231``, ``541514``)."""
        return [
            {
                "label": self.env._("Import Template for Mentees"),
                "template": "/mentoring_base/static/xls/mentoring_mentee_import_template.xlsx",
            }
        ]

    @api.model_create_multi
    def create(self, vals_list):
        mentees = super().create(vals_list)
        mentees._sync_client_of_agency()
        return mentees

    def write(self, vals):
        result = super().write(vals)
        if "referring_agency_id" in vals or "partner_id" in vals:
            self._sync_client_of_agency()
        return result

    def _check_tenancy_write(self, vals):
        """Also refuse, for outside users, consent given again after a withdrawal staff
        recorded (it would show the agency what the withdrawal hides).

        :raise AccessError: as in the mixin, or consent set on a mentee who withdrew it
        """
        result = super()._check_tenancy_write(vals)
        if vals.get("consent_share") and not self._is_mentoring_staff():
            withdrawn = self.filtered("consent_withdrawn_date")
            if withdrawn:
                raise AccessError(
                    self.env._(
                        "%(person)s withdrew their consent: only program staff can record "
                        "that they consent again.",
                        person=withdrawn[0].display_name,
                    )
                )
        return result

    def _sync_client_of_agency(self):
        """The contact is a client of the mentee's referring agency (the key of the
        agency referrers' contact rules); checked records only, hence sudo. One write per
        agency, so an import of many mentees stays cheap."""
        stale = self.filtered(
            lambda mentee: mentee.partner_id.client_of_agency_id != mentee.referring_agency_id
        )
        for agency, mentees in stale.grouped("referring_agency_id").items():
            mentees.partner_id.sudo().client_of_agency_id = agency

    def _check_eligibility_gate(self, new_state):
        """Refuse orientation, matching readiness or a match to a mentee whose referral
        was not accepted (an accepted referral includes a manager's override).

        Mentees with no referral at all (self-referred, created by staff) are admitted by
        staff through "Confirm eligible".

        :raise UserError: a referral exists and none is accepted
        """
        if new_state not in self._admitted_states:
            return
        for mentee in self:
            referrals = mentee.sudo().referral_ids
            if referrals and "accepted" not in referrals.mapped("state"):
                raise UserError(
                    self.env._(
                        "%(person)s cannot go to “%(target)s”: their referral has not been "
                        "accepted yet. Review the referral first.",
                        person=mentee.display_name,
                        target=mentee._state_label(new_state),
                    )
                )

    def _change_state(self, new_state):
        self._check_eligibility_gate(new_state)
        return super()._change_state(new_state)

    @api.depends(
        "needs_assessment_date",
        "orientation_session_date",
        "action_plan_started",
        "date_orientation",
    )
    def _compute_orientation_step(self):
        for mentee in self:
            mentee.orientation_step_since = max(
                filter(
                    None,
                    (
                        mentee.date_orientation,
                        mentee.needs_assessment_date,
                        mentee.orientation_session_date,
                    ),
                ),
                default=False,
            )
            if not mentee.needs_assessment_date:
                mentee.orientation_step = "needs_assessment"
            elif not mentee.orientation_session_date:
                mentee.orientation_step = "session"
            elif not mentee.action_plan_started:
                mentee.orientation_step = "action_plan"
            else:
                mentee.orientation_step = "done"

    @api.depends("attendance_ids.attended")
    def _compute_events_attended(self):
        for mentee in self:
            mentee.events_attended = len(mentee.attendance_ids.filtered("attended"))

    @api.depends("education_country_id")
    def _compute_internationally_educated(self):
        canada = self.env.ref("base.ca", raise_if_not_found=False)
        for mentee in self:
            mentee.internationally_educated = bool(
                mentee.education_country_id and mentee.education_country_id != canada
            )

    @api.depends("partner_id.lang")
    def _compute_service_language(self):
        """The service language follows the language for e-mails (French or English); a
        contact in another language keeps the service language it has (English for a new
        mentee)."""
        for mentee in self:
            mentee.service_language = (
                service_language_of(mentee.partner_id.lang) or mentee.service_language or "en"
            )

    def _inverse_service_language(self):
        """Choosing a service language sets the language for e-mails to an active variant
        of it (French (Canada) first, English (US) first), unless the contact's language
        already is one; nothing changes when no such language is active."""
        installed = [code for code, _name in self.env["res.lang"].get_installed()]
        for mentee in self:
            lang = lang_for_service(mentee.service_language, installed, mentee.partner_id.lang)
            if lang and lang != mentee.partner_id.lang:
                mentee.partner_id.lang = lang

    @api.depends(*CLB_FIELDS)
    def _compute_clb_min(self):
        for mentee in self:
            mentee.clb_min = min(mentee[field] for field in CLB_FIELDS)

    @api.constrains(*CLB_FIELDS)
    def _check_clb_levels(self):
        labels = {field: self._fields[field]._description_string(self.env) for field in CLB_FIELDS}
        for mentee in self:
            for field in CLB_FIELDS:
                if mentee[field] and not 1 <= mentee[field] <= 12:
                    raise ValidationError(
                        self.env._(
                            "%(skill)s must be a Canadian Language Benchmark level from 1 to 12 "
                            "(%(value)s was entered for %(person)s).",
                            skill=labels[field],
                            value=mentee[field],
                            person=mentee.display_name,
                        )
                    )

    @api.onchange("referring_agency_id")
    def _onchange_referring_agency_id(self):
        if self.referrer_id and self.referrer_id.parent_id != self.referring_agency_id:
            self.referrer_id = False

    def action_confirm_eligible(self):
        return self._change_state("eligible")

    def action_start_orientation(self):
        return self._change_state("orientation")

    def action_mark_ready(self):
        self._check_orientation_done()
        return self._change_state("ready")

    def action_mark_matched(self):
        return self._change_state("matched")

    def action_mark_completed(self):
        return self._change_state("completed")

    def action_withdraw(self):
        return self._change_state("withdrawn")

    def action_reopen(self):
        return self._change_state("candidate")
