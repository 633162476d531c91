import base64

from odoo import Command, api, fields, models
from odoo.addons.mentoring_base.models.mentoring_mentee import CLB_FIELDS
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

MSG_MENTEE_ACTIVITY = _lt("Review self-referral")
MSG_MENTEE_ACTIVITY_DUPLICATE = _lt("Review self-referral (possible duplicate)")
MSG_DUPLICATE_MENTEE = _lt(
    "One of them already has a mentee record. A contact can only have one: keep what is "
    "useful from this self-referral on the existing mentee record and delete this new one "
    "before merging the contacts."
)


class MentoringMentee(models.Model):
    """Newcomers refer themselves on the website's self-referral page."""

    _inherit = "mentoring.mentee"

    @api.model
    def _create_from_website(self, data, lang, salesperson=None, program=None):
        """Save a self-referral of the website: a new contact, a self-referred mentee at
        "candidate" in ``program`` (no referring agency) with the résumé (if any) in its
        résumé field, its referral without agency submitted to the coordinators' review
        queue (``mentoring.referral._self_referral_values``), the staff note, the
        acknowledgement e-mail and the review activity on the referral.

        ``data`` also holds ``immigration_status``, ``education_country``,
        ``education_level``, the four CLB levels (``clb_listening``... 0 when not assessed),
        ``career_objective``, ``noc``, ``naics``, ``job_search_workshop``, ``languages``,
        ``service_language`` and ``resume`` (optional, ``None`` when not sent).
        See :meth:`MentoringWebsiteApplicantMixin._create_from_website` for the arguments,
        the result and the errors.
        """
        return super()._create_from_website(data, lang, salesperson=salesperson, program=program)

    @api.model
    def _website_record_values(self, data, partner, program, related):
        resume = data["resume"]
        return {
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
            "resume": base64.b64encode(resume["raw"]) if resume else False,
            "resume_filename": resume["name"] if resume else False,
            "consent_share": True,
            "consent_date": fields.Date.context_today(self),
            "referral_ids": [
                Command.create(self.env["mentoring.referral"]._self_referral_values(program))
            ],
        }

    def _website_review_record(self):
        """The self-referral is reviewed on its referral, in the coordinators' review
        queue, as an agency's referral is (accepting or referring it back closes the
        to-do)."""
        self.ensure_one()
        return self.referral_ids[:1]

    def _website_attach_resume(self, upload):
        """The résumé is already in the mentee's résumé field (stored as an attachment of
        that field by :meth:`_website_record_values`): nothing more to attach.

        :return: the attachment of the résumé field (empty when none was sent)
        """
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("res_field", "=", "resume"),
                ],
                limit=1,
            )
        )

    @api.model
    def _website_duplicate_same_kind_message(self):
        return MSG_DUPLICATE_MENTEE

    @api.model
    def _website_mail_template(self):
        return self.env.ref("mentoring_website.mail_template_self_referral_received")

    @api.model
    def _website_activity_summary(self, duplicate):
        return MSG_MENTEE_ACTIVITY_DUPLICATE if duplicate else MSG_MENTEE_ACTIVITY
