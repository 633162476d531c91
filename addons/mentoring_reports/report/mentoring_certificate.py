from babel.dates import format_date as babel_format_date
from num2words import num2words

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import babel_locale_parse

ENGLISH = "en_US"
FRENCH = "fr_CA"


def _num2words_lang(lang):
    return "fr" if (lang or "").startswith("fr") else "en"


class MentoringCertificateReport(models.AbstractModel):
    """Values shared by the certificate variants: number words and dates per language."""

    _name = "report.mentoring_reports.report_certificate"
    _description = "Certificate of completion"

    @api.model
    def _certificate_lang(self, relationship, party="mentee"):
        person = relationship.mentor_id if party == "mentor" else relationship.mentee_id
        lang = person.partner_id.lang or self.env.lang or ENGLISH
        return self._french_lang() if lang.startswith("fr") else ENGLISH

    @api.model
    def _french_lang(self):
        """French (Canada) when active, else another active French, else fr_CA for the words."""
        codes = [code for code, _name in self.env["res.lang"].get_installed()]
        french = [code for code in codes if code.startswith("fr")]
        return FRENCH if FRENCH in codes or not french else french[0]

    @api.model
    def _in_words(self, number, lang):
        return num2words(round(number or 0), lang=_num2words_lang(lang))

    @api.model
    def _format_date(self, date, lang):
        if not date:
            return ""
        return babel_format_date(date, format="long", locale=babel_locale_parse(lang))

    @api.model
    def _facts(self, relationship, lang):
        """Sentences of the certificate, in ``lang``, with the numbers in words and figures."""
        env = self.with_context(lang=lang).env
        hours = round(relationship.hours_total or 0)
        weeks = relationship.weeks_met
        start = relationship.agreement_date or relationship.planned_start
        return {
            "program": relationship.program_id.with_context(lang=lang).name or "",
            "date_end": self._format_date(relationship.closed_on, lang),
            "period": env._(
                "from %(start)s to %(end)s,",
                start=self._format_date(start, lang),
                end=self._format_date(relationship.closed_on, lang),
            ),
            "time": env._(
                "with %(hours_words)s (%(hours)s) hours of mentoring over %(weeks_words)s "
                "(%(weeks)s) weeks of meetings.",
                hours_words=self._in_words(hours, lang),
                hours=hours,
                weeks_words=self._in_words(weeks, lang),
                weeks=weeks,
            ),
            "mentor_reason": env._(
                "in recognition of mentoring %(mentee)s in the program",
                mentee=relationship.mentee_id.name,
            ),
        }

    @api.model
    def _check_certificate_access(self, docs):
        """Refuse to print unless the user may print this certificate and read every one of
        ``docs``.

        ``/report/pdf/<report>/<ids>`` renders any ids it is given and does not look at the
        report's groups, so the check is here, where every channel (print menu, URL,
        e-mail) goes through: the user must be in the report's groups (program
        coordinators) and pass the record rules of each relationship (an agency referrer
        never reaches another agency's mentee). The superuser (e-mails sent by the system)
        is above both.

        :raise AccessError: with a translated message
        """
        if self.env.su:
            return
        report = self.env["ir.actions.report"]._get_report(self._name.removeprefix("report."))
        if report.group_ids and not report.group_ids & self.env.user.all_group_ids:
            raise AccessError(
                self.env._("Only program coordinators and managers may print certificates.")
            )
        docs.check_access("read")

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["mentoring.relationship"].browse(docids)
        self._check_certificate_access(docs)
        not_earned = docs.filtered(lambda rel: not rel.certificate_earned)
        if not_earned:
            raise UserError(
                self.env._(
                    "A certificate of completion is printed only for completed relationships: "
                    "%(names)s is not completed.",
                    names=", ".join(not_earned.mapped("name")),
                )
            )
        return {
            "doc_ids": docs.ids,
            "doc_model": "mentoring.relationship",
            "docs": docs,
            "certificate": self,
            "english": ENGLISH,
            "french": self._french_lang(),
        }


class MentoringCertificateBilingualReport(models.AbstractModel):
    _name = "report.mentoring_reports.report_certificate_bilingual"
    _inherit = "report.mentoring_reports.report_certificate"
    _description = "Bilingual certificate of completion"


class MentoringMentorRecognitionReport(models.AbstractModel):
    _name = "report.mentoring_reports.report_mentor_recognition"
    _inherit = "report.mentoring_reports.report_certificate"
    _description = "Mentor recognition certificate"
