"""A mentor's capacity: the one definition the models, matching and reports share."""

from conftest import load_pure_module

capacity = load_pure_module("mentoring_base/tools/capacity.py")


def test_free_places_count_open_relationships_and_pending_proposals():
    assert capacity.free_places(3, 0) == 3
    assert capacity.free_places(3, 2) == 1
    assert capacity.free_places(2, 3) == 0, "never negative"
    assert capacity.free_places(None, None) == 0


def test_only_available_or_active_mentors_with_a_place_take_mentees():
    assert capacity.can_take_mentees("available", 1)
    assert capacity.can_take_mentees("active", 2)
    assert not capacity.can_take_mentees("active", 0)
    for state in ("applicant", "screening", "orientation", "paused", "retired"):
        assert not capacity.can_take_mentees(state, 1)
