from . import mentoring_referral_refer_back_wizard
from . import mentoring_referral_override_wizard
from . import mentoring_relationship_decline_wizard
from . import mentoring_relationship_close_wizard
from . import mentoring_relationship_extend_wizard
from . import mail_compose_message
