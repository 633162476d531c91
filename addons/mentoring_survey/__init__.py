from . import models
from . import wizard


def post_init_hook(env):
    """Programs created before this addon use the shipped questionnaires."""
    env["mentoring.program"].with_context(active_test=False).search([])._set_default_surveys()
