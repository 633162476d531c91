from . import test_access_matrix
from . import test_checkin_questionnaire
from . import test_closing_questionnaire
from . import test_questionnaire_http
from . import test_tools
