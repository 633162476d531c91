from . import mentoring_website_submission
