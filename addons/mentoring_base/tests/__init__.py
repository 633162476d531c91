from . import test_classification
from . import test_mentee
from . import test_mentor
from . import test_organization_program
from . import test_security
