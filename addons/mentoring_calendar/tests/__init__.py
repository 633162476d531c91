from . import test_access_matrix, test_calendar, test_calendar_security
