from odoo.tests import tagged

from .common import MENTEE_URL, MENTOR_URL, MentoringWebsiteCase


@tagged("post_install", "-at_install")
class TestFrench(MentoringWebsiteCase):
    """The pages, messages and e-mails of a francophone visitor."""

    def test_french_url_code(self):
        # fr_CA takes the short URL code while French (France) is not active.
        if not self.env.ref("base.lang_fr").active:
            self.assertEqual(self.fr, "/fr")
        response = self.url_open(self.fr + MENTOR_URL)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith(self.fr + MENTOR_URL), response.url)

    def test_french_labels(self):
        response = self.url_open(self.fr + MENTOR_URL)
        self.assertEqual(response.status_code, 200)
        doc = self.page(response)
        self.assertEqual(doc.xpath("//html/@lang"), ["fr-CA"])
        self.assertEqual(doc.xpath("//h1")[0].text_content().strip(), "Devenir mentor")
        labels = [label.text_content().strip() for label in doc.xpath("//form//label")]
        self.assertIn("Profession (CNP) *", labels)
        self.assertIn("Industrie (secteur du SCIAN) *", labels)
        self.assertIn("Je peux m'engager pour au moins 3\xa0mois *", labels)
        # The form posts to the French URL, so errors come back in French.
        action = doc.xpath('//form[@id="mentoring_mentor_form"]/@action')[0]
        self.assertEqual(action, self.fr + MENTOR_URL)
        menu = [link.text_content().strip() for link in doc.xpath("//header//a")]
        self.assertIn("Devenir mentor", menu)
        self.assertIn("Trouver un mentor", menu)
        languages = doc.xpath('//input[@name="spoken_language_ids"]/../label')
        self.assertEqual([label.text_content() for label in languages[:2]], ["Anglais", "Français"])

    def test_french_error_message(self):
        before = self.counts()
        values = self.mentor_values(email="marie@exemple", noc_label="21231 – Ingénieurs")
        response = self.post(self.fr + MENTOR_URL, values)
        values["noc_label"] = self.noc_software.with_context(lang="fr_CA").display_name
        self.assertRejected(
            response,
            before,
            "email",
            "Entrez une adresse courriel valide, par exemple nom@exemple.com.",
            values,
        )
        self.assertIn(
            "Votre formulaire n'a pas encore été envoyé",
            self.page(response).get_element_by_id("mw_form_error").text_content(),
        )

    def test_french_acknowledgement(self):
        response = self.post(self.fr + MENTOR_URL, self.mentor_values(), files=self.resume())
        self.assertTrue(response.url.endswith("/fr/mentoring/thank-you"), response.url)
        self.assertIn("Merci", self.page(response).xpath("//h1")[0].text_content())
        mentor = self.env["mentoring.mentor"].search([("email", "=", "marie.tremblay@example.org")])
        self.assertEqual(mentor.partner_id.lang, "fr_CA")
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.mentor"),
                ("res_id", "=", mentor.id),
                ("recipient_ids", "in", mentor.partner_id.ids),
            ]
        )
        self.assertEqual(mail.subject, "Nous avons bien reçu votre candidature de mentor")
        self.assertIn("Bonjour Marie Tremblay", mail.body_html)
        self.assertIn("entretien de filtrage", mail.body_html)
        # Staff-facing texts follow the coordinator's language (English here).
        self.assertEqual(mentor.activity_ids.summary, "Screen mentor application")

    def test_french_self_referral(self):
        doc = self.page(self.url_open(self.fr + MENTEE_URL))
        self.assertEqual(doc.xpath('//input[@name="service_language"][@checked]/@value'), ["fr"])
        self.assertIn(
            "Niveaux de compétence linguistique canadiens (NCLC)",
            doc.xpath("//form//legend")[2].text_content(),
        )
        response = self.post(
            self.fr + MENTEE_URL, self.mentee_values(service_language="fr"), files=self.resume()
        )
        self.assertTrue(response.url.endswith("/fr/mentoring/self-referral/thank-you"))
        mentee = self.env["mentoring.mentee"].search(
            [("email", "=", "leila.ouedraogo@example.org")]
        )
        self.assertEqual(mentee.partner_id.lang, "fr_CA")
        self.assertEqual(mentee.service_language, "fr")
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.mentee"),
                ("res_id", "=", mentee.id),
                ("recipient_ids", "in", mentee.partner_id.ids),
            ]
        )
        self.assertEqual(mail.subject, "Nous avons bien reçu votre demande d'auto-aiguillage")
        self.assertIn("évaluation des besoins", mail.body_html)

    def test_french_clb_error(self):
        before = self.counts()
        values = self.mentee_values(clb_writing="13")
        response = self.post(self.fr + MENTEE_URL, values, files=self.resume())
        values["target_noc_label"] = self.noc_software.with_context(lang="fr_CA").display_name
        self.assertRejected(
            response,
            before,
            "clb_writing",
            "Choisissez un niveau de 1 à 12, ou «\xa0Pas encore évalué\xa0».",
            values,
        )

    def test_french_noc_search(self):
        results = self.url_open(self.fr + "/mentoring/noc/search?q=logiciel").json()
        self.assertIn(
            {
                "id": self.noc_software.id,
                "label": "21231 – Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel",
            },
            results,
        )

    def test_french_phone_error(self):
        before = self.counts()
        values = self.mentor_values(phone="appelez-moi")
        response = self.post(self.fr + MENTOR_URL, values)
        values["noc_label"] = self.noc_software.with_context(lang="fr_CA").display_name
        self.assertRejected(
            response,
            before,
            "phone",
            "Entrez un numéro de téléphone valide, par exemple 613-555-0123",
            values,
        )

    def test_french_duplicate_flag(self):
        """A francophone coordinator reads the possible-duplicate flag in French."""
        self.coordinator.lang = "fr_CA"
        existing = self.env["res.partner"].create(
            {"name": "Marie Tremblay", "email": "marie.tremblay@example.org"}
        )
        response = self.post(MENTOR_URL, self.mentor_values(employer="Logiciels Gatineau inc."))
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        mentor = self.env["mentoring.mentor"].search(
            [("email", "=", "marie.tremblay@example.org"), ("partner_id", "!=", existing.id)]
        )
        self.assertEqual(
            mentor.activity_ids.summary,
            "Faire le filtrage de la candidature de mentor (doublon possible)",
        )
        note = mentor.message_ids.filtered(lambda message: "Doublon possible" in message.body)
        self.assertEqual(len(note), 1)
        self.assertIn("base.partner.merge.automatic.wizard", note.body)
        self.assertIn("une nouvelle entreprise a été créée", note.body)
        review = mentor.employer_id.message_ids.filtered(
            lambda message: "Créée à partir d'une candidature de mentor" in message.body
        )
        self.assertEqual(len(review), 1)
