"""Employment outcome answered by the mentee, and reminders stopped, without logging in.

The outcome request e-mail links to ``mentoring.outcome._portal_form_url``: a signed
token naming the checkpoint and the mentee's contact. The form is read and checked with
the website forms' reader; the record is written as superuser only once the token named
it and everything typed is valid.
"""

import datetime
import re

from odoo import fields, http
from odoo.addons.mentoring_website.controllers.form_reader import MSG_REQUIRED, FormReader
from odoo.addons.mentoring_website.controllers.main import MSG_NOC
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools.misc import format_date
from odoo.tools.translate import LazyTranslate

from ..models.res_partner import lock_for_answer
from .proposal import TITLE_INVALID, localized, redirect_to_language, render_message

_lt = LazyTranslate(__name__)

EMPLOYED_SITUATIONS = ("employed", "self_employed")
MAX_HOURS_PER_WEEK = 80
MAX_INTERVIEWS = 200
MAX_DAYS_AHEAD = 366
DECIMAL = re.compile(r"[0-9]{1,3}([.,][0-9]{1,2})?")

MSG_INVALID = _lt(
    "This link is not valid or has expired. Nothing was changed. Your coordinator can "
    "send you a new link or note your answers by phone."
)
TITLE_ALREADY = _lt("Your answers were already recorded")
MSG_ALREADY = _lt(
    "You already answered these questions. Nothing was changed. To correct an answer, "
    "contact your coordinator."
)
TITLE_THANKS = _lt("Thank you, your answers are recorded")
MSG_THANKS = _lt("Your coordinator will check them and contact you if anything is unclear.")
MSG_FIX_ERRORS = _lt("Your answers were not sent yet: correct the fields marked below.")
MSG_NOT_SAVED = _lt("Your answers could not be saved. Please check them and try again.")
MSG_DATE_BEFORE_PROGRAM = _lt(
    "This date is before your mentoring started (%(date)s): enter the date the job started."
)
MSG_DATE_TOO_LATE = _lt("Enter a start date within the next 12 months.")
MSG_HOURS = _lt("Enter the hours worked in a usual week, from 1 to %(maximum)s.")
MSG_INTERVIEWS = _lt("Enter a whole number of interviews, from 0 to %(maximum)s.")
TITLE_STOP = _lt("Stop reminders")
TITLE_STOPPED = _lt("Reminders stopped")
MSG_STOPPED = _lt(
    "You will no longer receive mentoring reminders. You will still receive the e-mails "
    "your mentoring needs, such as invitations to meetings. To receive reminders again, "
    "contact your coordinator."
)
MSG_ALREADY_STOPPED = _lt("Your reminders were already stopped. Nothing was changed.")
MSG_STOP_INVALID = _lt(
    "This link is not valid or has expired. Nothing was changed. Your coordinator can stop "
    "the reminders for you."
)


class OutcomeFormReader(FormReader):
    """The website forms' reader, with hours per week."""

    def hours(self, key, maximum, required=False, message=MSG_HOURS):
        """A number of hours from 1 to ``maximum`` (decimal point or comma, two decimals
        at most); ``None`` when empty or wrong."""
        raw = self._raw(key)
        self.values[key] = raw
        if not raw:
            if required:
                self.error(key, MSG_REQUIRED)
            return None
        if not DECIMAL.fullmatch(raw):
            self.error(key, message, maximum=maximum)
            return None
        number = float(raw.replace(",", "."))
        if not 1 <= number <= maximum:
            self.error(key, message, maximum=maximum)
            return None
        return number


