from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools import schedule
from ..tools.rating import RATING_MAX, RATING_MIN

_lt = LazyTranslate(__name__)
# Summary of the coordinator's to-do, written in the coordinator's language.
TODO_NO_MEETING = _lt("No meeting logged for 21 days")

# Stage types: a proposal awaiting answers, a relationship under way, and both together
# (a pair that may not be proposed again and a place the mentor cannot give twice).
PENDING_STAGE_TYPES = ("proposed", "review")
ONGOING_STAGE_TYPES = ("active", "closing")
UNFINISHED_STAGE_TYPES = PENDING_STAGE_TYPES + ONGOING_STAGE_TYPES
DECISIONS = [("pending", "Pending"), ("accepted", "Accepted"), ("declined", "Declined")]
CLOSURE_REASONS = [
    ("objectives_met", "Objectives met"),
    ("term_completed", "Term completed"),
    ("mentee_employed", "Mentee employed"),
    ("mentee_withdrew", "Mentee withdrew"),
    ("mentor_withdrew", "Mentor withdrew"),
    ("mismatch", "Mismatch"),
]
COMPLETING_REASONS = ("objectives_met", "term_completed", "mentee_employed")
# Ratings a person may give when the relationship closes (optional: no rating stays empty,
# never 0, so that averages count only the people who answered).
SATISFACTION_LEVELS = [
    ("1", "1 – Very dissatisfied"),
    ("2", "2 – Dissatisfied"),
    ("3", "3 – Neither satisfied nor dissatisfied"),
    ("4", "4 – Satisfied"),
    ("5", "5 – Very satisfied"),
]


class SatisfactionField(fields.Integer):
    """A satisfaction rating, 1 to 5, that may be left empty: no rating (0 or False, e.g.
    the 0 a form sends for an empty integer) is stored as NULL, never as 0, so that
    averages count only the people who answered."""

    def convert_to_column(self, value, record, values=None, validate=True):
        return int(value) if value else None


