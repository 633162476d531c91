import { registry } from "@web/core/registry";

/**
 * A francophone mentor, signed in, opens the proposal link of the e-mail in French and
 * accepts, goes to « Mon mentorat », logs the meeting that just took place and answers
 * the monthly check-in questionnaire from its link.
 */
registry.category("web_tour.tours").add("mentoring_portal_mentor_tour", {
    steps: () => [
        {
            content: "Accept the proposal",
            trigger: "form#mentoring_proposal_accept button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Go to My mentoring, in French",
            trigger: "body",
            run: "goToUrl /fr/my/mentoring",
            expectUnloadPage: true,
        },
        {
            content: "The relationship is under way: open it",
            trigger: "section#mentoring_current a:contains('Amina Haddad')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page is in French",
            trigger: "h3:contains('Votre mentoré')",
        },
        {
            content: "Topics of the meeting",
            trigger: "form.o_mentoring_meeting_form textarea[name=topics]",
            run: "edit Simulation d'entrevue",
        },
        {
            content: "Next steps",
            trigger: "form.o_mentoring_meeting_form textarea[name=next_steps]",
            run: "edit Envoyer deux candidatures",
        },
        {
            content: "Log the meeting (date and duration as proposed)",
            trigger: "form.o_mentoring_meeting_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The meeting is logged, said in French",
            trigger: ".o_mentoring_message:contains('La rencontre est consignée')",
        },
        {
            content: "Open the monthly check-in among the questionnaires to answer",
            trigger: "section#mentoring_questionnaires li[data-kind=checkin] a.o_mentoring_questionnaire_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start the questionnaire",
            trigger: "button[value=start]:not(.disabled)",
            run: "click",
        },
        {
            content: "Rate the month 4 out of 5",
            trigger: "div.js_question-wrapper:first label.o_survey_choice_btn:contains('4')",
            run: "click",
        },
        {
            content: "Progress towards the goals",
            trigger: "div.js_question-wrapper:has(textarea):eq(0) textarea",
            run: "edit Le CV est prêt",
        },
        {
            content: "Concerns",
            trigger: "div.js_question-wrapper:has(textarea):eq(1) textarea",
            run: "edit Aucune",
        },
        {
            content: "The relationship is not at risk of ending: No",
            trigger:
                "div.js_question-wrapper:has(input[type=radio]):eq(1) label.o_survey_choice_btn:last",
            run: "click",
        },
        {
            content: "No need for the coordinator to call: No",
            trigger:
                "div.js_question-wrapper:has(input[type=radio]):eq(2) label.o_survey_choice_btn:last",
            run: "click",
        },
        {
            content: "Submit",
            trigger: "button[value=finish]:not(.disabled)",
            run: "click",
        },
        {
            content: "Confirm the submission",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The questionnaire is done",
            trigger: ".o_survey_finished",
        },
    ],
});