class MentoringOutcomeForm(http.Controller):
    @http.route(
        "/mentoring/outcome/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def outcome_form(self, token, **kwargs):
        """The questions of one checkpoint; never changes anything."""
        outcome = request.env["mentoring.outcome"]._from_portal_token(token)
        if not outcome:
            return render_message(TITLE_INVALID, MSG_INVALID, status=404)
        redirect = redirect_to_language(outcome._mentee_partner())
        if redirect:
            return redirect
        blocked = self._blocked(outcome)
        if blocked:
            return blocked
        values = {
            "situation": outcome.situation if outcome.situation != "unknown" else "",
            "interviews_count": "",
        }
        return self._render_form(outcome, token, values, {})

    @http.route(
        "/mentoring/outcome/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def outcome_submit(self, token, **post):
        outcome = request.env["mentoring.outcome"]._from_portal_token(token)
        if not outcome:
            return render_message(TITLE_INVALID, MSG_INVALID, status=404)
        blocked = self._blocked(lock_for_answer(outcome))
        if blocked:
            return blocked
        reader = OutcomeFormReader(request.env, request.httprequest.form, request.httprequest.files)
        values = self._read_form(reader, outcome)
        if reader.errors:
            return self._render_form(
                outcome, token, reader.values, reader.errors, request.env._(MSG_FIX_ERRORS)
            )
        try:
            with request.env.cr.savepoint():
                outcome._submit_from_portal(values)
                request.env.flush_all()
        except (UserError, ValidationError):
            return self._render_form(
                outcome, token, reader.values, reader.errors, request.env._(MSG_NOT_SAVED)
            )
        return render_message(TITLE_THANKS, MSG_THANKS, alert="success")

    # -- reminders opt-out ----------------------------------------------------------------

    @http.route(
        "/mentoring/reminders/stop/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def reminders_stop(self, token, **kwargs):
        """Asks to confirm; never changes anything (mail scanners open links)."""
        partner = request.env["res.partner"]._mentoring_from_opt_out_token(token)
        if not partner:
            return render_message(TITLE_INVALID, MSG_STOP_INVALID, status=404)
        redirect = redirect_to_language(partner)
        if redirect:
            return redirect
        if partner.mentoring_reminders_opt_out:
            return render_message(TITLE_STOPPED, MSG_ALREADY_STOPPED)
        return request.render(
            "mentoring_portal.reminders_stop_page",
            {"action_url": localized(f"/mentoring/reminders/stop/{token}")},
        )

    @http.route(
        "/mentoring/reminders/stop/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def reminders_stop_confirm(self, token, **post):
        partner = request.env["res.partner"]._mentoring_from_opt_out_token(token)
        if not partner:
            return render_message(TITLE_INVALID, MSG_STOP_INVALID, status=404)
        if partner.mentoring_reminders_opt_out:
            return render_message(TITLE_STOPPED, MSG_ALREADY_STOPPED)
        partner._track_set_author(partner)
        partner.mentoring_reminders_opt_out = True
        return render_message(TITLE_STOPPED, MSG_STOPPED, alert="success")

    # -- helpers --------------------------------------------------------------------------

    def _blocked(self, outcome):
        if outcome.state in ("answered", "done"):
            return render_message(TITLE_ALREADY, MSG_ALREADY)
        if outcome.state != "requested":
            return render_message(TITLE_INVALID, MSG_INVALID, status=404)
        return None

    def _program_start(self, outcome):
        relationship = outcome.relationship_id
        return relationship.agreement_date or relationship.planned_start

    def _situations(self):
        labels = dict(
            request.env["mentoring.outcome"]
            ._fields["situation"]
            ._description_selection(request.env)
        )
        return [(value, labels[value]) for value in labels if value != "unknown"]

    def _wage_bands(self):
        field = request.env["mentoring.outcome"]._fields["wage_band"]
        return field._description_selection(request.env)

    def _read_form(self, reader, outcome):
        """The outcome values of the posted form, every problem noted in ``reader``."""
        situation = reader.selection("situation", [value for value, _label in self._situations()])
        employed = situation in EMPLOYED_SITUATIONS
        values = {
            "situation": situation,
            "employer_name": reader.text(
                "employer_name", required=situation == "employed", max_length=128
            ),
            "job_title": reader.text("job_title", required=employed, max_length=128),
            "wage_band": reader.selection(
                "wage_band", [value for value, _label in self._wage_bands()], required=False
            ),
        }
        typed_noc = reader.text("job_noc_label", max_length=300)
        noc = reader.record(
            "job_noc_id",
            "mentoring.noc",
            [("level", "=", 5), ("active", "=", True)],
            required=bool(typed_noc),
            message=MSG_NOC,
            required_message=MSG_NOC,
        )
        if noc:
            reader.values["job_noc_label"] = noc.display_name
        values["job_noc_id"] = noc.id or False
        start = reader.date("start_date", required=employed)
        if start:
            program_start = self._program_start(outcome)
            today = fields.Date.context_today(outcome)
            if program_start and start < program_start:
                reader.error(
                    "start_date",
                    MSG_DATE_BEFORE_PROGRAM,
                    date=format_date(request.env, program_start),
                )
            elif start > today + datetime.timedelta(days=MAX_DAYS_AHEAD):
                reader.error("start_date", MSG_DATE_TOO_LATE)
        values["start_date"] = start or False
        values["hours_per_week"] = (
            reader.hours("hours_per_week", MAX_HOURS_PER_WEEK, required=employed) or 0.0
        )
        interviews = reader.integer(
            "interviews_count",
            0,
            MAX_INTERVIEWS,
            required=False,
            range_message=MSG_INTERVIEWS,
        )
        values["interviews_count"] = interviews or 0
        if not employed:
            values.update(
                employer_name=False,
                job_title=False,
                job_noc_id=False,
                start_date=False,
                hours_per_week=0.0,
                wage_band=False,
            )
        return values

    def _render_form(self, outcome, token, values, errors, form_error=False):
        env = request.env
        checkpoint = dict(outcome._fields["checkpoint"]._description_selection(env)).get(
            outcome.checkpoint
        )
        return request.render(
            "mentoring_portal.outcome_form_page",
            {
                "outcome": outcome,
                "intro": env._(
                    "Hello %(name)s, tell us how you are doing (%(checkpoint)s, %(program)s). "
                    "Your answers help us see how our participants are doing.",
                    name=outcome.mentee_id.name,
                    checkpoint=checkpoint,
                    program=outcome.program_id.name,
                ),
                "situations": self._situations(),
                "wage_bands": self._wage_bands(),
                "employed_situations": EMPLOYED_SITUATIONS,
                "values": values,
                "errors": errors,
                "form_error": form_error,
                "action_url": localized(f"/mentoring/outcome/{token}"),
                "noc_search_url": localized("/mentoring/noc/search"),
                "max_hours": MAX_HOURS_PER_WEEK,
                "max_interviews": MAX_INTERVIEWS,
            },
        )
