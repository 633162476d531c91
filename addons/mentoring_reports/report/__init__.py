from . import mentoring_certificate
from . import mentoring_evaluation_report
