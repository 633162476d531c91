from . import mentoring_funder_export_wizard
