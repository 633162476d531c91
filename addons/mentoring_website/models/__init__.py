from . import ir_http
from . import mentoring_website_submission
