from . import (
    test_access_matrix,
    test_anonymize,
    test_consent,
    test_privacy_lookup,
    test_retention,
    test_translation,
)
