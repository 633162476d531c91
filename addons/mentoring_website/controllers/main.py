import base64
import logging

from markupsafe import Markup
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
MSG_LINKED = _lt("This application was linked to an existing contact.")
MSG_CONTACT_KEPT = _lt(
    "The contact's details were not changed: compare them with the submitted values below."
)
MSG_NEW_MENTOR_APPLICATION = _lt(
    "A new mentor application arrived from the website for this person, who already has a "
    "mentor record. Nothing was changed; the submitted values are below."
)
MSG_NEW_SELF_REFERRAL = _lt(
    "A new self-referral arrived from the website for this person, who already has a "
    "mentee record. Nothing was changed; the submitted values are below."
)
MSG_EMPLOYER = _lt("Employer")
MSG_YES = _lt("Yes")
MSG_NO = _lt("No")
MSG_NOT_ASSESSED = _lt("Not assessed yet")


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
        return self._render_mentor_form({"commitment_months": "3"}, {})

    @http.route(
        "/mentoring/become-a-mentor",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def become_a_mentor_submit(self, **post):
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
        return self._render_mentee_form({"service_language": self._page_service_language()}, {})

    @http.route(
        "/mentoring/self-referral",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def self_referral_submit(self, **post):
        return self._process_submission(
            "mentee",
            self._read_mentee_form,
            self._save_self_referral,
            self._render_mentee_form,
            MENTEE_THANK_YOU_URL,
        )

    @http.route(MENTOR_THANK_YOU_URL, type="http", auth="public", website=True, sitemap=False)
    def mentor_thank_you(self, **kwargs):
        return request.render("mentoring_website.mentor_thank_you")

    @http.route(MENTEE_THANK_YOU_URL, type="http", auth="public", website=True, sitemap=False)
    def mentee_thank_you(self, **kwargs):
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
        if Submission._is_over_limit(ip):
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

    def _find_person(self, email):
        return (
            request.env["res.partner"]
            .sudo()
            .search(
                [("email_normalized", "=", email_normalize(email)), ("is_company", "=", False)],
                order="id",
                limit=1,
            )
        )

    def _person_values(self, data):
        return {
            "phone": data["phone"],
            "city": data["city"],
            "state_id": data["state"].id,
            "country_id": self._canada().id,
            "function": data.get("function") or False,
        }

    def _create_or_complete_person(self, partner, data):
        """A new contact in the page's language, or the existing one with only its empty
        fields completed (a public form never overwrites what staff recorded)."""
        values = self._person_values(data)
        if not partner:
            return (
                request.env["res.partner"]
                .sudo()
                .create(
                    {
                        **values,
                        "name": data["name"],
                        "email": data["email"],
                        "lang": request.lang.code,
                    }
                )
            )
        address = ("city", "state_id", "country_id")
        if any(partner[field] for field in address):
            values = {key: value for key, value in values.items() if key not in address}
        updates = {key: value for key, value in values.items() if value and not partner[key]}
        if updates:
            partner.write(updates)
        return partner

    def _find_or_create_employer(self, name):
        Partner = request.env["res.partner"].sudo()
        if not name:
            return Partner
        employer = Partner.search(
            [("is_company", "=", True), ("name", "=ilike", escape_psql(name))], order="id", limit=1
        )
        return employer or Partner.create({"name": name, "is_company": True, "is_employer": True})

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

    def _summary(self, staff_env, rows):
        """The submitted values as an HTML list for a chatter note."""
        items = Markup().join(
            Markup("<li><strong>%s</strong>: %s</li>") % (label, value)
            for label, value in rows
            if value not in (False, None, "")
        )
        return Markup("<ul>%s</ul>") % items

    def _label(self, staff_env, model, field):
        return staff_env[model]._fields[field]._description_string(staff_env)

    def _selection_label(self, staff_env, model, field, value):
        if not value:
            return False
        return dict(staff_env[model]._fields[field]._description_selection(staff_env))[value]

    def _person_rows(self, staff_env, data):
        lang = staff_env.lang

        def label(field):
            return self._label(staff_env, "res.partner", field)

        return [
            (label("name"), data["name"]),
            (label("email"), data["email"]),
            (label("phone"), data["phone"]),
            (label("city"), data["city"]),
            (label("state_id"), data["state"].with_context(lang=lang).name),
        ]

    def _post_note(self, record, staff_env, messages, rows, user=None, upload=None):
        """A note on ``record``, by OdooBot, with the submitted values (and document);
        ``user`` is notified."""
        body = Markup().join(Markup("<p>%s</p>") % message for message in messages)
        body += self._summary(staff_env, rows)
        record.sudo().message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            author_id=request.env.ref("base.partner_root").id,
            partner_ids=user.partner_id.ids if user else [],
            attachments=[(upload["name"], upload["raw"])] if upload else [],
        )

    def _schedule_review(self, record, user, staff_env, summary):
        if user:
            record.sudo().activity_schedule(
                "mail.mail_activity_data_todo", summary=staff_env._(summary), user_id=user.id
            )

    # -- mentor -----------------------------------------------------------------------

    def _mentor_rows(self, staff_env, data):
        lang = staff_env.lang
        model = "mentoring.mentor"

        def label(field):
            return self._label(staff_env, model, field)

        return [
            *self._person_rows(staff_env, data),
            (staff_env._(MSG_EMPLOYER), data["employer"]),
            (self._label(staff_env, "res.partner", "function"), data["function"]),
            (label("noc_id"), data["noc"].with_context(lang=lang).display_name),
            (label("naics_id"), data["naics"].with_context(lang=lang).name),
            (label("years_experience_region"), str(data["years_experience_region"])),
            (
                label("spoken_language_ids"),
                ", ".join(data["languages"].with_context(lang=lang).mapped("name")),
            ),
            (label("professional_networks"), data["professional_networks"]),
            (label("motivation"), data["motivation"]),
            (label("availability"), data["availability"]),
            (label("commitment_months"), str(data["commitment_months"])),
            (
                label("recruitment_source"),
                self._selection_label(
                    staff_env, model, "recruitment_source", data["recruitment_source"]
                ),
            ),
        ]

    def _save_mentor_application(self, data):
        Mentor = request.env["mentoring.mentor"].sudo().with_context(mail_create_nosubscribe=True)
        program = self._default_program()
        user = self._responsible_user(program)
        staff_env = self._staff_env(user)
        partner = self._find_person(data["email"])
        existing = partner and Mentor.with_context(active_test=False).search(
            [("partner_id", "=", partner.id)], limit=1
        )
        if existing:
            self._post_note(
                existing,
                staff_env,
                [staff_env._(MSG_NEW_MENTOR_APPLICATION), staff_env._(MSG_LINKED)],
                self._mentor_rows(staff_env, data),
                user=user,
                upload=data["resume"],
            )
            return existing
        linked = bool(partner)
        partner = self._create_or_complete_person(partner, data)
        mentor = Mentor.create(
            {
                "partner_id": partner.id,
                "state": "applicant",
                "employer_id": self._find_or_create_employer(data["employer"]).id,
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
        if linked:
            self._post_note(
                mentor,
                staff_env,
                [staff_env._(MSG_LINKED), staff_env._(MSG_CONTACT_KEPT)],
                self._mentor_rows(staff_env, data),
            )
        request.env.ref(
            "mentoring_website.mail_template_mentor_application_received"
        ).sudo().send_mail(mentor.id)
        self._schedule_review(mentor, user, staff_env, MSG_MENTOR_ACTIVITY)
        return mentor

    # -- mentee -----------------------------------------------------------------------

    def _mentee_rows(self, staff_env, data):
        lang = staff_env.lang
        model = "mentoring.mentee"

        def label(field):
            return self._label(staff_env, model, field)

        def selection(field):
            return self._selection_label(staff_env, model, field, data[field])

        rows = [
            *self._person_rows(staff_env, data),
            (label("immigration_status"), selection("immigration_status")),
            (
                label("education_country_id"),
                data["education_country"].with_context(lang=lang).name,
            ),
            (label("education_level"), selection("education_level")),
        ]
        rows += [
            (label(field), str(data[field]) if data[field] else staff_env._(MSG_NOT_ASSESSED))
            for field in CLB_FIELDS
        ]
        rows += [
            (label("career_objective"), data["career_objective"]),
            (label("target_noc_id"), data["noc"].with_context(lang=lang).display_name),
            (label("target_naics_id"), data["naics"].with_context(lang=lang).name),
            (
                label("job_search_workshop"),
                staff_env._(MSG_YES) if data["job_search_workshop"] else staff_env._(MSG_NO),
            ),
            (
                label("spoken_language_ids"),
                ", ".join(data["languages"].with_context(lang=lang).mapped("name")),
            ),
            (label("service_language"), selection("service_language")),
        ]
        return rows

    def _save_self_referral(self, data):
        Mentee = request.env["mentoring.mentee"].sudo().with_context(mail_create_nosubscribe=True)
        program = self._default_program()
        user = self._responsible_user(program)
        staff_env = self._staff_env(user)
        partner = self._find_person(data["email"])
        existing = partner and Mentee.with_context(active_test=False).search(
            [("partner_id", "=", partner.id)], limit=1
        )
        if existing:
            self._post_note(
                existing,
                staff_env,
                [staff_env._(MSG_NEW_SELF_REFERRAL), staff_env._(MSG_LINKED)],
                self._mentee_rows(staff_env, data),
                user=user,
                upload=data["resume"],
            )
            return existing
        linked = bool(partner)
        partner = self._create_or_complete_person(partner, data)
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
        if linked:
            self._post_note(
                mentee,
                staff_env,
                [staff_env._(MSG_LINKED), staff_env._(MSG_CONTACT_KEPT)],
                self._mentee_rows(staff_env, data),
            )
        request.env.ref("mentoring_website.mail_template_self_referral_received").sudo().send_mail(
            mentee.id
        )
        self._schedule_review(mentee, user, staff_env, MSG_MENTEE_ACTIVITY)
        return mentee
