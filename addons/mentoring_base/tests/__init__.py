from . import (
    test_access_matrix,
    test_classification,
    test_mentee,
    test_mentor,
    test_organization_program,
    test_referral,
    test_relationship,
    test_security,
    test_tenancy,
    test_translation,
)
