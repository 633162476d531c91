from . import mentoring_match_wizard
from . import mentoring_cohort_wizard
