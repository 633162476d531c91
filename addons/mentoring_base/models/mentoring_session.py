from odoo import api, fields, models

GROUP_MENTEES = (8, 10)
GROUP_MENTORS = (2, 3)


class MentoringSession(models.Model):
    _name = "mentoring.session"
    _description = "Group, peer or supplemental mentoring session"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    session_type = fields.Selection(
        [
            ("group", "Group mentoring"),
            ("peer", "Peer mentoring"),
            ("networking", "Networking event"),
            ("mock_interview", "Mock interview"),
            ("panel", "Panel"),
            ("guest_speaker", "Guest speaker"),
            ("information", "Information meeting"),
            ("speed_networking", "Speed networking"),
        ],
        string="Type",
        required=True,
        default="group",
        tracking=True,
    )
    program_id = fields.Many2one("mentoring.program", index=True, tracking=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    location_id = fields.Many2one("res.partner")
    naics_id = fields.Many2one(
        "mentoring.naics",
        string="Industry",
        help="Group mentoring brings together mentees and mentors of one industry.",
    )
    mentor_ids = fields.Many2many("mentoring.mentor", string="Mentors")
    speaker_ids = fields.Many2many(
        "res.partner",
        "mentoring_session_speaker_rel",
        "session_id",
        "partner_id",
        string="Speakers",
        help="For peer mentoring: employed newcomers who share their experience.",
    )
    attendance_ids = fields.One2many("mentoring.session.attendance", "session_id")
    mentee_count = fields.Integer(compute="_compute_counts", store=True)
    attended_count = fields.Integer(compute="_compute_counts", store=True)
    size_warning = fields.Char(compute="_compute_size_warning")
    notes = fields.Html()

    @api.depends("attendance_ids.attended")
    def _compute_counts(self):
        for session in self:
            session.mentee_count = len(session.attendance_ids)
            session.attended_count = len(session.attendance_ids.filtered("attended"))

    @api.depends("session_type", "mentee_count", "mentor_ids")
    def _compute_size_warning(self):
        for session in self:
            warnings = []
            if session.session_type == "group":
                if not GROUP_MENTEES[0] <= session.mentee_count <= GROUP_MENTEES[1]:
                    warnings.append(
                        self.env._(
                            "Group mentoring works best with 8 to 10 mentees (%s now).",
                            session.mentee_count,
                        )
                    )
                if not GROUP_MENTORS[0] <= len(session.mentor_ids) <= GROUP_MENTORS[1]:
                    warnings.append(
                        self.env._(
                            "Group mentoring works best with 2 or 3 mentors (%s now).",
                            len(session.mentor_ids),
                        )
                    )
            session.size_warning = " ".join(warnings)
