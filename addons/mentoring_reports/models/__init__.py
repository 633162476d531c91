from . import mentoring_reports_xlsx_mixin
from . import mentoring_relationship
from . import mentoring_referral
from . import mentoring_outcome
from . import mentoring_mentor
from . import mentoring_session_attendance
