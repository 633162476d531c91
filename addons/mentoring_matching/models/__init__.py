from . import mentoring_match_profile
from . import mentoring_program
from . import mentoring_mentee
from . import mentoring_mentor
from . import mentoring_relationship
from . import mentoring_match_reader
from . import mentoring_match_explainer
from . import mentoring_match_ranking
