"""Wording of certificates in English and French (mentoring_reports/tools/wording.py)."""

from datetime import date

import pytest

from conftest import load_pure_module

wording = load_pure_module("mentoring_reports/tools/wording.py")


@pytest.mark.parametrize(
    ("count", "lang", "plural"),
    [
        (0, "en_US", True),
        (1, "en_US", False),
        (2, "en_US", True),
        (0, "fr_CA", False),
        (1, "fr_CA", False),
        (1.5, "fr_CA", False),
        (2, "fr_CA", True),
        (14, "fr_FR", True),
    ],
)
def test_is_plural(count, lang, plural):
    assert wording.is_plural(count, lang) is plural


@pytest.mark.parametrize(
    ("number", "masculine", "feminine"),
    [
        (1, "un", "une"),
        (2, "deux", "deux"),
        (11, "onze", "onze"),
        (21, "vingt et un", "vingt et une"),
        (71, "soixante et onze", "soixante et onze"),
        (81, "quatre-vingt-un", "quatre-vingt-une"),
        (101, "cent un", "cent une"),
        (1001, "mille un", "mille une"),
    ],
)
def test_french_number_words_agree_with_the_noun(number, masculine, feminine):
    assert wording.number_in_words(number, "fr_CA") == masculine
    assert wording.number_in_words(number, "fr_CA", feminine=True) == feminine


def test_english_number_words_have_no_gender():
    assert wording.number_in_words(1, "en_US", feminine=True) == "one"
    assert wording.number_in_words(14.4, "en_US") == "fourteen"
    assert wording.number_in_words(None, "en_US") == "zero"


def test_feminine_french_touches_only_a_final_un():
    assert wording.feminine_french("un million") == "un million"
    assert wording.feminine_french("trente et un") == "trente et une"


@pytest.mark.parametrize(
    ("day", "lang", "text"),
    [
        (date(2026, 3, 1), "fr_CA", "1er mars 2026"),
        (date(2026, 3, 12), "fr_CA", "12 mars 2026"),
        (date(2026, 2, 1), "fr_FR", "1er février 2026"),
        (date(2026, 3, 1), "en_US", "March 1, 2026"),
        (None, "fr_CA", ""),
    ],
)
def test_long_date(day, lang, text):
    assert wording.long_date(day, lang) == text


def test_long_date_of_an_unknown_language_is_english():
    assert wording.long_date(date(2026, 3, 1), "xx_YY") == "March 1, 2026"