class MentoringRelationship(models.Model):
    _name = "mentoring.relationship"
    _description = "Mentoring relationship"
    _inherit = ["mentoring.staff.language.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "planned_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    mentee_id = fields.Many2one(
        "mentoring.mentee", required=True, tracking=True, index=True, ondelete="restrict"
    )
    mentor_id = fields.Many2one(
        "mentoring.mentor", required=True, tracking=True, index=True, ondelete="restrict"
    )
    program_id = fields.Many2one("mentoring.program", required=True, tracking=True, index=True)
    coordinator_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
    )
    # Staff and agencies only (groups): the mentor and mentee (portal) read their own
    # relationships, not who referred, who declined why, the feedback and ratings, alerts.
    referring_agency_id = fields.Many2one(
        related="mentee_id.referring_agency_id", store=True, index=True, groups="base.group_user"
    )
    stage_id = fields.Many2one(
        "mentoring.relationship.stage",
        tracking=True,
        index=True,
        group_expand="_read_group_expand_full",
        default=lambda self: self._default_stage(),
        copy=False,
        ondelete="restrict",
    )
    stage_type = fields.Selection(related="stage_id.stage_type", store=True, index=True)
    is_open = fields.Boolean(
        compute="_compute_is_open",
        store=True,
        index=True,
        help="Active or closing: counts against the mentor's capacity.",
    )
    planned_start = fields.Date(tracking=True, default=fields.Date.context_today)
    planned_end = fields.Date(
        compute="_compute_planned_end", store=True, readonly=False, tracking=True
    )
    weekly_minutes = fields.Integer(
        string="Weekly meeting time (minutes)",
        compute="_compute_weekly_minutes",
        store=True,
        readonly=False,
    )
    mentee_decision = fields.Selection(DECISIONS, default="pending", tracking=True, copy=False)
    mentor_decision = fields.Selection(DECISIONS, default="pending", tracking=True, copy=False)
    decline_reason = fields.Text(tracking=True, copy=False, groups="base.group_user")
    agreement_date = fields.Date(tracking=True, copy=False)
    extension_count = fields.Integer(copy=False, tracking=True)
    closure_reason = fields.Selection(CLOSURE_REASONS, tracking=True, copy=False)
    closed_on = fields.Date(tracking=True, copy=False)
    mentee_feedback = fields.Text(
        string="Mentee's closing feedback", copy=False, groups="base.group_user"
    )
    mentor_feedback = fields.Text(
        string="Mentor's closing feedback", copy=False, groups="base.group_user"
    )
    # Averaged, never summed; empty (NULL) when the person gave no rating.
    mentee_satisfaction = SatisfactionField(
        string="Mentee satisfaction (1–5)", copy=False, aggregator="avg", groups="base.group_user"
    )
    mentor_satisfaction = SatisfactionField(
        string="Mentor satisfaction (1–5)", copy=False, aggregator="avg", groups="base.group_user"
    )
    certificate_earned = fields.Boolean(compute="_compute_certificate_earned", store=True)

    meeting_ids = fields.One2many("mentoring.meeting", "relationship_id", string="Meetings")
    checkin_ids = fields.One2many("mentoring.checkin", "relationship_id", string="Check-ins")
    outcome_ids = fields.One2many("mentoring.outcome", "relationship_id", string="Outcomes")
    goal_ids = fields.One2many(related="mentee_id.goal_ids", readonly=False)
    meeting_count = fields.Integer(compute="_compute_meeting_totals", store=True)
    hours_total = fields.Float(
        string="Hours met", compute="_compute_meeting_totals", store=True, digits=(16, 2)
    )
    weeks_met = fields.Integer(
        string="Weeks with a meeting", compute="_compute_meeting_totals", store=True
    )
    last_meeting_date = fields.Date(compute="_compute_meeting_totals", store=True)
    weeks_without_meeting = fields.Integer(compute="_compute_schedule_alerts")
    days_without_meeting = fields.Integer(compute="_compute_schedule_alerts")
    at_risk = fields.Boolean(
        compute="_compute_at_risk",
        store=True,
        groups="base.group_user",
        help="The latest check-in flagged a risk.",
    )
    in_alert = fields.Boolean(
        compute="_compute_schedule_alerts",
        search="_search_in_alert",
        groups="base.group_user",
        help="No meeting logged for 21 days, or the latest check-in is at risk.",
    )
    color = fields.Integer(compute="_compute_schedule_alerts")

    _mentee_one_open = models.UniqueIndex(
        "(mentee_id) WHERE is_open",
        "A mentee can have only one active one-on-one mentoring relationship.",
    )
    _satisfaction_range = models.Constraint(
        "CHECK((mentee_satisfaction IS NULL OR mentee_satisfaction BETWEEN 1 AND 5) "
        "AND (mentor_satisfaction IS NULL OR mentor_satisfaction BETWEEN 1 AND 5))",
        "Satisfaction is rated from 1 to 5.",
    )

    @api.model
    def _default_stage(self):
        return self.env["mentoring.relationship.stage"].search(
            [("stage_type", "=", "proposed")], limit=1
        )

    @api.depends("mentee_id.name", "mentor_id.name")
    def _compute_name(self):
        for relationship in self:
            relationship.name = (
                f"{relationship.mentee_id.name or ''} / {relationship.mentor_id.name or ''}"
            )

    @api.depends("stage_type")
    def _compute_is_open(self):
        for relationship in self:
            relationship.is_open = relationship.stage_type in ONGOING_STAGE_TYPES

    @api.depends("planned_start", "program_id.default_length_weeks")
    def _compute_planned_end(self):
        for relationship in self:
            relationship.planned_end = schedule.planned_end(
                relationship.planned_start, relationship.program_id.default_length_weeks
            )

    @api.depends("program_id.min_weekly_minutes")
    def _compute_weekly_minutes(self):
        for relationship in self:
            relationship.weekly_minutes = relationship.program_id.min_weekly_minutes or 60

    @api.depends("stage_type")
    def _compute_certificate_earned(self):
        for relationship in self:
            relationship.certificate_earned = relationship.stage_type == "completed"

    @api.depends("meeting_ids.date", "meeting_ids.duration")
    def _compute_meeting_totals(self):
        for relationship in self:
            dates = relationship.meeting_ids.mapped("date")
            relationship.meeting_count = len(relationship.meeting_ids)
            relationship.hours_total = sum(relationship.meeting_ids.mapped("duration"))
            relationship.weeks_met = len(schedule.weeks_with_meeting(dates))
            relationship.last_meeting_date = max(dates) if dates else False

    @api.depends("checkin_ids.at_risk", "checkin_ids.date")
    def _compute_at_risk(self):
        for relationship in self:
            latest = relationship.checkin_ids.filtered("date").sorted("date")[-1:]
            relationship.at_risk = bool(latest.at_risk)

    @api.depends("meeting_ids.date", "agreement_date", "planned_start", "stage_type", "at_risk")
    @api.depends_context("date")
    def _compute_schedule_alerts(self):
        today = fields.Date.context_today(self)
        for relationship in self:
            start = relationship.agreement_date or relationship.planned_start
            dates = relationship.meeting_ids.mapped("date")
            if relationship.is_open and start:
                end = min(today, relationship.planned_end or today)
                relationship.weeks_without_meeting = len(
                    schedule.weeks_without_meeting(start, end, dates)
                )
                relationship.days_without_meeting = schedule.days_without_meeting(
                    start, dates, today
                )
            else:
                relationship.weeks_without_meeting = 0
                relationship.days_without_meeting = 0
            relationship.in_alert = relationship.is_open and (
                relationship.at_risk
                or relationship.days_without_meeting >= schedule.NO_MEETING_ALERT_DAYS
            )
            relationship.color = 1 if relationship.in_alert else 0

    def _search_in_alert(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on alerts."))
        alerted = self.search([("is_open", "=", True)]).filtered("in_alert")
        wanted = (operator == "=") == value
        return [("id", "in" if wanted else "not in", alerted.ids)]

    # -- rules -------------------------------------------------------------------------

    @api.constrains("mentor_id")
    def _check_mentor_capacity(self):
        """A proposal holds one of the mentor's places until it is answered: a new
        proposal (or one given to another mentor) never makes proposals and relationships
        under way outnumber the mentor's maximum of mentees. Moving through the stages does
        not add to them, so it is not checked here (agreeing is, in
        ``mentoring.mentor._refresh_active_mentees``). Storing the mentor's recomputed
        counts writes the mentor's row, so two coordinators proposing the same last place
        at once are serialized and the second is refused.

        :raise ValidationError: when the mentor has no free place left"""
        unfinished = self.filtered(lambda rel: rel.stage_type in UNFINISHED_STAGE_TYPES)
        for mentor in unfinished.mentor_id:
            if mentor.active_mentee_count + mentor.pending_mentee_count > mentor.max_mentees:
                raise ValidationError(
                    self.env._(
                        "%(person)s has no free place left: relationships under way and "
                        "proposals awaiting an answer take up their maximum number of places "
                        "(%(count)s).",
                        person=mentor.display_name,
                        count=mentor.max_mentees,
                    )
                )

    @api.constrains("mentee_id", "mentor_id", "stage_id")
    def _check_not_declined_before(self):
        for relationship in self.filtered(lambda rel: rel.stage_type != "cancelled"):
            declined = self.search_count(
                [
                    ("id", "!=", relationship.id),
                    ("mentee_id", "=", relationship.mentee_id.id),
                    ("mentor_id", "=", relationship.mentor_id.id),
                    "|",
                    ("mentee_decision", "=", "declined"),
                    ("mentor_decision", "=", "declined"),
                ]
            )
            if declined:
                raise ValidationError(
                    self.env._(
                        "%(mentee)s and %(mentor)s were proposed before and one of them "
                        "declined: propose another pair.",
                        mentee=relationship.mentee_id.name,
                        mentor=relationship.mentor_id.name,
                    )
                )

    @api.constrains("mentee_satisfaction", "mentor_satisfaction")
    def _check_satisfaction(self):
        for relationship in self:
            for value in (relationship.mentee_satisfaction, relationship.mentor_satisfaction):
                if value and not RATING_MIN <= value <= RATING_MAX:
                    raise ValidationError(self.env._("Satisfaction is rated from 1 to 5."))

    def _stage(self, stage_type):
        return self.env["mentoring.relationship.stage"].search(
            [("stage_type", "=", stage_type)], limit=1
        )

    def _check_stage(self, allowed, action):
        labels = dict(self._fields["stage_type"]._description_selection(self.env))
        for relationship in self:
            if relationship.stage_type not in allowed:
                raise UserError(
                    self.env._(
                        "%(relationship)s is “%(stage)s”: it cannot be %(action)s.",
                        relationship=relationship.name,
                        stage=labels.get(relationship.stage_type, ""),
                        action=action,
                    )
                )

    # -- proposal and agreement --------------------------------------------------------

    def action_start_review(self):
        self._check_stage(("proposed",), self.env._("put under review"))
        self.stage_id = self._stage("review")
        return True

    def _decide(self, party, decision, reason=False):
        self._check_stage(("proposed", "review"), self.env._("answered"))
        if decision == "declined":
            if not (reason or "").strip():
                raise UserError(self.env._("Say why the proposal is declined."))
            self.write(
                {
                    f"{party}_decision": "declined",
                    "decline_reason": reason.strip(),
                    "stage_id": self._stage("cancelled").id,
                }
            )
            # The mentee stays "ready for matching"; the declined pair is remembered here
            # and never proposed again (_check_not_declined_before).
            return True
        self.write({f"{party}_decision": "accepted"})
        for relationship in self:
            if relationship.mentee_decision == relationship.mentor_decision == "accepted":
                relationship._sign_agreement()
        return True

    def action_mentee_accept(self):
        return self._decide("mentee", "accepted")

    def action_mentor_accept(self):
        return self._decide("mentor", "accepted")

    def action_mentee_decline(self, reason):
        return self._decide("mentee", "declined", reason)

    def action_mentor_decline(self, reason):
        return self._decide("mentor", "declined", reason)

    def _sign_agreement(self):
        """Both accepted: the relationship becomes active, within the mentor's capacity.

        The partial unique index on open relationships per mentee and the mentor's capacity
        CHECK hold in the database even when two coordinators confirm at the same moment;
        the checks here only give a clearer message in the usual case."""
        self.ensure_one()
        if self.search_count(
            [("mentee_id", "=", self.mentee_id.id), ("is_open", "=", True), ("id", "!=", self.id)]
        ):
            raise ValidationError(
                self.env._(
                    "%(mentee)s already has an active mentoring relationship.",
                    mentee=self.mentee_id.name,
                )
            )
        today = fields.Date.context_today(self)
        self.write(
            {
                "stage_id": self._stage("active").id,
                "agreement_date": today,
                "planned_start": max(self.planned_start or today, today),
            }
        )
        if self.mentee_id.state == "ready":
            self.mentee_id.action_mark_matched()
        self.mentor_id._refresh_active_mentees()
        self._cancel_other_proposals()

    def _cancel_other_proposals(self):
        """The mentee signed this agreement: their other proposals still awaiting answers
        are cancelled, each with a note saying why, and give their mentors' places back
        (``mentoring.mentor.free_places``). Both people's answers stay as they were: a
        cancelled proposal is not a decline, and the pair may be proposed again later.

        :return: the cancelled proposals
        """
        self.ensure_one()
        others = self.search(
            [
                ("mentee_id", "=", self.mentee_id.id),
                ("stage_type", "in", PENDING_STAGE_TYPES),
                ("id", "!=", self.id),
            ]
        )
        if not others:
            return others
        others.write({"stage_id": self._stage("cancelled").id})
        for proposal in others:
            proposal.message_post(
                body=proposal._note_env()._(
                    "Proposal cancelled: %(mentee)s signed a mentorship agreement with %(mentor)s.",
                    mentee=self.mentee_id.name,
                    mentor=self.mentor_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return others

    # -- follow-up and closure ---------------------------------------------------------

    def action_extend(self, new_end):
        self._check_stage(ONGOING_STAGE_TYPES, self.env._("extended"))
        for relationship in self:
            if not new_end or new_end <= (relationship.planned_end or new_end):
                raise UserError(
                    self.env._("An extension ends after the planned end of the relationship.")
                )
        self.write({"planned_end": new_end, "extension_count": self.extension_count + 1})
        return True

    def action_start_closing(self):
        self._check_stage(("active",), self.env._("closed"))
        self.stage_id = self._stage("closing")
        return True

    def action_close(self, reason, mentee_feedback=False, mentor_feedback=False):
        """Close with a reason. Completion earns the certificate and plans the outcome
        checkpoints; a mismatch sends the mentee back to matching."""
        self._check_stage(ONGOING_STAGE_TYPES, self.env._("closed"))
        if reason not in dict(CLOSURE_REASONS):
            raise UserError(self.env._("Choose why the relationship closes."))
        today = fields.Date.context_today(self)
        completed = reason in COMPLETING_REASONS
        self.write(
            {
                "closure_reason": reason,
                "closed_on": today,
                "mentee_feedback": mentee_feedback or False,
                "mentor_feedback": mentor_feedback or False,
                "stage_id": self._stage("completed" if completed else "cancelled").id,
            }
        )
        for relationship in self:
            mentee = relationship.mentee_id
            if completed:
                if mentee.state == "matched":
                    mentee.action_mark_completed()
                relationship._plan_outcomes()
            elif reason == "mismatch" and mentee.state == "matched":
                mentee.action_mark_ready()
            elif reason == "mentee_withdrew" and mentee.state == "matched":
                mentee.action_withdraw()
            relationship.mentor_id._refresh_active_mentees()
        return True

    def _plan_outcomes(self):
        Outcome = self.env["mentoring.outcome"]
        for relationship in self:
            existing = set(relationship.outcome_ids.mapped("checkpoint"))
            Outcome.create(
                [
                    {
                        "relationship_id": relationship.id,
                        "checkpoint": checkpoint,
                        "due_date": due,
                    }
                    for checkpoint, due in schedule.checkpoint_dates(relationship.closed_on).items()
                    if checkpoint not in existing
                ]
            )

    def _open_wizard(self, model, name, **defaults):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_relationship_id": self.id, **defaults},
        }

    def action_open_mentee_decline(self):
        return self._open_wizard(
            "mentoring.relationship.decline.wizard",
            self.env._("Mentee declines"),
            default_party="mentee",
        )

    def action_open_mentor_decline(self):
        return self._open_wizard(
            "mentoring.relationship.decline.wizard",
            self.env._("Mentor declines"),
            default_party="mentor",
        )

    def action_open_close(self):
        return self._open_wizard(
            "mentoring.relationship.close.wizard", self.env._("Close the relationship")
        )

    def action_open_extend(self):
        return self._open_wizard(
            "mentoring.relationship.extend.wizard", self.env._("Extend the relationship")
        )

    # -- scheduled actions -------------------------------------------------------------

    @api.model
    def _cron_alert_without_meeting(self):
        """A to-do for the coordinator of each open relationship without a meeting for 21
        days, in the coordinator's language (once per silence: not again while the to-do
        is open, whatever the language of the run that planned it)."""
        for relationship in self.search([("is_open", "=", True)]):
            if relationship.days_without_meeting < schedule.NO_MEETING_ALERT_DAYS:
                continue
            relationship._schedule_coordinator_todo("no_meeting", TODO_NO_MEETING)

    def _staff_readers(self):
        """The coordinators of the relationships, else of their programs."""
        return self.coordinator_id or self.program_id.coordinator_ids

    def _schedule_coordinator_todo(self, key, summary, date_deadline=None):
        """A to-do about ``key`` for the coordinator (else the current user), its
        ``summary`` (a lazy translation) in their language; nothing while they still have
        one about ``key`` here (``mentoring.staff.language.mixin._schedule_staff_todo``)."""
        self.ensure_one()
        return self._schedule_staff_todo(
            self.coordinator_id or self.env.user, key, summary, date_deadline=date_deadline
        )

    @api.model
    def _cron_plan_monthly_checkins(self):
        """One check-in a month per open relationship, planned as the coordinator's to-do."""
        today = fields.Date.context_today(self)
        period = today.strftime("%Y-%m")
        Checkin = self.env["mentoring.checkin"]
        for relationship in self.search([("is_open", "=", True)]):
            if Checkin.search_count(
                [("relationship_id", "=", relationship.id), ("period", "=", period)]
            ):
                continue
            checkin = Checkin.create(
                {"relationship_id": relationship.id, "date": today, "period": period}
            )
            checkin._schedule_todo()
