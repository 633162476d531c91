from . import ir_http
from . import ir_ui_view
from . import mentoring_website_applicant_mixin
from . import mentoring_person_mixin
from . import mentoring_mentee
from . import mentoring_mentor
from . import mentoring_website_submission
