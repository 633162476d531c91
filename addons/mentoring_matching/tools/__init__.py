from . import cohort
from . import criteria
from . import scoring
from . import table
from . import text
