from . import calendar_event
from . import mentoring_meeting
from . import mentoring_person_mixin
from . import mentoring_relationship
