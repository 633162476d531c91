"""Wording of certificates in English and French, without the ORM: numbers in words that
agree with their noun, singular or plural, long dates ("1er mars 2026"), and whether a
program's name already says it is a program (``mentoring_base.tools.language``)."""

import re

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from num2words import num2words

from odoo.addons.mentoring_base.tools.language import names_a_program

__all__ = ["feminine_french", "is_plural", "long_date", "names_a_program", "number_in_words"]

DEFAULT_LANG = "en_US"
# "un" ending a number in words, alone or after a space or a hyphen: "un", "vingt et un",
# "quatre-vingt-un", "cent un" (but not "onze", "un million" or "mille").
FINAL_UN = re.compile(r"(^|[\s-])un$")


def is_french(lang):
    """Whether the language code ``lang`` (``fr_CA``, ``fr_FR``, ``fr``) is French."""
    return (lang or "").lower().startswith("fr")


def is_plural(count, lang):
    """Whether a noun counted ``count`` times takes the plural: from 2 in French ("0 heure",
    "1 heure", "1,5 heure"), for anything but 1 in English ("0 hours", "1 hour")."""
    if is_french(lang):
        return abs(count) >= 2
    return count != 1


def feminine_french(words):
    """The French number in words ``words`` agreeing with a feminine noun: a final "un"
    becomes "une" ("une heure", "vingt et une semaines", "quatre-vingt-une heures");
    other numbers are the same in both genders."""
    return FINAL_UN.sub(r"\1une", words)


def number_in_words(number, lang, feminine=False):
    """``number`` rounded to a whole number, in words, in English or French (``lang``).

    :param bool feminine: the French noun counted is feminine (``heure``, ``semaine``):
        "une" rather than "un"; no effect in English
    """
    value = round(number or 0)
    if is_french(lang):
        words = num2words(value, lang="fr")
        return feminine_french(words) if feminine else words
    return num2words(value, lang="en")


def _locale(lang):
    try:
        return Locale.parse((lang or DEFAULT_LANG).split("@")[0])
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT_LANG)


def long_date(day, lang):
    """``day`` written out in ``lang``: "March 1, 2026"; "1er mars 2026" in French (the
    first of a month is an ordinal, "1er"); ``""`` without a date."""
    if not day:
        return ""
    locale = _locale(lang)
    if is_french(lang):
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {format_date(day, 'MMMM y', locale=locale)}"
    return format_date(day, format="long", locale=locale)
