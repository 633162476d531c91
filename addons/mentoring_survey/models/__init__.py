from . import survey_survey
from . import survey_question
from . import survey_user_input
from . import mentoring_program
from . import mentoring_checkin
from . import mentoring_relationship
from . import mentoring_participant
