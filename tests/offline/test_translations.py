"""French translations and glossary, checked by i18n/check_translations.py."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "i18n"))
import check_translations


def test_every_addon_has_a_template_and_french(addon):
    assert (addon / "i18n" / f"{addon.name}.pot").is_file()
    assert (addon / "i18n" / "fr.po").is_file()


def test_every_message_translated_into_french(addon):
    problems = check_translations.untranslated(addon)
    assert not problems, "\n".join(problems[:40])


def test_no_obsolete_french_messages(addon):
    problems = check_translations.obsolete(addon)
    assert not problems, "\n".join(problems[:40])


def test_glossary_is_well_formed():
    assert check_translations.glossary()
    assert not check_translations.glossary_problems()


def test_glossary_terms_translated_consistently(addon):
    problems = check_translations.inconsistent_terms(addon)
    assert not problems, "\n".join(problems[:40])


def test_glossary_check_catches_a_wrong_term():
    assert check_translations.french_present("mentoré", "Mentorées en attente")
    assert check_translations.french_present("organisme d'aiguillage", "Organismes d’aiguillage")
    assert not check_translations.french_present("aiguillage", "Référence")
