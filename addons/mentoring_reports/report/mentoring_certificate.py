from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from ..tools import wording

_lt = LazyTranslate(__name__)

ENGLISH = "en_US"
FRENCH = "fr_CA"
# (singular, plural) of the counts the certificate writes out.
UNIT_TEXTS = {
    "hour": (_lt("%(words)s (%(count)s) hour"), _lt("%(words)s (%(count)s) hours")),
    "week": (_lt("%(words)s (%(count)s) week"), _lt("%(words)s (%(count)s) weeks")),
}


class MentoringCertificateReport(models.AbstractModel):
    """Values shared by the certificate variants: sentences per language, with numbers
    in words that agree with their noun (``tools/wording.py``)."""

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
    def _in_words(self, number, lang, feminine=False):
        """``number`` in words in ``lang``; ``feminine`` when the French noun is."""
        return wording.number_in_words(number, lang, feminine=feminine)

    @api.model
    def _format_date(self, date, lang):
        """``date`` written out in ``lang`` ("March 1, 2026", "1er mars 2026")."""
        return wording.long_date(date, lang)

    @api.model
    def _count_text(self, count, unit, lang):
        """A count of ``unit`` ("hour" or "week") in words and figures, in ``lang``: "one (1)
        hour", "fourteen (14) weeks", "une (1) heure", "vingt et une (21) semaines" (heure
        and semaine are feminine, so are their number words)."""
        singular, plural = UNIT_TEXTS[unit]
        words = self._in_words(count, lang, feminine=True)
        term = plural if wording.is_plural(count, lang) else singular
        text = self.with_context(lang=lang).env._(term)
        return text % {"words": words, "count": count}

    @api.model
    def _hours_text(self, hours, lang):
        """The hours in words and figures, see :meth:`_count_text`."""
        return self._count_text(hours, "hour", lang)

    @api.model
    def _weeks_text(self, weeks, lang):
        """The weeks in words and figures, see :meth:`_count_text`."""
        return self._count_text(weeks, "week", lang)

    @api.model
    def _facts(self, relationship, lang):
        """Sentences of the certificate, in ``lang``, with the numbers in words and figures.

        ``program_named`` tells the template the program's name already says it is a
        program ("Programme de mentorat professionnel"), so that no sentence reads "the
        mentoring program Programme de mentorat..."."""
        env = self.with_context(lang=lang).env
        hours = round(relationship.hours_total or 0)
        weeks = relationship.weeks_met
        start = relationship.agreement_date or relationship.planned_start
        program = relationship.program_id.with_context(lang=lang).name or ""
        program_named = wording.names_a_program(program)
        mentee = relationship.mentee_id.name
        return {
            "program": program,
            "program_named": program_named,
            "date_end": self._format_date(relationship.closed_on, lang),
            "period": env._(
                "from %(start)s to %(end)s,",
                start=self._format_date(start, lang),
                end=self._format_date(relationship.closed_on, lang),
            ),
            "time": env._(
                "with %(hours)s of mentoring over %(weeks)s of meetings.",
                hours=self._hours_text(hours, lang),
                weeks=self._weeks_text(weeks, lang),
            ),
            "mentor_reason": (
                env._("in recognition of mentoring %(mentee)s in the", mentee=mentee)
                if program_named
                else env._("in recognition of mentoring %(mentee)s in the program", mentee=mentee)
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
