import base64
import logging

from markupsafe import Markup, escape
from psycopg2 import IntegrityError

from odoo import Command, fields, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import email_normalize, escape_psql
from odoo.tools.translate import LazyTranslate

from .form_reader import FormReader

_lt = LazyTranslate(__name__)
_logger = logging.getLogger(__name__)

# A field no person sees (hidden with CSS, skipped by keyboard and autofill): robots fill it.
HONEYPOT_FIELD = "website_url_confirm"
MENTOR_THANK_YOU_URL = "/mentoring/thank-you"
MENTEE_THANK_YOU_URL = "/mentoring/self-referral/thank-you"
# Captcha actions of the two forms (the form's ``data-captcha`` and the route's ``captcha``).
MENTOR_CAPTCHA_ACTION = "mentoring_mentor_application"
MENTEE_CAPTCHA_ACTION = "mentoring_self_referral"
CLB_FIELDS = ("clb_listening", "clb_speaking", "clb_reading", "clb_writing")

MSG_FIX_ERRORS = _lt("Your application was not sent yet: correct the fields marked below.")
MSG_TOO_MANY = _lt(
    "Too many applications were sent from your connection in the last hour. "
    "Please try again later, or contact us by phone or e-mail."
)
MSG_NOT_SAVED = _lt("Your application could not be saved. Please check your answers and try again.")
MSG_PROVINCE = _lt("Choose a Canadian province or territory from the list.")
MSG_NOC = _lt("Type a few letters of your occupation, then choose it from the suggestions.")
MSG_LANGUAGES = _lt("Tick at least one language you speak.")
MSG_COMMITMENT_CONFIRM = _lt("Mentors commit to at least 3 months: tick this box to confirm.")
MSG_COMMITMENT_RANGE = _lt("Enter a commitment from %(minimum)s to %(maximum)s months.")
MSG_CLB_RANGE = _lt("Choose a level from %(minimum)s to %(maximum)s, or “Not assessed yet”.")
MSG_CONSENT = _lt("Your consent is needed to process your application.")
MSG_MENTOR_ACTIVITY = _lt("Screen mentor application")
MSG_MENTEE_ACTIVITY = _lt("Review self-referral")
MSG_MENTOR_ACTIVITY_DUPLICATE = _lt("Screen mentor application (possible duplicate)")
MSG_MENTEE_ACTIVITY_DUPLICATE = _lt("Review self-referral (possible duplicate)")
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
MSG_DUPLICATE_MENTOR = _lt(
    "One of them already has a mentor record. A contact can only have one: keep what is "
    "useful from this application on the existing mentor record and delete this new one "
    "before merging the contacts."
)
MSG_DUPLICATE_MENTEE = _lt(
    "One of them already has a mentee record. A contact can only have one: keep what is "
    "useful from this self-referral on the existing mentee record and delete this new one "
    "before merging the contacts."
)
MSG_ROLE_INTERNAL_USER = _lt("internal user")
MSG_ROLE_PORTAL_USER = _lt("portal user")
MSG_ROLE_MENTOR = _lt("mentor")
MSG_ROLE_MENTEE = _lt("mentee")
MSG_NEW_EMPLOYER = _lt(
    "The employer typed in the application, %(employer)s, matches no organization marked "
    "as an employer: a new company was created for review."
)
MSG_EMPLOYER_CREATED = _lt(
    "Created from a mentor application on the website (%(mentor)s), from the employer name "
    "the applicant typed. Check that it is not an organization already recorded under "
    "another name (if it is, merge the two contacts) and complete its details."
)


def default_program(env):
    """The program website applications join: the lead agency's open-access Career
    Mentoring Program, else the first active open-access program (as superuser)."""
    program = env.ref("mentoring_base.program_open_access", raise_if_not_found=False)
    if program and program._name == "mentoring.program" and program.sudo().active:
        return program.sudo()
    return env["mentoring.program"].sudo().search([("program_type", "=", "open_access")], limit=1)


