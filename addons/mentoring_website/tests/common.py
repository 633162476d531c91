import io
import struct
import zipfile
import zlib

from lxml import html

from odoo import Command
from odoo.tests import HttpCase, new_test_user

MENTOR_URL = "/mentoring/become-a-mentor"
MENTEE_URL = "/mentoring/self-referral"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The weekly availability grid of the mentor form: one checkbox per day and part of the day.
SLOT_CHECKBOXES = tuple(f"slot_{day}_{part}" for day in range(7) for part in range(4))
CHECKBOXES = ("commitment_confirmed", "consent_share", "job_search_workshop", *SLOT_CHECKBOXES)


def docx_bytes():
    """A minimal Word package."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        package.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


def png_bytes():
    """A valid 1x1 PNG image."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def coordinated_program(env, login, email):
    """(coordinator, program): the program website applications join, with a new
    English-speaking coordinator named Claire who screens them."""
    coordinator = new_test_user(
        env,
        login=login,
        name="Claire Coordinator",
        email=email,
        groups="mentoring_base.group_mentoring_coordinator",
        lang="en_US",
    )
    Program = env["mentoring.program"]
    program = Program.sudo()._default_program() or Program.create(
        {"name": "Career Mentoring Test Program", "program_type": "open_access"}
    )
    program.coordinator_ids = [Command.set(coordinator.ids)]
    return coordinator, program


def bilingual_websites(env, modules):
    """Every website in English (default) and French (Canada), the French terms of
    ``modules`` loaded.

    :param list modules: technical names of the addons whose French is loaded
    :return: ``(lang_en, lang_fr)``, two ``res.lang`` records
    """
    Lang = env["res.lang"]
    lang_en = Lang._activate_lang("en_US")
    lang_fr = Lang._activate_lang("fr_CA")
    env["website"].search([]).write(
        {
            "language_ids": [Command.set((lang_en | lang_fr).ids)],
            "default_lang_id": lang_en.id,
        }
    )
    env["ir.module.module"]._load_module_terms(modules, ["fr_CA"], overwrite=True)
    return lang_en, lang_fr


