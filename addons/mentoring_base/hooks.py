"""First run of the suite on a database: both languages, and the program's own name.

``post_init_hook`` runs once, when ``mentoring_base`` is installed, whichever way: from the
Apps menu, ``tools/serve``, the Docker ``init`` service or ``odoo -i``. The migration to
19.0.1.3.0 runs :func:`setup_languages` on databases installed before it existed.
"""

import logging
import os

_logger = logging.getLogger(__name__)

# Every service exists in English and French: both are active on every database.
MENTORING_LANGS = ("en_US", "fr_CA")
# Language of a new contact when nothing says otherwise (the person's form, the page they
# used, an import column): English, the language most referrals arrive in.
DEFAULT_CONTACT_LANG = "en_US"
# Names Odoo gives the main company of a new database (without and with demo data).
PLACEHOLDER_COMPANY_NAMES = ("My Company", "YourCompany")
DEFAULT_COMPANY_NAME = "Mentoring Program | Programme de mentorat"
# Contact details of Odoo's demo company, shown in every e-mail's footer.
PLACEHOLDER_COMPANY_EMAILS = ("info@yourcompany.com",)
# Environment variables read at first run (docker/odoo.env, or exported before tools/serve).
COMPANY_ENV = {
    "name": "MENTORING_COMPANY_NAME",
    "email": "MENTORING_COMPANY_EMAIL",
    "phone": "MENTORING_COMPANY_PHONE",
    "website": "MENTORING_COMPANY_WEBSITE",
}


def post_init_hook(env):
    setup_languages(env)
    setup_company(env)


def setup_languages(env, modules=("mentoring_base",)):
    """Activate English and French (Canada) with the translations of the installed
    modules, and keep English the language of new contacts unless the database chose
    another active language.

    A database created with ``--load-language=fr_CA`` alone has French as its only
    language and the default of every contact: English is activated and becomes the
    default again, so that an English-speaking newcomer is not written to in French.

    :param modules: modules being installed or updated now, whose terms are loaded too
        (the installed ones are)
    :return: codes of the languages activated now
    """
    Lang = env["res.lang"].with_context(active_test=False)
    langs = Lang.search([("code", "in", MENTORING_LANGS)])
    activated = langs.filtered(lambda lang: not lang.active)
    if activated:
        activated.active = True
        Module = env["ir.module.module"]
        Module.search(
            ["|", ("state", "=", "installed"), ("name", "in", list(modules))]
        )._update_translations(activated.mapped("code"))
        _logger.info("Languages activated: %s", ", ".join(activated.mapped("code")))
    IrDefault = env["ir.default"]
    default = IrDefault._get("res.partner", "lang")
    english_was_off = DEFAULT_CONTACT_LANG in activated.mapped("code")
    if default is None or english_was_off or not env["res.lang"]._get_code(default):
        IrDefault.set("res.partner", "lang", DEFAULT_CONTACT_LANG)
    return activated.mapped("code")


def setup_company(env):
    """Give the main company the program's name and contact details, which every e-mail's
    footer shows, while it still has the placeholder name of a new database ("My
    Company", or "YourCompany" with demo data); a company already named is left alone.

    Values come from the environment (``MENTORING_COMPANY_NAME``, ``_EMAIL``, ``_PHONE``,
    ``_WEBSITE``); the demo company's American address and contact details are removed.

    :return: the company renamed, or an empty recordset
    """
    company = env.ref("base.main_company", raise_if_not_found=False)
    if not company or company.name not in PLACEHOLDER_COMPANY_NAMES:
        return env["res.company"]
    found = {key: (os.environ.get(var) or "").strip() for key, var in COMPANY_ENV.items()}
    vals = {
        "name": found["name"] or DEFAULT_COMPANY_NAME,
        "email": found["email"] or False,
        "phone": found["phone"] or False,
        "website": found["website"] or False,
    }
    if company.partner_id.city == "Brisbane" or company.email in PLACEHOLDER_COMPANY_EMAILS:
        # Odoo's demo company: an address in California (Brisbane, CA).
        vals.update(street=False, street2=False, city=False, zip=False, state_id=False)
    if not company.country_id or vals.get("state_id") is False:
        canada = env.ref("base.ca", raise_if_not_found=False)
        vals["country_id"] = canada.id if canada else False
    company.write(vals)
    _logger.info("Main company named %r", vals["name"])
    return company
