from . import mentoring_certificate
