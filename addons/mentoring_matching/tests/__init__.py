from . import (
    test_access_matrix,
    test_availability,
    test_cohort,
    test_match_wizard,
    test_propose,
    test_scoring,
    test_security,
    test_supply_gap,
)
