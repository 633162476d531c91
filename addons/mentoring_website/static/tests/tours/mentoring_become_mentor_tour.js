import { registry } from "@web/core/registry";

/**
 * A francophone engineer applies to become a mentor: fills every field of the French form,
 * finds her occupation by typing "logiciel", attaches her CV and lands on the thank-you page.
 */
registry.category("web_tour.tours").add("mentoring_become_mentor_tour", {
    url: "/fr/mentoring/become-a-mentor",
    steps: () => [
        {
            content: "The form is in French",
            trigger: "form#mentoring_mentor_form label[for=mw_noc_label]:contains('Profession (CNP)')",
        },
        {
            content: "Name",
            trigger: "input[name=name]",
            run: "edit Geneviève Lapointe",
        },
        {
            content: "E-mail",
            trigger: "input[name=email]",
            run: "edit genevieve.lapointe@example.com",
        },
        {
            content: "Phone",
            trigger: "input[name=phone]",
            run: "edit 819-555-0142",
        },
        {
            content: "City",
            trigger: "input[name=city]",
            run: "edit Gatineau",
        },
        {
            content: "Province, named in French",
            trigger: "select[name=state_id]",
            run: "selectByLabel Québec",
        },
        {
            content: "Employer",
            trigger: "input[name=employer]",
            run: "edit Logiciels Outaouais inc.",
        },
        {
            content: "Job title",
            trigger: "input[name=function]",
            run: "edit Architecte logiciel principale",
        },
        {
            content: "Type words no occupation has",
            trigger: "input[name=noc_label]",
            run: "edit zzzqqq",
        },
        {
            content: "The visitor is told, in French, that nothing was found",
            trigger: ".o_mentoring_noc_suggestions.show li:contains('Aucune profession trouvée')",
        },
        {
            content: "Type a word of the occupation",
            trigger: "input[name=noc_label]",
            run: "edit logiciel",
        },
        {
            content: "Pick 21231 among the suggestions",
            trigger: ".o_mentoring_noc_suggestions.show a:contains('21231 –')",
            run: "click",
        },
        {
            content: "The occupation is picked",
            trigger: "input[name=noc_label]",
            run() {
                const nocId = document.querySelector("input[name=noc_id]").value;
                if (!this.anchor.value.startsWith("21231 – ") || !/^\d+$/.test(nocId)) {
                    throw new Error(`No occupation picked ("${this.anchor.value}", "${nocId}")`);
                }
            },
        },
        {
            content: "Industry",
            trigger: "select[name=naics_id]",
            run: "selectByLabel Services professionnels, scientifiques et techniques",
        },
        {
            content: "Years of experience in the region",
            trigger: "input[name=years_experience_region]",
            run: "edit 12",
        },
        {
            content: "Speaks French",
            trigger: ".form-check:has(label:contains('Français')) input[name=spoken_language_ids]",
            run: "check",
        },
        {
            content: "Speaks English",
            trigger: ".form-check:has(label:contains('Anglais')) input[name=spoken_language_ids]",
            run: "check",
        },
        {
            content: "Professional networks",
            trigger: "textarea[name=professional_networks]",
            run: "edit Ordre des ingénieurs du Québec",
        },
        {
            content: "Motivation",
            trigger: "textarea[name=motivation]",
            run: "edit J'ai moi-même immigré et je veux aider une nouvelle arrivante.",
        },
        {
            content: "Available on Tuesday evenings",
            trigger: "table.o_mentoring_availability_grid input[name=slot_1_3]",
            run: "check",
        },
        {
            content: "Available on Saturday mornings",
            trigger: "table.o_mentoring_availability_grid input[name=slot_5_0]",
            run: "check",
        },
        {
            content: "Other availability details",
            trigger: "textarea[name=availability]",
            run: "edit À Gatineau ou en ligne",
        },
        {
            content: "Commits to at least 3 months",
            trigger: "input[name=commitment_confirmed]",
            run: "check",
        },
        {
            content: "Commitment in months",
            trigger: "input[name=commitment_months]",
            run: "edit 6",
        },
        {
            content: "How she heard about the program",
            trigger: "select[name=recruitment_source]",
            run: "select mentor_referral",
        },
        {
            content: "CV",
            trigger: "input[name=resume]",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(["%PDF-1.4\n% CV de Geneviève\n"], "cv-genevieve.pdf", {
                        type: "application/pdf",
                    })
                );
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Consent",
            trigger: "input[name=consent_share]",
            run: "check",
        },
        {
            content: "Send",
            trigger: "form#mentoring_mentor_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thank-you page, in French",
            trigger: "#mentoring_thank_you h1:contains('Merci')",
        },
    ],
});
