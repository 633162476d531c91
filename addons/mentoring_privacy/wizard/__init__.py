from . import privacy_lookup_wizard
from . import mentoring_privacy_participant_wizard
from . import mentoring_privacy_anonymize_wizard
from . import mentoring_privacy_withdrawal_wizard