class MentoringWebsite(http.Controller):
    """Public pages where mentors apply and newcomers refer themselves."""

    # ---------------------------------------------------------------------------------
    # Routes
    # ---------------------------------------------------------------------------------

    @http.route(
        "/mentoring/become-a-mentor",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=True,
    )
    def become_a_mentor(self, **kwargs):
        """The empty "Become a mentor" form."""
        return self._render_mentor_form({"commitment_months": "3"}, {})

    @http.route(
        "/mentoring/become-a-mentor",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
        captcha=MENTOR_CAPTCHA_ACTION,
    )
    def become_a_mentor_submit(self, **post):
        """Check the mentor application and save it, or show the form again with messages.

        ``captcha``: when a captcha addon is installed (``google_recaptcha``,
        ``website_cf_turnstile``), Odoo verifies the token its script added to the form
        (``data-captcha``) before this method runs, and refuses the request otherwise.
        """
        return self._process_submission(
            "mentor",
            self._read_mentor_form,
            self._save_mentor_application,
            self._render_mentor_form,
            MENTOR_THANK_YOU_URL,
        )

    @http.route(
        "/mentoring/self-referral",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=True,
    )
    def self_referral(self, **kwargs):
        """The empty self-referral form, offering service in the page's language."""
        return self._render_mentee_form({"service_language": self._page_service_language()}, {})

    @http.route(
        "/mentoring/self-referral",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
        captcha=MENTEE_CAPTCHA_ACTION,
    )
    def self_referral_submit(self, **post):
        """Check the self-referral and save it, or show the form again with messages (the
        captcha is verified as for :meth:`become_a_mentor_submit`)."""
        return self._process_submission(
            "mentee",
            self._read_mentee_form,
            self._save_self_referral,
            self._render_mentee_form,
            MENTEE_THANK_YOU_URL,
        )

    @http.route(MENTOR_THANK_YOU_URL, type="http", auth="public", website=True, sitemap=False)
    def mentor_thank_you(self, **kwargs):
        """The page shown after any accepted mentor application."""
        return request.render("mentoring_website.mentor_thank_you")

    @http.route(MENTEE_THANK_YOU_URL, type="http", auth="public", website=True, sitemap=False)
    def mentee_thank_you(self, **kwargs):
        """The page shown after any accepted self-referral."""
        return request.render("mentoring_website.mentee_thank_you")

    @http.route(
        "/mentoring/noc/search",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def noc_search(self, q="", **kwargs):
        """Unit groups (level 5) of the NOC whose code or title matches ``q``, in JSON."""
        term = (q or "").strip()[:100]
        if len(term) < 2:
            return request.make_json_response([])
        nocs = (
            request.env["mentoring.noc"]
            .sudo()
            .search([("display_name", "ilike", term), ("level", "=", 5)], limit=20)
        )
        return request.make_json_response(
            [{"id": noc.id, "label": noc.display_name} for noc in nocs]
        )

    # ---------------------------------------------------------------------------------
    # Submission flow shared by both forms
    # ---------------------------------------------------------------------------------

    def _process_submission(self, form_name, read, save, render, thank_you_url):
        """Check everything, then create everything at once, or nothing at all."""
        httprequest = request.httprequest
        ip = httprequest.remote_addr
        if httprequest.form.get(HONEYPOT_FIELD):
            _logger.info("Website %s form: honeypot filled from %s, nothing saved.", form_name, ip)
            return request.redirect(self._localized(thank_you_url))
        reader = FormReader(request.env, httprequest.form, httprequest.files)
        data = read(reader)
        Submission = request.env["mentoring.website.submission"]
        form_error = False
        if Submission._is_over_limit(ip, form_name):
            _logger.info("Website %s form: submission limit reached for %s.", form_name, ip)
            form_error = request.env._(MSG_TOO_MANY)
        elif reader.errors:
            form_error = request.env._(MSG_FIX_ERRORS)
        if form_error:
            return render(reader.values, reader.errors, form_error)
        try:
            with request.env.cr.savepoint():
                save(data)
                Submission._record_submission(ip, form_name)
                request.env.flush_all()
        except (UserError, IntegrityError) as error:
            _logger.info("Website %s form: application not saved (%s).", form_name, error)
            return render(reader.values, reader.errors, request.env._(MSG_NOT_SAVED))
        return request.redirect(self._localized(thank_you_url))

    def _localized(self, url):
        return request.env["ir.http"]._url_for(url)

    # ---------------------------------------------------------------------------------
    # Choices offered by the forms (and the domains posted ids must belong to)
    # ---------------------------------------------------------------------------------

    def _canada(self):
        return request.env.ref("base.ca").sudo()

    def _province_domain(self):
        return [("country_id", "=", self._canada().id)]

    def _noc_domain(self):
        return [("level", "=", 5), ("active", "=", True)]

    def _naics_domain(self):
        return [("level", "=", 1), ("active", "=", True)]

    def _language_domain(self):
        return [("active", "=", True)]

    def _page_service_language(self):
        return "fr" if request.lang.code.startswith("fr") else "en"

    def _selection(self, model, field):
        """(value, label) pairs of a selection field, in the visitor's language."""
        return request.env[model]._fields[field]._description_selection(request.env)

    def _common_choices(self):
        env = request.env
        return {
            "provinces": env["res.country.state"]
            .sudo()
            .search(self._province_domain())
            .sorted("name"),
            "sectors": env["mentoring.naics"].sudo().search(self._naics_domain()).sorted("name"),
            "languages": env["mentoring.language"].sudo().search(self._language_domain()),
            "honeypot_field": HONEYPOT_FIELD,
            "noc_search_url": self._localized("/mentoring/noc/search"),
        }

    def _render_mentor_form(self, values, errors, form_error=False):
        return request.render(
            "mentoring_website.become_a_mentor",
            {
                **self._common_choices(),
                "values": values,
                "errors": errors,
                "form_error": form_error,
            },
        )

    def _render_mentee_form(self, values, errors, form_error=False):
        return request.render(
            "mentoring_website.self_referral",
            {
                **self._common_choices(),
                "countries": request.env["res.country"].sudo().search([]).sorted("name"),
                "immigration_statuses": self._selection("mentoring.mentee", "immigration_status"),
                "education_levels": self._selection("mentoring.mentee", "education_level"),
                "service_languages": self._selection("mentoring.mentee", "service_language"),
                "clb_fields": CLB_FIELDS,
                "values": values,
                "errors": errors,
                "form_error": form_error,
            },
        )

    # ---------------------------------------------------------------------------------
    # Reading the forms
    # ---------------------------------------------------------------------------------

    def _read_person(self, reader):
        return {
            "name": reader.text("name", required=True, max_length=128),
            "email": reader.email("email"),
            "phone": reader.phone("phone"),
            "city": reader.text("city", required=True, max_length=64),
            "state": reader.record(
                "state_id", "res.country.state", self._province_domain(), message=MSG_PROVINCE
            ),
        }

    def _read_noc(self, reader, key, label_key):
        typed = reader.text(label_key, max_length=300)
        noc = reader.record(
            key,
            "mentoring.noc",
            self._noc_domain(),
            message=MSG_NOC,
            required_message=MSG_NOC if typed else None,
        )
        if noc:
            reader.values[label_key] = noc.display_name
        return noc

    def _read_mentor_form(self, reader):
        data = self._read_person(reader)
        mentor_fields = request.env["mentoring.mentor"]._fields
        data.update(
            employer=reader.text("employer", max_length=128),
            function=reader.text("function", required=True, max_length=128),
            noc=self._read_noc(reader, "noc_id", "noc_label"),
            naics=reader.record("naics_id", "mentoring.naics", self._naics_domain()),
            years_experience_region=reader.integer("years_experience_region", 0, 70),
            languages=reader.records(
                "spoken_language_ids",
                "mentoring.language",
                self._language_domain(),
                message=MSG_LANGUAGES,
            ),
            professional_networks=reader.text(
                "professional_networks", max_length=2000, multiline=True
            ),
            motivation=reader.text("motivation", required=True, max_length=4000, multiline=True),
            availability=reader.text(
                "availability", required=True, max_length=2000, multiline=True
            ),
            commitment_confirmed=reader.boolean(
                "commitment_confirmed", required=True, message=MSG_COMMITMENT_CONFIRM
            ),
            commitment_months=reader.integer(
                "commitment_months", 3, 60, range_message=MSG_COMMITMENT_RANGE
            ),
            recruitment_source=reader.selection(
                "recruitment_source",
                [value for value, _label in mentor_fields["recruitment_source"].selection],
                required=False,
            ),
            consent=reader.boolean("consent_share", required=True, message=MSG_CONSENT),
            resume=reader.upload("resume"),
        )
        return data

    def _read_mentee_form(self, reader):
        data = self._read_person(reader)
        mentee_fields = request.env["mentoring.mentee"]._fields

        def choices(field):
            return [value for value, _label in mentee_fields[field].selection]

        data.update(
            immigration_status=reader.selection(
                "immigration_status", choices("immigration_status")
            ),
            education_country=reader.record("education_country_id", "res.country", []),
            education_level=reader.selection("education_level", choices("education_level")),
            career_objective=reader.text(
                "career_objective", required=True, max_length=4000, multiline=True
            ),
            noc=self._read_noc(reader, "target_noc_id", "target_noc_label"),
            naics=reader.record(
                "target_naics_id", "mentoring.naics", self._naics_domain(), required=False
            ),
            job_search_workshop=reader.boolean("job_search_workshop"),
            languages=reader.records(
                "spoken_language_ids",
                "mentoring.language",
                self._language_domain(),
                message=MSG_LANGUAGES,
            ),
            service_language=reader.selection("service_language", choices("service_language")),
            consent=reader.boolean("consent_share", required=True, message=MSG_CONSENT),
            resume=reader.upload("resume", required=True),
        )
        for field in CLB_FIELDS:
            # "Not assessed yet" is posted as an empty value (stored as 0).
            data[field] = (
                reader.integer(field, 1, 12, required=False, range_message=MSG_CLB_RANGE) or 0
            )
        return data

    # ---------------------------------------------------------------------------------
    # Saving (only called once every value is valid)
    # ---------------------------------------------------------------------------------

    def _default_program(self):
        return default_program(request.env)

    def _responsible_user(self, program):
        """Who screens the application: the program's first coordinator, else the website's
        salesperson, else the administrator."""
        Users = request.env["res.users"].sudo()

        def usable(users):
            return users.filtered(lambda user: user.active and not user.share)[:1]

        user = usable(program.coordinator_ids)
        if not user and "salesperson_id" in request.website._fields:
            user = usable(request.website.sudo().salesperson_id)
        if not user:
            admin = request.env.ref("base.user_admin", raise_if_not_found=False)
            user = usable((admin or Users).sudo())
        return user

    def _existing_contacts(self, email):
        """Every contact already using ``email``: contacts (archived ones too) with that
        address, and the contacts of users (archived ones too) whose login it is.

        Read as superuser only to be named to staff in a note: a public form never writes
        on them, and the visitor is never told whether any exists.
        """
        normalized = email_normalize(email)
        partners = (
            request.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("email_normalized", "=", normalized)], order="id", limit=20)
        )
        users = (
            request.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("login", "=ilike", escape_psql(normalized))], order="id", limit=20)
        )
        return partners | users.partner_id

    def _person_values(self, data):
        return {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "city": data["city"],
            "state_id": data["state"].id,
            "country_id": self._canada().id,
            "function": data.get("function") or False,
            "lang": request.lang.code,
        }

    def _create_person(self, data):
        """A new contact with the submitted values, in the page's language.

        A submission never reuses an existing contact, even one with the same e-mail: its
        author is not authenticated, so it must neither write on, nor attach anything to,
        a contact of someone else (see :meth:`_duplicate_note`).
        """
        return request.env["res.partner"].sudo().create(self._person_values(data))

    def _find_or_create_employer(self, name):
        """The organization ``name`` designates, only if it is exactly one active company
        marked as employer (never a service agency); else a new company for review.

        :return: ``(employer, created)``
        """
        Partner = request.env["res.partner"].sudo()
        if not name:
            return Partner, False
        employers = Partner.search(
            [
                ("is_company", "=", True),
                ("is_employer", "=", True),
                ("is_service_agency", "=", False),
                ("name", "=ilike", escape_psql(name)),
            ],
            order="id",
            limit=2,
        )
        if len(employers) == 1:
            return employers, False
        return Partner.create({"name": name, "is_company": True, "is_employer": True}), True

    def _staff_env(self, user):
        """Environment translating notes and activities in the responsible user's language."""
        return request.env(context=dict(request.env.context, lang=user.lang or request.env.lang))

    def _attachment(self, record, upload):
        if not upload:
            return request.env["ir.attachment"]
        return (
            request.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": upload["name"],
                    "raw": upload["raw"],
                    "mimetype": upload["mimetype"],
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        )

    def _paragraph(self, staff_env, message, **links):
        """``message`` translated for staff as an HTML paragraph; ``links`` are Markup."""
        text = escape(staff_env._(message))
        return Markup("<p>%s</p>") % (text % links if links else text)

    def _duplicate_note(self, staff_env, contacts, kind):
        """The note flagging a possible duplicate: the existing contacts with the same
        e-mail, each named with a link and what it already is (user, mentor, mentee);
        none of their details is copied. ``kind`` is ``"mentor"`` or ``"mentee"``.

        :return: ``Markup`` (empty when ``contacts`` is empty)
        """
        if not contacts:
            return Markup()
        Users = request.env["res.users"].sudo().with_context(active_test=False)
        users = Users.search([("partner_id", "in", contacts.ids)])
        participants = {}
        for model in ("mentoring.mentor", "mentoring.mentee"):
            records = (
                request.env[model]
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
            for model, role in (
                ("mentoring.mentor", MSG_ROLE_MENTOR),
                ("mentoring.mentee", MSG_ROLE_MENTEE),
            ):
                if record := participants[model].get(contact):
                    roles.append(record._get_html_link(title=staff_env._(role)))
            link = contact.with_context(lang=staff_env.lang)._get_html_link()
            if roles:
                items.append(Markup("<li>%s (%s)</li>") % (link, Markup(", ").join(roles)))
            else:
                items.append(Markup("<li>%s</li>") % link)
        body = self._paragraph(staff_env, MSG_DUPLICATE)
        body += Markup("<ul>%s</ul>") % Markup().join(items)
        same_kind = participants[f"mentoring.{kind}"]
        if same_kind:
            body += self._paragraph(
                staff_env, MSG_DUPLICATE_MENTOR if kind == "mentor" else MSG_DUPLICATE_MENTEE
            )
        body += self._paragraph(staff_env, MSG_DUPLICATE_MERGE)
        return body

    def _post_note(self, record, body):
        """An internal note by OdooBot on ``record`` (a record this submission created)."""
        if body:
            record.sudo().message_post(
                body=body,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                author_id=request.env.ref("base.partner_root").id,
            )

    def _schedule_review(self, record, user, staff_env, summary, note=None):
        if user:
            record.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=staff_env._(summary),
                note=note or "",
                user_id=user.id,
            )

    # -- mentor -----------------------------------------------------------------------

    def _save_mentor_application(self, data):
        Mentor = request.env["mentoring.mentor"].sudo().with_context(mail_create_nosubscribe=True)
        program = self._default_program()
        user = self._responsible_user(program)
        staff_env = self._staff_env(user)
        existing = self._existing_contacts(data["email"])
        employer, new_employer = self._find_or_create_employer(data["employer"])
        partner = self._create_person(data)
        mentor = Mentor.create(
            {
                "partner_id": partner.id,
                "state": "applicant",
                "employer_id": employer.id,
                "noc_id": data["noc"].id,
                "naics_id": data["naics"].id,
                "years_experience_region": data["years_experience_region"],
                "spoken_language_ids": [Command.set(data["languages"].ids)],
                "professional_networks": data["professional_networks"],
                "motivation": data["motivation"],
                "availability": data["availability"],
                "commitment_months": data["commitment_months"],
                "recruitment_source": data["recruitment_source"],
                "consent_share": True,
                "consent_date": fields.Date.context_today(Mentor),
                "program_ids": [Command.set(program.ids)],
            }
        )
        self._attachment(mentor, data["resume"])
        note = self._duplicate_note(staff_env, existing, "mentor")
        if new_employer:
            note += self._paragraph(staff_env, MSG_NEW_EMPLOYER, employer=employer._get_html_link())
            self._post_note(
                employer,
                self._paragraph(staff_env, MSG_EMPLOYER_CREATED, mentor=mentor._get_html_link()),
            )
        self._post_note(mentor, note)
        request.env.ref(
            "mentoring_website.mail_template_mentor_application_received"
        ).sudo().send_mail(mentor.id)
        self._schedule_review(
            mentor,
            user,
            staff_env,
            MSG_MENTOR_ACTIVITY_DUPLICATE if existing else MSG_MENTOR_ACTIVITY,
            note=note,
        )
        return mentor

    # -- mentee -----------------------------------------------------------------------

    def _save_self_referral(self, data):
        Mentee = request.env["mentoring.mentee"].sudo().with_context(mail_create_nosubscribe=True)
        program = self._default_program()
        user = self._responsible_user(program)
        staff_env = self._staff_env(user)
        existing = self._existing_contacts(data["email"])
        partner = self._create_person(data)
        resume = data["resume"]
        mentee = Mentee.create(
            {
                "partner_id": partner.id,
                "state": "candidate",
                "self_referred": True,
                "referring_agency_id": False,
                "program_id": program.id,
                "immigration_status": data["immigration_status"],
                "education_country_id": data["education_country"].id,
                "education_level": data["education_level"],
                **{field: data[field] for field in CLB_FIELDS},
                "career_objective": data["career_objective"],
                "target_noc_id": data["noc"].id,
                "target_naics_id": data["naics"].id,
                "job_search_workshop": data["job_search_workshop"],
                "spoken_language_ids": [Command.set(data["languages"].ids)],
                "service_language": data["service_language"],
                "resume": base64.b64encode(resume["raw"]),
                "resume_filename": resume["name"],
                "consent_share": True,
                "consent_date": fields.Date.context_today(Mentee),
            }
        )
        note = self._duplicate_note(staff_env, existing, "mentee")
        self._post_note(mentee, note)
        request.env.ref("mentoring_website.mail_template_self_referral_received").sudo().send_mail(
            mentee.id
        )
        self._schedule_review(
            mentee,
            user,
            staff_env,
            MSG_MENTEE_ACTIVITY_DUPLICATE if existing else MSG_MENTEE_ACTIVITY,
            note=note,
        )
        return mentee
