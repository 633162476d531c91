import logging

from psycopg2 import IntegrityError

from odoo import http
from odoo.addons.mentoring_base.models.mentoring_mentee import CLB_FIELDS
from odoo.addons.mentoring_base.tools.language import collation_key
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.translate import LazyTranslate

from .form_reader import FormReader, slot_input
from .provinces import province_name

_lt = LazyTranslate(__name__)
_logger = logging.getLogger(__name__)

# A field no person sees (hidden with CSS, skipped by keyboard and autofill): robots fill it.
HONEYPOT_FIELD = "website_url_confirm"
MENTOR_THANK_YOU_URL = "/mentoring/thank-you"
MENTEE_THANK_YOU_URL = "/mentoring/self-referral/thank-you"
# Captcha actions of the two forms (the form's ``data-captcha`` and the route's ``captcha``).
MENTOR_CAPTCHA_ACTION = "mentoring_mentor_application"
MENTEE_CAPTCHA_ACTION = "mentoring_self_referral"

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
MSG_AVAILABILITY_SLOTS = _lt("Tick at least one time of the week when you could meet.")
# Rows and columns of the weekly availability grid (mentoring_base.tools.availability).
DAY_LABELS = (
    _lt("Monday"),
    _lt("Tuesday"),
    _lt("Wednesday"),
    _lt("Thursday"),
    _lt("Friday"),
    _lt("Saturday"),
    _lt("Sunday"),
)
PART_LABELS = (_lt("Morning"), _lt("Midday"), _lt("Afternoon"), _lt("Evening"))


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
            "mentoring.mentor",
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
            "mentoring.mentee",
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

    def _process_submission(self, form_name, read, model, render, thank_you_url):
        """Check everything, then create everything at once, or nothing at all.

        ``read`` turns the form into the values ``model``'s ``_create_from_website`` saves.
        """
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
                self._save(model, data)
                Submission._record_submission(ip, form_name)
                request.env.flush_all()
        except (UserError, IntegrityError) as error:
            _logger.info("Website %s form: application not saved (%s).", form_name, error)
            return render(reader.values, reader.errors, request.env._(MSG_NOT_SAVED))
        return request.redirect(self._localized(thank_you_url))

    def _save(self, model, data):
        """Save the valid ``data`` with ``model``'s ``_create_from_website``, giving it what
        it needs from the request: the page's language, the website's salesperson, and the
        program the website's applications join."""
        return request.env[model]._create_from_website(
            data,
            request.lang.code,
            salesperson=self._website_salesperson(),
            program=self._default_program(),
        )

    def _default_program(self):
        return request.env["mentoring.program"].sudo()._default_program()

    def _website_salesperson(self):
        """The website's salesperson (a field ``website_sale`` adds), or nobody."""
        if "salesperson_id" in request.website._fields:
            return request.website.sudo().salesperson_id
        return request.env["res.users"]

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

    def _province_choices(self):
        """Canada's provinces and territories named and sorted in the visitor's language:
        the records, and their names by id (``provinces.py``)."""
        states = request.env["res.country.state"].sudo().search(self._province_domain())
        names = {state.id: province_name(request.env, state) for state in states}
        return states.sorted(lambda state: collation_key(names[state.id])), names

    def _common_choices(self):
        env = request.env
        provinces, province_names = self._province_choices()
        return {
            "provinces": provinces,
            "province_names": province_names,
            "sectors": env["mentoring.naics"].sudo().search(self._naics_domain()).sorted("name"),
            "languages": env["mentoring.language"].sudo().search(self._language_domain()),
            "honeypot_field": HONEYPOT_FIELD,
            "noc_search_url": self._localized("/mentoring/noc/search"),
        }

    def _availability_grid(self):
        """The weekly availability grid in the visitor's language: the column labels
        (parts of the day), and one row per day with its label and the name and part label
        of each of its checkboxes."""
        parts = [request.env._(label) for label in PART_LABELS]
        return {
            "parts": parts,
            "days": [
                {
                    "label": request.env._(label),
                    "cells": [
                        {"name": slot_input(day, part), "part": part_label}
                        for part, part_label in enumerate(parts)
                    ],
                }
                for day, label in enumerate(DAY_LABELS)
            ],
        }

    def _render_mentor_form(self, values, errors, form_error=False):
        return request.render(
            "mentoring_website.become_a_mentor",
            {
                **self._common_choices(),
                "availability_grid": self._availability_grid(),
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
            availability_slots=reader.weekly_grid(
                "availability_slots", required=True, message=MSG_AVAILABILITY_SLOTS
            ),
            availability=reader.text("availability", max_length=2000, multiline=True),
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
            # Optional, as the page says: a coordinator checks the rest with the person.
            resume=reader.upload("resume"),
        )
        for field in CLB_FIELDS:
            # "Not assessed yet" is posted as an empty value (stored as 0).
            data[field] = (
                reader.integer(field, 1, 12, required=False, range_message=MSG_CLB_RANGE) or 0
            )
        return data
