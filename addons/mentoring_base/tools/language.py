"""Which language the system writes in, without the ORM.

Two rules of the suite (issue #11):

- a to-do is written in the language of the user who receives it; a note on a record that
  several staff read is written in the language they share, else in the company's
  (:func:`note_language`);
- a mentee's preferred service language (``en`` or ``fr``) and the language of their
  e-mails (the contact's ``lang``, e.g. ``fr_CA``) agree: each follows the other
  (:func:`service_language_of`, :func:`lang_for_service`).

Also :func:`collation_key`, to sort names as a reader of French expects ("Île-du-Prince-
Édouard" among the I, not after the Z), and :func:`names_a_program`.
"""

import re
import unicodedata

# Language codes tried first when a service language picks the language of e-mails:
# Canadian French, then French (France); English (United States, Odoo's own), then Canada.
PREFERRED_LANGS = {"fr": ("fr_CA", "fr_FR"), "en": ("en_US", "en_CA")}
SERVICE_LANGUAGES = tuple(PREFERRED_LANGS)
DEFAULT_LANG = "en_US"
PROGRAM_WORD = re.compile(r"program", re.IGNORECASE)


def language_family(code):
    """The language of an Odoo language code, without its country: ``"fr_CA"`` gives
    ``"fr"``, ``"sr@latin"`` gives ``"sr"``; ``""`` for an empty code."""
    return (code or "").split("@")[0].split("_")[0].lower()


def service_language_of(lang):
    """The service language (``"en"`` or ``"fr"``) a language of e-mails stands for, or
    ``None`` when it is neither English nor French (the service language then stays as
    it is)."""
    family = language_family(lang)
    return family if family in SERVICE_LANGUAGES else None


def lang_for_service(service_language, installed, current=None):
    """The language of e-mails for someone served in ``service_language``.

    ``current`` is kept when it already is a variant of that language (a mentee served in
    French keeps ``fr_FR`` if that is what they have); otherwise the first installed code
    of :data:`PREFERRED_LANGS`, else any installed variant, in the order of ``installed``.

    :param str service_language: ``"en"`` or ``"fr"``
    :param installed: codes of the active languages
    :param current: the person's language today, if any
    :return: a code of ``installed`` (or ``current``), or ``None`` when no active language
        fits (nothing to change then)
    """
    if service_language not in SERVICE_LANGUAGES:
        return None
    if current and language_family(current) == service_language:
        return current
    installed = list(installed)
    for code in PREFERRED_LANGS[service_language]:
        if code in installed:
            return code
    for code in installed:
        if language_family(code) == service_language:
            return code
    return None


def note_language(reader_langs, company_lang=None, fallback=DEFAULT_LANG):
    """Language of a note the system writes on a record that several staff read.

    The language every reader shares when they all have the same one; otherwise the
    company's language (its contact's), otherwise ``fallback``.

    :param reader_langs: the readers' language codes (empty ones are ignored)
    """
    langs = {lang for lang in reader_langs if lang}
    if len(langs) == 1:
        return langs.pop()
    return company_lang or fallback


def collation_key(text):
    """Key sorting ``text`` alphabetically whatever its accents and case: "Île" sorts
    with "Ile", "Québec" before "Saskatchewan" (Python's own order puts accented capitals
    after "z")."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)), text or ""


def names_a_program(name):
    """Whether a program's name already says it is a program ("Career Mentoring Program",
    "Programme de mentorat professionnel"): a text then names it without putting "the
    mentoring program" / "le programme" before it (no "programme Programme...")."""
    return bool(PROGRAM_WORD.search(name or ""))
