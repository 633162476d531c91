from . import cohort
from . import scoring
