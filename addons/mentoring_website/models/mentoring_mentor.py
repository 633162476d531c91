from odoo import Command, api, fields, models
from odoo.tools import escape_psql
from odoo.tools.translate import LazyTranslate

from .mentoring_website_applicant_mixin import paragraph, post_note

_lt = LazyTranslate(__name__)

MSG_MENTOR_ACTIVITY = _lt("Screen mentor application")
MSG_MENTOR_ACTIVITY_DUPLICATE = _lt("Screen mentor application (possible duplicate)")
MSG_DUPLICATE_MENTOR = _lt(
    "One of them already has a mentor record. A contact can only have one: keep what is "
    "useful from this application on the existing mentor record and delete this new one "
    "before merging the contacts."
)
MSG_NEW_EMPLOYER = _lt(
    "The employer typed in the application, %(employer)s, matches no organization marked "
    "as an employer: a new company was created for review."
)
MSG_EMPLOYER_CREATED = _lt(
    "Created from a mentor application on the website (%(mentor)s), from the employer name "
    "the applicant typed. Check that it is not an organization already recorded under "
    "another name (if it is, merge the two contacts) and complete its details."
)


class MentoringMentor(models.Model):
    """Mentors apply on the website's "Become a mentor" page."""

    _inherit = "mentoring.mentor"

    @api.model
    def _create_from_website(self, data, lang, salesperson=None, program=None):
        """Save a mentor application of the "Become a mentor" page: a new contact, a mentor
        at "applicant" in ``program`` with its employer (an existing company marked as
        employer, else a new company flagged for review), the résumé attached, the staff
        note, the acknowledgement e-mail and the screening activity.

        ``data`` also holds ``employer`` (the name typed, or ``False``), ``function``,
        ``noc``, ``naics``, ``years_experience_region``, ``languages``,
        ``professional_networks``, ``motivation``, ``availability_slots`` (the weekly grid,
        a bit mask), ``availability`` (other details, or ``False``), ``commitment_months``,
        ``recruitment_source`` and ``resume`` (optional).
        See :meth:`MentoringWebsiteApplicantMixin._create_from_website` for the arguments,
        the result and the errors.
        """
        return super()._create_from_website(data, lang, salesperson=salesperson, program=program)

    @api.model
    def _website_find_or_create_employer(self, name):
        """The organization ``name`` designates, only if it is exactly one active company
        marked as employer (never a service agency); else a new company for review.

        :return: ``(employer, created)``
        """
        Partner = self.env["res.partner"].sudo()
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

    @api.model
    def _website_prepare_related(self, data):
        employer, created = self._website_find_or_create_employer(data["employer"])
        related = super()._website_prepare_related(data)
        return {**related, "employer": employer, "new_employer": created}

    @api.model
    def _website_record_values(self, data, partner, program, related):
        return {
            "partner_id": partner.id,
            "state": "applicant",
            "employer_id": related["employer"].id,
            "noc_id": data["noc"].id,
            "naics_id": data["naics"].id,
            "years_experience_region": data["years_experience_region"],
            "spoken_language_ids": [Command.set(data["languages"].ids)],
            "professional_networks": data["professional_networks"],
            "motivation": data["motivation"],
            "availability_slots": data["availability_slots"],
            "availability": data["availability"],
            "commitment_months": data["commitment_months"],
            "recruitment_source": data["recruitment_source"],
            "consent_share": True,
            "consent_date": fields.Date.context_today(self),
            "program_ids": [Command.set(program.ids)],
        }

    def _website_note_rows(self, staff_env, related):
        rows = super()._website_note_rows(staff_env, related)
        if related.get("new_employer"):
            employer = related["employer"]
            rows += paragraph(staff_env, MSG_NEW_EMPLOYER, employer=employer._get_html_link())
        return rows

    def _website_notify_related(self, staff_env, related):
        """A note on a company created from the employer name typed, linking to this
        mentor, asking staff to check it."""
        result = super()._website_notify_related(staff_env, related)
        if related.get("new_employer"):
            post_note(
                related["employer"],
                paragraph(staff_env, MSG_EMPLOYER_CREATED, mentor=self._get_html_link()),
            )
        return result

    @api.model
    def _website_duplicate_same_kind_message(self):
        return MSG_DUPLICATE_MENTOR

    @api.model
    def _website_mail_template(self):
        return self.env.ref("mentoring_website.mail_template_mentor_application_received")

    @api.model
    def _website_activity_summary(self, duplicate):
        return MSG_MENTOR_ACTIVITY_DUPLICATE if duplicate else MSG_MENTOR_ACTIVITY
