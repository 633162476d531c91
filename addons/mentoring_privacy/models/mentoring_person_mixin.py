import logging
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "mentoring_base.group_mentoring_manager"
STAFF_GROUP = "mentoring_base.group_mentoring_coordinator"
RETENTION_PARAMETER = "mentoring_privacy.retention_years"
OFFICER_PARAMETER = "mentoring_privacy.officer_id"
DEFAULT_RETENTION_YEARS = 7
REVIEW_ACTIVITY = "mentoring_privacy.mail_activity_type_anonymization_review"
REVIEW_DAYS = 30
CRON_BATCH = 200
# Written only by this addon's methods (as superuser, once they have checked the user).
PRIVACY_FIELDS = (
    "consent_withdrawn_date",
    "retention_due",
    "retention_flagged_on",
    "anonymized_on",
    "anonymized_by_id",
)


class MentoringPersonMixin(models.AbstractModel):
    """Privacy of mentees and mentors: consent withdrawal, retention and anonymization.

    Fields added here reach every participant model (mentees, mentors and any later model
    inheriting ``mentoring.person.mixin``): Odoo rebuilds the models that inherit a mixin
    when an addon extends it.
    """

    _inherit = "mentoring.person.mixin"

    last_activity_date = fields.Date(
        string="Last activity",
        compute="_compute_last_activity_date",
        store=True,
        index=True,
        help="Latest date the person took part in the program: a change of status, an "
        "orientation step, a referral, a relationship (proposal, agreement, meeting, "
        "check-in, closure, outcome request) or a session. The retention period runs from "
        "this date.",
    )
    retention_due = fields.Boolean(
        string="Due for anonymization",
        readonly=True,
        copy=False,
        index=True,
        help="The retention period after the last activity is over: a manager reviews the "
        "record and anonymizes it. Nothing is anonymized automatically.",
    )
    retention_flagged_on = fields.Date(
        string="Due for anonymization since", readonly=True, copy=False
    )
    anonymized_on = fields.Date(string="Anonymized on", readonly=True, copy=False, index=True)
    anonymized_by_id = fields.Many2one(
        "res.users", string="Anonymized by", readonly=True, copy=False, ondelete="set null"
    )

    # -- guards ------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """Create participants; the privacy fields are set by this addon's actions only.

        :raise AccessError: a privacy field (withdrawal date, retention, anonymization) is
            given, except as superuser
        """
        if not self.env.su and any(set(PRIVACY_FIELDS) & set(vals) for vals in vals_list):
            raise AccessError(self._privacy_fields_message())
        return super().create(vals_list)

    def write(self, vals):
        """Write participants; giving consent again clears the date of a withdrawal.

        :raise AccessError: a privacy field (withdrawal date, retention, anonymization) is
            written, except as superuser (the actions of this addon, once they checked)
        """
        if not self.env.su and set(PRIVACY_FIELDS) & set(vals):
            raise AccessError(self._privacy_fields_message())
        result = super().write(vals)
        if vals.get("consent_share"):
            # Consent given again: the withdrawal is history (kept in the chatter).
            withdrawn = self.filtered("consent_withdrawn_date")
            if withdrawn:
                withdrawn.sudo().write({"consent_withdrawn_date": False})
        return result

    def _privacy_fields_message(self):
        return self.env._(
            "Consent withdrawal, retention and anonymization are recorded with their own "
            "actions, not by editing the record."
        )

    def _check_privacy_manager(self):
        """:raise AccessError: the user is not a mentoring manager (the superuser is)."""
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only a mentoring manager can anonymize a participant."))

    def _check_privacy_staff(self):
        """:raise AccessError: the user is not program staff (coordinator or manager)."""
        if not self.env.su and not self.env.user.has_group(STAFF_GROUP):
            raise AccessError(
                self.env._(
                    "Only program staff (coordinators and managers) can record a withdrawal "
                    "of consent."
                )
            )

    def _check_not_anonymized(self):
        """:raise UserError: one of these participants is already anonymized."""
        for person in self.filtered("anonymized_on"):
            raise UserError(
                self.env._(
                    "%(person)s was already anonymized on %(date)s: there is nothing left to "
                    "clear.",
                    person=person.display_name,
                    date=format_date(self.env, person.anonymized_on),
                )
            )

    # -- consent withdrawal ------------------------------------------------------------

    def action_open_consent_withdrawal_wizard(self):
        """Open the dialog that records the date the person withdrew their consent.

        :return: window action of ``mentoring.privacy.withdrawal.wizard``
        :raise AccessError: the user is not program staff
        :raise UserError: a participant has no consent to withdraw or is anonymized
        """
        self._check_privacy_staff()
        self._check_consent_to_withdraw()
        return self._privacy_wizard_action(
            "mentoring.privacy.withdrawal.wizard", self.env._("Record consent withdrawal")
        )

    def _check_consent_to_withdraw(self):
        self._check_not_anonymized()
        for person in self.filtered(lambda person: not person.consent_share):
            raise UserError(
                self.env._(
                    "%(person)s has not consented to share information with partner agencies: "
                    "there is no consent to withdraw.",
                    person=person.display_name,
                )
            )

    def action_record_consent_withdrawal(self, withdrawal_date=None):
        """Record that these people withdrew their consent to share information with partner
        agencies: consent off, withdrawal dated, a note in the chatter.

        The funder export and every share that reads ``consent_share`` leave their personal
        details out from then on.

        :param withdrawal_date: date (or ISO string) the person withdrew consent; today when
            not given. Not in the future, not before the consent date.
        :return: True
        :raise AccessError: the user is not program staff (coordinator or manager)
        :raise UserError: a person had not consented, is anonymized, or the date is wrong
        """
        self._check_privacy_staff()
        self.check_access("write")
        self._check_consent_to_withdraw()
        today = fields.Date.context_today(self)
        withdrawal_date = fields.Date.to_date(withdrawal_date) or today
        if withdrawal_date > today:
            raise UserError(self.env._("The withdrawal of consent cannot be in the future."))
        for person in self:
            if person.consent_date and withdrawal_date < person.consent_date:
                raise UserError(
                    self.env._(
                        "%(person)s gave consent on %(consent)s: the withdrawal cannot be earlier.",
                        person=person.display_name,
                        consent=format_date(self.env, person.consent_date),
                    )
                )
        self.sudo().write({"consent_share": False, "consent_withdrawn_date": withdrawal_date})
        for person in self:
            staff_env = person._note_env()
            person.message_post(
                body=staff_env._(
                    "Consent to share information with partner agencies withdrawn on "
                    "%(date)s, recorded by %(user)s. Exports and shares leave out this "
                    "person's details from now on.",
                    date=format_date(staff_env, withdrawal_date),
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # -- anonymization -----------------------------------------------------------------

    def action_open_anonymize_wizard(self):
        """Open the confirmation of the anonymization of these participants.

        :return: window action of ``mentoring.privacy.anonymize.wizard``
        :raise AccessError: the user is not a mentoring manager
        :raise UserError: a participant is already anonymized
        """
        self._check_privacy_manager()
        self._check_not_anonymized()
        return self._privacy_wizard_action(
            "mentoring.privacy.anonymize.wizard", self.env._("Anonymize participants")
        )

    def _privacy_wizard_action(self, model, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_ids": self.ids},
        }

    def _mentoring_cleared_tracking_fields(self):
        """A person's record shows their contact's fields (name, e-mail, phone...): their
        tracked values go with the contact's, whatever their format then."""
        return (
            super()._mentoring_cleared_tracking_fields()
            | self.env["res.partner"]._mentoring_anonymized_fields()
        )

    def _privacy_linked_records(self):
        """The records about these participants besides their contact and themselves.

        :return: list of recordsets (one per model), each cleared with its own
            ``_mentoring_anonymized_fields()``; models add theirs with ``super()``
        """
        return []

    def _privacy_activity_date_fields(self):
        """Field paths whose dates are activity of the person (the last one starts the
        retention period). Dates or datetimes; also the dependencies of
        ``last_activity_date``.

        :return: list of field paths
        """
        return list(self._state_date_fields())

    @api.depends(lambda self: self._privacy_activity_date_fields())
    def _compute_last_activity_date(self):
        paths = self._privacy_activity_date_fields()
        for person in self:
            dates = [
                value.date() if isinstance(value, datetime) else value
                for path in paths
                for value in person.mapped(path)
                if value
            ]
            if not dates and person.create_date:
                dates.append(person.create_date.date())
            person.last_activity_date = max(dates, default=False)

    @api.model
    def _privacy_person_models(self):
        """Names of the participant models (every model inheriting this mixin)."""
        return [
            name
            for name in self.env.registry.descendants(["mentoring.person.mixin"], "_inherit")
            if not self.env[name]._abstract
        ]

    def _privacy_same_person_records(self):
        """These participants and every other participant record of the same contacts
        (a mentee who later became a mentor is one person).

        :return: list of recordsets, one per participant model
        """
        partners = self.partner_id
        return [
            self.env[name]
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
            for name in self._privacy_person_models()
        ]

    def action_anonymize(self):
        """Anonymize these participants, and the other participant records of the same
        people, for good.

        Clears the contact (name replaced by "Anonymized participant #<contact id>", e-mail,
        phone, address, picture, notes...), the declared free-text fields of the participant
        and of their referrals, relationships, meetings, check-ins, outcomes, goals and
        eligibility results, the chatter messages and attachments of those records, and
        archives their portal account. Codes, dates, states and numbers stay, so statistics
        do not change. A note in the chatter says who anonymized and when.

        :return: True
        :raise AccessError: the user is not a mentoring manager
        :raise UserError: a participant is already anonymized, is in an open relationship,
            or their contact has an internal user account
        """
        self._check_privacy_manager()
        self.check_access("write")
        self._check_not_anonymized()
        people = self._privacy_same_person_records()
        for records in people:
            records._check_not_anonymized()
            records._check_can_anonymize()
        partners = self.partner_id
        users = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
        )
        for user in users.filtered(lambda user: not user.share):
            raise UserError(
                self.env._(
                    "%(person)s has an internal user account (%(login)s): an administrator "
                    "must first detach or delete that account.",
                    person=user.partner_id.name,
                    login=user.login,
                )
            )
        today = fields.Date.context_today(self)
        for partner in partners:
            replacements = partner._mentoring_anonymize_replacements()
            persons = [
                records.filtered(lambda p, pt=partner: p.partner_id == pt) for records in people
            ]
            linked_records = []
            for records in persons:
                records._mentoring_anonymize_clear(replacements)
                for linked in records.sudo()._privacy_linked_records():
                    linked._mentoring_anonymize_clear(replacements)
                    linked_records.append(linked)
            partner._mentoring_anonymize_clear(replacements)
            # Their user's messages too (e.g. Odoo's portal invitation names them).
            users.filtered(
                lambda user, pt=partner: user.partner_id == pt
            )._mentoring_anonymize_clear(replacements)
            # Names of linked records (a relationship's) follow the person's new name only
            # now: the activities' copies of them are computed again.
            for linked in linked_records:
                if "activity_ids" in linked._fields:
                    linked._mentoring_refresh_activity_names()
            for records in persons:
                records._privacy_mark_anonymized(today)
        # Last: archiving a user writes their contact, which would track the personal
        # values of the people's records again.
        for user in users:
            user.write({"active": False, "login": f"anonymized-{user.partner_id.id}-{user.id}"})
        return True

    def _check_can_anonymize(self):
        """Hook: refuse the anonymization of participants still taking part.

        :raise UserError: a participant is in an open mentoring relationship
        """
        if "relationship_ids" not in self._fields:
            return
        for person in self:
            if person.sudo().relationship_ids.filtered("is_open"):
                raise UserError(
                    self.env._(
                        "%(person)s is in an open mentoring relationship: close it before "
                        "anonymizing the participant.",
                        person=person.display_name,
                    )
                )

    def _privacy_mark_anonymized(self, today):
        if not self:
            return
        self.sudo().with_context(mail_notrack=True).write(
            {
                "anonymized_on": today,
                "anonymized_by_id": self.env.uid,
                "retention_due": False,
                "retention_flagged_on": False,
            }
        )
        self.sudo().activity_unlink([REVIEW_ACTIVITY], only_automated=False)
        for person in self:
            staff_env = person._note_env()
            person.sudo().message_post(
                body=staff_env._(
                    "Participant anonymized by %(user)s on %(date)s: contact details, résumé, "
                    "free-text notes, chatter messages and attachments were cleared; codes, "
                    "dates and statuses were kept.",
                    user=self.env.user.name,
                    date=format_date(staff_env, today),
                ),
                subtype_xmlid="mail.mt_note",
                author_id=self.env.user.partner_id.id,
            )

    # -- retention ---------------------------------------------------------------------

    @api.model
    def _privacy_retention_years(self):
        """The retention period in years (system parameter, 7 when unset or invalid)."""
        value = self.env["ir.config_parameter"].sudo().get_param(RETENTION_PARAMETER)
        try:
            years = int(value) if value else DEFAULT_RETENTION_YEARS
        except ValueError:
            years = 0
        if years < 1:
            _logger.warning(
                "Invalid %s %r: the retention period stays %s years.",
                RETENTION_PARAMETER,
                value,
                DEFAULT_RETENTION_YEARS,
            )
            years = DEFAULT_RETENTION_YEARS
        return years

    @api.model
    def _privacy_retention_cutoff(self):
        """Participants whose last activity is on or before this date are due."""
        today = fields.Date.context_today(self)
        return today - relativedelta(years=self._privacy_retention_years())

    @api.model
    def _privacy_officer(self):
        """Who reviews the participants due for anonymization: the privacy officer of the
        settings, else the first mentoring manager.

        :return: ``res.users`` record (maybe empty when nobody fits)
        """
        Users = self.env["res.users"].sudo()
        officer_id = self.env["ir.config_parameter"].sudo().get_param(OFFICER_PARAMETER)
        officer = Users.browse(int(officer_id)).exists() if (officer_id or "").isdigit() else Users
        if officer.active and not officer.share:
            return officer
        managers = (
            self.env.ref(MANAGER_GROUP)
            .sudo()
            .all_user_ids.filtered(
                lambda user: user.active and not user.share and user.id != SUPERUSER_ID
            )
        )
        return managers.sorted("id")[:1]

    @api.model
    def _cron_flag_retention_due(self):
        """Daily: flag the participants whose last activity is older than the retention
        period, with a review to-do for the privacy officer, and unflag those active again.
        Never anonymizes or deletes anything: a manager does, after review.

        Works in batches and commits its progress when run by the scheduler, so a run cut
        short goes on where it stopped.

        :return: number of participants flagged
        """
        cutoff = self._privacy_retention_cutoff()
        steps = []
        for name in self._privacy_person_models():
            Model = self.env[name].sudo().with_context(active_test=False)
            steps.append(
                (
                    Model,
                    [
                        ("retention_due", "=", True),
                        "|",
                        ("anonymized_on", "!=", False),
                        ("last_activity_date", ">", cutoff),
                    ],
                    "_privacy_unflag_retention",
                )
            )
            steps.append(
                (
                    Model,
                    [
                        ("retention_due", "=", False),
                        ("anonymized_on", "=", False),
                        ("last_activity_date", "<=", cutoff),
                    ],
                    "_privacy_flag_retention",
                )
            )
        in_cron = bool(self.env.context.get("cron_id"))
        remaining = sum(Model.search_count(domain) for Model, domain, _method in steps)
        flagged = 0
        for Model, domain, method in steps:
            last_id = 0
            while batch := Model.search(
                [*domain, ("id", ">", last_id)], order="id", limit=CRON_BATCH
            ):
                last_id = batch[-1].id
                getattr(batch, method)()
                if method == "_privacy_flag_retention":
                    flagged += len(batch)
                remaining = max(remaining - len(batch), 0)
                if in_cron and not self.env["ir.cron"]._commit_progress(
                    len(batch), remaining=remaining
                ):
                    return flagged
        return flagged

    def _privacy_flag_retention(self):
        today = fields.Date.context_today(self)
        self.sudo().write({"retention_due": True, "retention_flagged_on": today})
        officer = self._privacy_officer()
        review = self.env.ref(REVIEW_ACTIVITY, raise_if_not_found=False)
        if not officer or not review:
            return
        person_env = self.with_context(lang=officer.lang or self.env.lang)
        for person in person_env:
            if person.activity_ids.filtered(lambda activity: activity.activity_type_id == review):
                continue
            person.activity_schedule(
                REVIEW_ACTIVITY,
                date_deadline=today + timedelta(days=REVIEW_DAYS),
                user_id=officer.id,
                summary=person_env.env._(
                    "No activity since %(date)s: review for anonymization",
                    date=format_date(person_env.env, person.last_activity_date),
                ),
            )

    def _privacy_unflag_retention(self):
        self.sudo().write({"retention_due": False, "retention_flagged_on": False})
        self.sudo().activity_unlink([REVIEW_ACTIVITY], only_automated=False)
