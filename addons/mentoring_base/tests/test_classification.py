from odoo.tests import tagged

from .common import MentoringCase

NOC_PER_LEVEL = {1: 10, 2: 45, 3: 89, 4: 162, 5: 516}
NAICS_PER_LEVEL = {1: 20, 2: 99, 3: 323, 4: 694, 5: 923}


@tagged("post_install", "-at_install")
class TestClassification(MentoringCase):
    def _count_per_level(self, model):
        return dict(self.env[model]._read_group([], ["level"], ["__count"]))

    def test_official_tables_complete(self):
        self.assertEqual(self._count_per_level("mentoring.noc"), NOC_PER_LEVEL)
        self.assertEqual(self._count_per_level("mentoring.naics"), NAICS_PER_LEVEL)

    def test_hierarchy(self):
        unit = self.noc_software
        self.assertEqual(unit.level, 5)
        self.assertEqual(unit.level_name, "5")
        self.assertEqual(unit.teer, "1")
        self.assertEqual([unit.parent_id.code, unit.parent_id.parent_id.code], ["2123", "212"])
        broad_category = self.env["mentoring.noc"].search([("code", "=", "2")])
        self.assertIn(
            unit, self.env["mentoring.noc"].search([("id", "child_of", broad_category.id)])
        )
        # NAICS ranges: sector 31-33 is the parent of subsector 311.
        subsector = self.env["mentoring.naics"].search([("code", "=", "311")])
        self.assertEqual(subsector.parent_id.code, "31-33")
        self.assertEqual(self.naics_design.parent_id.code, "54151")
        self.assertEqual(self.naics_design.superscript, "CAN")

    def test_display_name(self):
        self.assertEqual(self.noc_software.display_name, "21231 – Software engineers and designers")

    def test_search_by_code_prefix(self):
        found = self.env["mentoring.noc"].name_search("2123", limit=100)
        codes = {self.env["mentoring.noc"].browse(rid).code for rid, _name in found}
        self.assertIn("21231", codes)
        self.assertTrue(all(code.startswith("2123") for code in codes), codes)
        naics = self.env["mentoring.naics"].name_search("5415", limit=100)
        self.assertTrue(naics)
        self.assertTrue(all(name.startswith("5415") for _id, name in naics))

    def test_search_by_words_in_either_language(self):
        Noc = self.env["mentoring.noc"]
        for query in (
            "software engineers",
            "Ingénieurs logiciel",
            "ingenieures concepteurs logiciel",
        ):
            with self.subTest(query=query):
                self.assertIn(self.noc_software, Noc.search([("display_name", "ilike", query)]))
        self.assertFalse(Noc.search([("display_name", "ilike", "logiciel boulangerie")]))
        sector = self.env["mentoring.naics"].search([("display_name", "ilike", "services publics")])
        self.assertEqual(sector.mapped("code"), ["22", "221"])

    def test_french_titles(self):
        self.env["res.lang"]._activate_lang("fr_CA")
        noc_fr = self.noc_software.with_context(lang="fr_CA")
        self.assertEqual(
            noc_fr.name, "Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel"
        )
        self.assertEqual(
            noc_fr.display_name,
            "21231 – Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel",
        )
        sector = (
            self.env["mentoring.naics"].with_context(lang="fr_CA").search([("code", "=", "11")])
        )
        self.assertEqual(sector.name, "Agriculture, foresterie, pêche et chasse")
        self.env.cr.execute(
            "SELECT count(*) FROM mentoring_naics WHERE level <= 2 AND name ? 'fr_CA'"
        )
        self.assertEqual(self.env.cr.fetchone()[0], 119, "every sector and subsector is in French")

    def test_reload_is_idempotent_and_keeps_links(self):
        mentee = self._mentee(
            "Reload Check", target_noc_id=self.noc_software.id, target_naics_id=self.naics_design.id
        )
        Noc = self.env["mentoring.noc"]
        ids_before = Noc.search([]).ids
        self.noc_software.name = "Edited title"
        Noc._load_official_table()
        self.env["mentoring.naics"]._load_official_table()
        self.assertEqual(Noc.search([]).ids, ids_before)
        self.assertEqual(self._count_per_level("mentoring.naics"), NAICS_PER_LEVEL)
        self.assertEqual(mentee.target_noc_id, self.noc_software)
        self.assertEqual(self.noc_software.name, "Software engineers and designers")
        self.env["res.lang"]._activate_lang("fr_CA")
        self.assertEqual(
            self.noc_software.with_context(lang="fr_CA").name,
            "Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel",
        )
