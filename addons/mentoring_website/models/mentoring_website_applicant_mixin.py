"""Saving an application from the public website: one implementation for both forms.

The website controller reads and checks the posted form (``controllers/form_reader.py``);
once every value is valid it calls ``_create_from_website`` of ``mentoring.mentor`` or
``mentoring.mentee`` with the values it read. What both forms do (a new contact, the
record, the résumé, the note flagging a possible duplicate, the acknowledgement e-mail and
the review activity) is written once here; the few things that differ are small methods
each model overrides (``mentoring_mentor.py``, ``mentoring_mentee.py``). The mixin reaches
both models through ``mentoring.person.mixin`` (``mentoring_person_mixin.py``).

Nothing here reads the HTTP request: the page's language and the website's salesperson
are arguments, so tests and imports call the same code as the website.
"""

from markupsafe import Markup, escape

from odoo import api, models
from odoo.tools import email_normalize, escape_psql
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

MSG_DUPLICATE = _lt(
    "Possible duplicate: the e-mail address of this application is already used by the "
    "contacts below. The application was saved on a new contact; nothing was changed on "
    "the existing ones."
)
MSG_DUPLICATE_MERGE = _lt(
    "If it is the same person, merge the contacts with Odoo's contact merge (in Contacts, "
    "select them, then Actions → Merge: wizard base.partner.merge.automatic.wizard), keeping "
    "the existing contact. Otherwise leave them apart."
)
MSG_ROLE_INTERNAL_USER = _lt("internal user")
MSG_ROLE_PORTAL_USER = _lt("portal user")
MSG_ROLE_MENTOR = _lt("mentor")
MSG_ROLE_MENTEE = _lt("mentee")
# Models an existing contact may already have a record of, named in the duplicate note.
PARTICIPANT_ROLES = (("mentoring.mentor", MSG_ROLE_MENTOR), ("mentoring.mentee", MSG_ROLE_MENTEE))


def post_note(record, body):
    """An internal note by OdooBot on ``record`` (a record the submission created);
    nothing when ``body`` is empty."""
    if body:
        record.sudo().message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            author_id=record.env.ref("base.partner_root").id,
        )


def paragraph(staff_env, message, **links):
    """``message`` (a lazy translation) translated for staff as an HTML paragraph;
    ``links`` are ``Markup`` values put in its placeholders."""
    text = escape(staff_env._(message))
    return Markup("<p>%s</p>") % (text % links if links else text)


