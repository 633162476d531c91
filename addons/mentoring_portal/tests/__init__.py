from . import (
    test_access_matrix,
    test_nudges,
    test_outcome_form,
    test_portal_invitation,
    test_portal_pages,
    test_proposal,
    test_query_count,
    test_tour,
)
