"""Names of Canada's provinces and territories in the visitor's language.

Odoo's ``res.country.state.name`` is not a translatable field, so a ``.po`` file cannot
give the records French names (``TranslationImporter`` skips the terms of fields that are
not translatable), and making the core field translatable would change its column for
every module. The forms name the provinces from this list instead: English names as Odoo
has them, French names in ``i18n/fr.po`` (code terms of this module). A state missing
from the list keeps its record's name.
"""

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Keyed by the state's code in Odoo's data (base.state_ca_*).
PROVINCE_NAMES = {
    "AB": _lt("Alberta"),
    "BC": _lt("British Columbia"),
    "MB": _lt("Manitoba"),
    "NB": _lt("New Brunswick"),
    "NL": _lt("Newfoundland and Labrador"),
    "NT": _lt("Northwest Territories"),
    "NS": _lt("Nova Scotia"),
    "NU": _lt("Nunavut"),
    "ON": _lt("Ontario"),
    "PE": _lt("Prince Edward Island"),
    "QC": _lt("Quebec"),
    "SK": _lt("Saskatchewan"),
    "YT": _lt("Yukon"),
}


def province_name(env, state):
    """The name of ``state`` (``res.country.state``) in the language of ``env``: from
    :data:`PROVINCE_NAMES` for a Canadian province or territory, else the record's."""
    name = PROVINCE_NAMES.get(state.code) if state.country_id.code == "CA" else None
    return env._(name) if name else state.name