class MentoringWebsiteApplicantMixin(models.AbstractModel):
    """What saving a website application does, for the participant models: inherited by
    ``mentoring.person.mixin`` (``mentoring_person_mixin.py``), hence by
    ``mentoring.mentor`` and ``mentoring.mentee``, which override the ``_website_*``
    methods of the second part.

    A submission never reuses an existing contact, even one with the same e-mail: its author
    is not authenticated, so it must neither write on, nor attach anything to, a contact of
    someone else. The new record is flagged for staff instead (see
    :meth:`_website_duplicate_note`).
    """

    _name = "mentoring.website.applicant.mixin"
    _description = "Website application (mentor or mentee)"

    # ---------------------------------------------------------------------------------
    # The shared implementation
    # ---------------------------------------------------------------------------------

    @api.model
    def _create_from_website(self, data, lang, salesperson=None, program=None):
        """Save one application sent from the public website, as superuser.

        Creates a new contact in ``lang``, the record (mentor applicant or self-referred
        mentee candidate) in ``program``, its résumé, an internal note naming the existing
        contacts with the same e-mail (none of them is changed), the acknowledgement e-mail
        to the applicant (queued) and a to-do activity for the person who screens it.

        :param dict data: the already validated values of the form, as the website
            controller reads them (``MentoringWebsite._read_mentor_form`` /
            ``_read_mentee_form``): texts, numbers, selection values, records as
            recordsets (``state``, ``noc``, ``naics``, ``languages``...), and the résumé as
            ``{"name", "raw", "mimetype"}`` or ``None``. Nothing is checked again here:
            never pass unchecked input.
        :param str lang: code of the language the person used (the page's language, e.g.
            ``"fr_CA"``), an active language: the contact's language, hence the
            acknowledgement's; the environment's language when empty. A mentee's
            preferred service language then sets it when they differ (French service:
            e-mails in French), see ``mentoring.mentee.service_language``.
        :param salesperson: ``res.users`` who screens the application when the program has
            no usable coordinator (the website's salesperson); optional
        :param program: ``mentoring.program`` to join; ``mentoring.program._default_program`` when
            not given
        :return: the new record, as superuser
        :raise UserError, ValidationError, psycopg2.IntegrityError: when a value is refused
            by the models; the caller decides what to roll back (the website runs this in a
            savepoint)
        """
        applicants = self.sudo()
        program = program or self.env["mentoring.program"].sudo()._default_program()
        program = program.sudo()
        reviewer = applicants._website_reviewer(program, salesperson)
        staff_env = applicants._website_staff_env(reviewer)
        existing = applicants._website_existing_contacts(data["email"])
        related = applicants._website_prepare_related(data)
        partner = applicants._website_create_contact(data, lang)
        record = applicants.with_context(mail_create_nosubscribe=True).create(
            applicants._website_record_values(data, partner, program, related)
        )
        record._website_attach_resume(data["resume"])
        note = record._website_duplicate_note(staff_env, existing)
        note += record._website_note_rows(staff_env, related)
        record._website_notify_related(staff_env, related)
        record._website_post_note(note)
        record._website_send_acknowledgement()
        record._website_schedule_review(reviewer, staff_env, note, duplicate=bool(existing))
        return record

    @api.model
    def _website_reviewer(self, program, salesperson=None):
        """Who screens the application: the program's first coordinator, else
        ``salesperson`` (the website's), else the administrator; an active internal user
        in each case, or nobody (empty ``res.users``)."""
        Users = self.env["res.users"].sudo()

        def usable(users):
            return users.filtered(lambda user: user.active and not user.share)[:1]

        user = usable(program.coordinator_ids)
        if not user and salesperson:
            user = usable(salesperson.sudo())
        if not user:
            admin = self.env.ref("base.user_admin", raise_if_not_found=False)
            user = usable((admin or Users).sudo())
        return user

    @api.model
    def _website_staff_env(self, user):
        """Environment translating notes and activities in the reviewer's language."""
        return self.env(context=dict(self.env.context, lang=user.lang or self.env.lang))

    @api.model
    def _website_existing_contacts(self, email):
        """Every contact already using ``email``: contacts (archived ones too) with that
        address, and the contacts of users (archived ones too) whose login it is.

        Read as superuser only to be named to staff in a note: a public form never writes
        on them, and the visitor is never told whether any exists.
        """
        normalized = email_normalize(email)
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("email_normalized", "=", normalized)], order="id", limit=20)
        )
        users = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("login", "=ilike", escape_psql(normalized))], order="id", limit=20)
        )
        return partners | users.partner_id

    @api.model
    def _website_contact_values(self, data, lang):
        """Values of the applicant's new contact: in Canada, in language ``lang``."""
        return {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "city": data["city"],
            "state_id": data["state"].id,
            "country_id": self.env.ref("base.ca").id,
            "function": data.get("function") or False,
            "lang": lang or self.env.lang,
        }

    @api.model
    def _website_create_contact(self, data, lang):
        """A new contact with the submitted values, in language ``lang`` (never an
        existing contact, see the class's docstring)."""
        return self.env["res.partner"].sudo().create(self._website_contact_values(data, lang))

    def _website_attach_resume(self, upload):
        """Attach the uploaded résumé (``{"name", "raw", "mimetype"}`` or ``None``) to
        this new record.

        :return: the new ``ir.attachment`` (empty when nothing was uploaded)
        """
        self.ensure_one()
        if not upload:
            return self.env["ir.attachment"]
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": upload["name"],
                    "raw": upload["raw"],
                    "mimetype": upload["mimetype"],
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _website_duplicate_note(self, staff_env, contacts):
        """The note flagging a possible duplicate of this new record: the existing
        ``contacts`` with the same e-mail, each named with a link and what it already is
        (user, mentor, mentee); none of their details is copied.

        :return: ``Markup`` (empty when ``contacts`` is empty)
        """
        if not contacts:
            return Markup()
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        users = Users.search([("partner_id", "in", contacts.ids)])
        participants = {}
        for model, _role in PARTICIPANT_ROLES:
            records = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([("partner_id", "in", contacts.ids)])
            )
            participants[model] = {record.partner_id: record for record in records}
        items = []
        for contact in contacts:
            roles = []
            for user in users.filtered(lambda user, contact=contact: user.partner_id == contact):
                role = MSG_ROLE_PORTAL_USER if user.share else MSG_ROLE_INTERNAL_USER
                roles.append(escape(staff_env._(role)))
            for model, role in PARTICIPANT_ROLES:
                if record := participants[model].get(contact):
                    roles.append(record._get_html_link(title=staff_env._(role)))
            link = contact.with_context(lang=staff_env.lang)._get_html_link()
            if roles:
                items.append(Markup("<li>%s (%s)</li>") % (link, Markup(", ").join(roles)))
            else:
                items.append(Markup("<li>%s</li>") % link)
        body = paragraph(staff_env, MSG_DUPLICATE)
        body += Markup("<ul>%s</ul>") % Markup().join(items)
        if participants[self._name]:
            body += paragraph(staff_env, self._website_duplicate_same_kind_message())
        body += paragraph(staff_env, MSG_DUPLICATE_MERGE)
        return body

    def _website_post_note(self, body):
        """The staff note (``body``, ``Markup``) on this new record, by OdooBot; nothing
        when ``body`` is empty."""
        self.ensure_one()
        post_note(self, body)

    def _website_send_acknowledgement(self):
        """Queue the acknowledgement e-mail of :meth:`_website_mail_template` to the
        applicant (in their contact's language)."""
        self.ensure_one()
        self._website_mail_template().sudo().send_mail(self.id)

    def _website_schedule_review(self, user, staff_env, note, duplicate=False):
        """A to-do for ``user`` (nobody: no activity) to review this new application, on
        :meth:`_website_review_record`, its summary in the reviewer's language, the note
        (if any) as its description."""
        if user:
            self._website_review_record().sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=staff_env._(self._website_activity_summary(duplicate)),
                note=note or "",
                user_id=user.id,
            )

    # ---------------------------------------------------------------------------------
    # What each model says (overridden by mentoring.mentor and mentoring.mentee)
    # ---------------------------------------------------------------------------------

    @api.model
    def _website_prepare_related(self, data):
        """Records the application needs besides the contact, found or created before it
        (the mentor's employer). Passed on to :meth:`_website_record_values`,
        :meth:`_website_note_rows` and :meth:`_website_notify_related`.

        :return: dict
        """
        return {}

    @api.model
    def _website_record_values(self, data, partner, program, related):
        """Values of the new record on the new contact ``partner``, in ``program``."""
        raise NotImplementedError()

    def _website_note_rows(self, staff_env, related):
        """Paragraphs added to the staff note after the duplicate flag.

        :return: ``Markup`` (possibly empty)
        """
        return Markup()

    def _website_notify_related(self, staff_env, related):
        """Tell staff about records :meth:`_website_prepare_related` created (nothing by
        default)."""
        return None

    def _website_review_record(self):
        """The record the review to-do goes on: this new record by default."""
        self.ensure_one()
        return self

    @api.model
    def _website_duplicate_same_kind_message(self):
        """Paragraph of the duplicate note when an existing contact already has a record of
        this model (a contact can only have one); a lazy translation."""
        raise NotImplementedError()

    @api.model
    def _website_mail_template(self):
        """The ``mail.template`` acknowledging the application to the applicant."""
        raise NotImplementedError()

    @api.model
    def _website_activity_summary(self, duplicate):
        """Summary of the review activity (a lazy translation); ``duplicate`` when the note
        flags a possible duplicate."""
        raise NotImplementedError()
