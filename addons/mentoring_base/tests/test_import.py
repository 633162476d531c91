from odoo.tests import tagged
from odoo.tools.misc import file_open

from .common import MentoringCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": False,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestImport(MentoringCase):
    """Staff import mentees and mentors from the shipped spreadsheets: NOC and NAICS
    columns hold codes, and an unknown code is refused with a message naming it."""

    def setUp(self):
        super().setUp()
        if "base_import.import" not in self.env:
            self.skipTest("base_import is not installed")

    def _template(self, model):
        [template] = self.env[model].get_import_templates()
        path = template["template"].lstrip("/")
        self.assertTrue(path.startswith("mentoring_base/static/xls/"), path)
        with file_open(path, "rb") as handle:
            return handle.read()

    def _import(self, model, content, file_type=XLSX, user=None):
        """Import ``content`` as the import screen does, with the columns it proposes."""
        env = self.env(user=user) if user else self.env
        wizard = env["base_import.import"].create(
            {"res_model": model, "file": content, "file_type": file_type}
        )
        preview = wizard.parse_preview(
            {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        )
        self.assertIsNone(preview.get("error"), preview.get("error"))
        fields = ["/".join(preview["matches"][index]) for index in range(len(preview["headers"]))]
        result = wizard.execute_import(fields, preview["headers"], dict(IMPORT_OPTIONS))
        return fields, result

    def test_mentee_template(self):
        fields, result = self._import("mentoring.mentee", self._template("mentoring.mentee"))
        self.assertEqual(
            fields,
            [
                "name",
                "email",
                "phone",
                "city",
                "target_noc_id",
                "target_naics_id",
                "career_objective",
                "service_language",
                "spoken_language_ids",
                "immigration_status",
                "education_country_id",
                "education_level",
                "clb_listening",
                "clb_speaking",
                "clb_reading",
                "clb_writing",
                "job_search_workshop",
                "consent_share",
                "consent_date",
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        mentees = self.env["mentoring.mentee"].browse(result["ids"])
        self.assertEqual(mentees.mapped("name"), ["Amina Okafor", "Jean-Baptiste Mukendi"])
        amina, jean_baptiste = mentees
        self.assertEqual(amina.target_noc_id, self.noc_software)
        self.assertEqual(amina.target_naics_id, self.naics_design)
        self.assertEqual(jean_baptiste.target_noc_id.code, "11100")
        self.assertEqual(jean_baptiste.target_naics_id.code, "541212")
        self.assertEqual(jean_baptiste.service_language, "fr")
        self.assertEqual(set(jean_baptiste.spoken_language_ids.mapped("code")), {"en", "fr"})
        self.assertEqual(jean_baptiste.education_country_id, self.env.ref("base.cd"))
        self.assertEqual(jean_baptiste.immigration_status, "convention_refugee")
        self.assertEqual(amina.clb_min, 7)
        self.assertTrue(amina.job_search_workshop and amina.consent_share)
        self.assertEqual(str(amina.consent_date), "2025-09-15")
        self.assertEqual(amina.state, "candidate")

    def test_mentor_template(self):
        fields, result = self._import("mentoring.mentor", self._template("mentoring.mentor"))
        self.assertEqual(
            fields,
            [
                "name",
                "email",
                "phone",
                "city",
                "lang",
                "noc_id",
                "naics_id",
                "years_experience_region",
                "max_mentees",
                "commitment_months",
                "spoken_language_ids",
                "recruitment_source",
                "professional_networks",
                "motivation",
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        claire, david = self.env["mentoring.mentor"].browse(result["ids"])
        self.assertEqual(claire.noc_id, self.noc_software)
        self.assertEqual(claire.naics_id, self.naics_design)
        self.assertEqual(claire.lang, "fr_CA")
        self.assertEqual(david.lang, "en_US")
        self.assertEqual(david.noc_id.code, "11100")
        self.assertEqual(claire.max_mentees, 2)
        self.assertEqual(david.recruitment_source, "corporate_partner")

    def test_codes_from_a_csv_file_in_french(self):
        """A CSV typed by a francophone coordinator: codes, a display name as an export
        writes it, and the French title; the same column headers."""
        coordinator = self.coordinator
        coordinator.lang = "fr_CA"
        content = (
            "Name,Email,Target occupation (NOC),Target industry (NAICS),Languages spoken\n"
            'Nadia Benali,nadia@example.com,21231,541514,"fr,en"\n'
            f"Luc Morin,luc@example.com,{self.noc_software.display_name},31-33,fr\n"
        ).encode()
        _fields, result = self._import("mentoring.mentee", content, "text/csv", coordinator)
        self.assertFalse(result["messages"], result["messages"])
        nadia, luc = self.env["mentoring.mentee"].browse(result["ids"])
        self.assertEqual(nadia.target_noc_id, self.noc_software)
        self.assertEqual(nadia.target_naics_id, self.naics_design)
        self.assertEqual(luc.target_noc_id, self.noc_software)
        self.assertEqual(luc.target_naics_id.code, "31-33")

    def test_code_is_exact(self):
        """A code finds its own entry only, never the entries it is the prefix of."""
        Noc = self.env["mentoring.noc"]

        def found(name, **kwargs):
            return [id_ for id_, _name in Noc.name_search(name, operator="=", **kwargs)]

        self.assertEqual(found("2123"), Noc.search([("code", "=", "2123")]).ids)
        self.assertEqual(found(" 21231 "), self.noc_software.ids)
        self.assertFalse(found("2123", domain=[("level", "=", 5)]))
        self.assertEqual(found("Software engineers and designers"), self.noc_software.ids)

    def test_unknown_code_refused_with_its_value(self):
        content = (
            b"Name,Target occupation (NOC),Target industry (NAICS)\n"
            b"Unknown Code,99999,541514\n"
            b"Good Code,21231,541514\n"
        )
        _fields, result = self._import("mentoring.mentee", content, "text/csv")
        self.assertFalse(result["ids"])
        [message] = [found for found in result["messages"] if found.get("value") == "99999"]
        self.assertEqual(message["type"], "error")
        self.assertIn("99999", message["message"])
        self.assertIn("Target occupation (NOC)", message["message"])
        self.assertEqual(message["record"], 0)
        self.assertFalse(self.env["mentoring.mentee"].search([("name", "=", "Good Code")]))
