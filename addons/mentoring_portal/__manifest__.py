{
    "name": "Mentoring to Employment: Participant Portal",
    "summary": "Mentors and mentees act for themselves: accept a proposal from the e-mail, "
    "log and schedule meetings, follow goals and answer outcome requests in the portal",
    "version": "19.0.1.0.0",
    "category": "Services/Mentoring",
    "website": "https://github.com/mentoring-suite/mentoring",
    "author": "Mentoring Suite contributors",
    "license": "AGPL-3",
    "depends": [
        "portal",
        "mentoring_website",
        "mentoring_matching",
        "mentoring_calendar",
        "mentoring_survey",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/mentoring_portal_rules.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/mentoring_proposal_templates.xml",
        "views/mentoring_outcome_templates.xml",
        "views/mentoring_portal_templates.xml",
        "views/mentoring_mentor_views.xml",
        "views/mentoring_mentee_views.xml",
        "views/mentoring_program_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mentoring_portal/static/tests/tours/*.js",
        ],
    },
}
