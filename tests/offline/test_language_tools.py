"""Which language the system writes in (mentoring_base/tools/language.py)."""

import pytest

from conftest import load_pure_module

language = load_pure_module("mentoring_base/tools/language.py")


@pytest.mark.parametrize(
    ("code", "family"),
    [("fr_CA", "fr"), ("fr_FR", "fr"), ("en_US", "en"), ("sr@latin", "sr"), ("", ""), (None, "")],
)
def test_language_family(code, family):
    assert language.language_family(code) == family


@pytest.mark.parametrize(
    ("lang", "service"),
    [
        ("fr_CA", "fr"),
        ("fr_BE", "fr"),
        ("en_CA", "en"),
        ("en_US", "en"),
        ("es_ES", None),
        (False, None),
    ],
)
def test_service_language_of(lang, service):
    assert language.service_language_of(lang) == service


def test_lang_for_service_prefers_canadian_french_and_keeps_a_variant():
    installed = ["en_US", "fr_FR", "fr_CA"]
    assert language.lang_for_service("fr", installed) == "fr_CA"
    assert language.lang_for_service("fr", installed, current="en_US") == "fr_CA"
    assert language.lang_for_service("fr", installed, current="fr_FR") == "fr_FR"
    assert language.lang_for_service("en", installed, current="fr_CA") == "en_US"
    assert language.lang_for_service("en", ["en_CA", "fr_CA"], current="fr_CA") == "en_CA"
    assert language.lang_for_service("fr", ["en_US", "fr_BE"]) == "fr_BE"


def test_lang_for_service_changes_nothing_without_a_fitting_language():
    assert language.lang_for_service("fr", ["en_US"], current="en_US") is None
    assert language.lang_for_service("de", ["en_US", "de_DE"]) is None


def test_note_language():
    assert language.note_language(["fr_CA", "fr_CA", False], "en_US") == "fr_CA"
    assert language.note_language(["fr_CA", "en_US"], "en_US") == "en_US", "they disagree"
    assert language.note_language(["fr_CA", "en_US"], "fr_CA") == "fr_CA"
    assert language.note_language([], "fr_CA") == "fr_CA", "nobody reads: the company's"
    assert language.note_language([], None, "en_US") == "en_US"


def test_collation_key_sorts_accented_names_with_the_others():
    names = ["Québec", "Île-du-Prince-Édouard", "Alberta", "Yukon", "Ontario", "Nouvelle-Écosse"]
    assert sorted(names, key=language.collation_key) == [
        "Alberta",
        "Île-du-Prince-Édouard",
        "Nouvelle-Écosse",
        "Ontario",
        "Québec",
        "Yukon",
    ]


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Career Mentoring Program", True),
        ("Programme de mentorat professionnel", True),
        ("PROGRAMME PAIRS", True),
        ("Ottawa Works", False),
        ("Emploi Ottawa", False),
        ("", False),
        (None, False),
    ],
)
def test_names_a_program(name, named):
    assert language.names_a_program(name) is named