class MentoringWebsiteCase(HttpCase):
    """A website in English (default) and French (Canada), a program with a coordinator,
    and helpers to post the forms over HTTP and read what the visitor sees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.lang_en, cls.lang_fr = bilingual_websites(env, ["mentoring_base", "mentoring_website"])
        cls.fr = "/" + cls.lang_fr.url_code
        cls.coordinator, cls.program = coordinated_program(
            env, "mw_coordinator", "claire.coordinator@example.com"
        )
        Noc = env["mentoring.noc"]
        cls.noc_software = Noc.search([("code", "=", "21231")])
        cls.noc_level3 = Noc.search([("level", "=", 3)], limit=1)
        Naics = env["mentoring.naics"]
        cls.naics_professional = Naics.search([("code", "=", "54")])
        cls.naics_subsector = Naics.search([("level", "=", 2)], limit=1)
        cls.ontario = env.ref("base.state_ca_on")
        cls.california = env.ref("base.state_us_5")
        cls.english = env.ref("mentoring_base.language_en")
        cls.french = env.ref("mentoring_base.language_fr")
        cls.archived_language = env["mentoring.language"].create(
            {"name": "Esperanto", "code": "eo", "active": False}
        )
        cls.morocco = env.ref("base.ma")
        cls.employer = env["res.partner"].create(
            {"name": "Rideau Test Software", "is_company": True, "is_employer": True}
        )

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    # -- building and posting forms -----------------------------------------------------

    def mentor_values(self, **overrides):
        values = {
            "name": "Marie Tremblay",
            "email": "marie.tremblay@example.org",
            "phone": "613-555-0123",
            "city": "Ottawa",
            "state_id": str(self.ontario.id),
            "employer": "rideau TEST software",
            "function": "Senior software engineer",
            "noc_label": "21231 – Software engineers and designers",
            "noc_id": str(self.noc_software.id),
            "naics_id": str(self.naics_professional.id),
            "years_experience_region": "12",
            "spoken_language_ids": [str(self.english.id), str(self.french.id)],
            "professional_networks": "Professional Engineers Ontario, Ottawa chapter",
            "motivation": "I arrived in Canada myself twelve years ago.",
            "slot_1_3": "1",
            "availability": "Downtown or online",
            "commitment_confirmed": "1",
            "commitment_months": "6",
            "recruitment_source": "mentor_referral",
            "consent_share": "1",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value is not None}

    def mentee_values(self, **overrides):
        values = {
            "name": "Leïla Ouédraogo",
            "email": "leila.ouedraogo@example.org",
            "phone": "+1 613 555 0199",
            "city": "Ottawa",
            "state_id": str(self.ontario.id),
            "immigration_status": "permanent_resident",
            "education_country_id": str(self.morocco.id),
            "education_level": "master",
            "clb_listening": "8",
            "clb_speaking": "7",
            "clb_reading": "9",
            "clb_writing": "",
            "career_objective": "Work as a software developer in Ottawa within a year.",
            "target_noc_label": "21231 – Software engineers and designers",
            "target_noc_id": str(self.noc_software.id),
            "target_naics_id": str(self.naics_professional.id),
            "job_search_workshop": "1",
            "spoken_language_ids": [str(self.french.id), str(self.english.id)],
            "service_language": "en",
            "consent_share": "1",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value is not None}

    def resume(self, name="cv.pdf", data=PDF, mimetype="application/pdf"):
        return {"resume": (name, data, mimetype)}

    def open_form(self, url):
        """GET the form as a visitor does; returns its CSRF token."""
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        tokens = self.page(response).xpath('//form//input[@name="csrf_token"]/@value')
        self.assertEqual(len(tokens), 1, "the form carries one CSRF token")
        return tokens[0]

    def post(self, url, values, files=None, csrf=True):
        data = dict(values)
        if csrf:
            data["csrf_token"] = self.open_form(url)
        response = self.url_open(url, data=data, files=files or {}, timeout=60)
        self.env.invalidate_all()
        return response

    # -- reading the result ---------------------------------------------------------------

    def counts(self):
        env = self.env

        def count(model, domain=None):
            records = env[model].sudo().with_context(active_test=False)
            return records.search_count(domain or [])

        return {
            "mentors": count("mentoring.mentor"),
            "mentees": count("mentoring.mentee"),
            "partners": count("res.partner"),
            "attachments": count(
                "ir.attachment", ["|", ("res_field", "=", False), ("res_field", "!=", False)]
            ),
            "mails": count("mail.mail"),
            "messages": count("mail.message"),
            "activities": count("mail.activity"),
            "submissions": count("mentoring.website.submission"),
        }

    def snapshot(self, partner):
        """Everything a submission must not change on an existing contact: every stored
        field, and the messages, attachments, followers and activities on it."""
        self.env.invalidate_all()
        partner = partner.with_context(active_test=False)
        stored = [name for name, field in partner._fields.items() if field.store]
        attached = [("res_model", "=", "res.partner"), ("res_id", "=", partner.id)]
        return {
            "fields": partner.read(stored)[0],
            "messages": self.env["mail.message"].search(
                [("model", "=", "res.partner"), ("res_id", "=", partner.id)]
            ),
            "attachments": self.env["ir.attachment"].search(attached),
            "followers": self.env["mail.followers"].search(attached),
            "activities": self.env["mail.activity"].search(attached),
        }

    def assertUnchanged(self, partner, before):
        after = self.snapshot(partner)
        for key, value in before["fields"].items():
            self.assertEqual(after["fields"][key], value, f"{partner.name}: {key} changed")
        for key in ("messages", "attachments", "followers", "activities"):
            self.assertEqual(after[key], before[key], f"{partner.name}: {key} added")

    def page(self, response):
        return html.fromstring(response.content)

    def form_values(self, doc):
        """What the re-rendered form holds, keyed by field name (lists for checkboxes)."""
        values = {}
        for element in doc.xpath("//form[contains(@class, 'o_mentoring_form')]//*[@name]"):
            name = element.get("name")
            if element.tag == "input":
                kind = element.get("type", "text")
                if kind in ("checkbox", "radio"):
                    values.setdefault(name, [])
                    if element.get("checked") is not None:
                        values[name].append(element.get("value"))
                elif kind != "file":
                    values[name] = element.get("value") or ""
            elif element.tag == "select":
                selected = element.xpath(".//option[@selected]/@value")
                values[name] = selected[0] if selected else ""
            elif element.tag == "textarea":
                values[name] = element.text or ""
        return values

    def assertRejected(self, response, before, field=None, message=None, values=None):
        """Nothing was created; the message shows next to ``field`` and every value the
        visitor typed is back in the form."""
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.counts(), before, "a rejected submission must create nothing")
        doc = self.page(response)
        if field:
            errors = doc.xpath(f'//*[@id="mw_{field}_error"]')
            self.assertEqual(len(errors), 1, f"no message next to {field}")
            if message:
                self.assertIn(message, errors[0].text_content())
            self.assertTrue(
                errors[0].xpath(f'..//*[@name="{field}"]'),
                f"the message for {field} is not next to its input",
            )
            invalid = errors[0].xpath('..//*[@name][contains(@class, "is-invalid")]')
            self.assertTrue(invalid, f"{field} is not marked invalid")
        self.assertTrue(doc.xpath('//*[@id="mw_form_error"]'), "no form-level message")
        if values:
            kept = self.form_values(doc)
            # A forged option of a list cannot be shown again: the list only has real ones.
            selects = set(doc.xpath("//form//select/@name"))
            for key, value in values.items():
                if key == "csrf_token" or (key == field and key in selects):
                    continue
                expected = value
                if key in CHECKBOXES or key in ("spoken_language_ids", "service_language"):
                    expected = sorted(value if isinstance(value, list) else [value])
                    self.assertEqual(sorted(kept.get(key, [])), expected, f"{key} not kept")
                else:
                    self.assertEqual(kept.get(key), expected, f"{key} not kept")
        return doc
