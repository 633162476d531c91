{
    "name": "Mentoring to Employment: Check-in and Closing Questionnaires",
    "summary": "Monthly check-in and closing questionnaires (Odoo surveys, English and French) "
    "sent to mentees and mentors by e-mail, answered without login, filling check-ins and "
    "closing feedback",
    "version": "19.0.1.0.0",
    "category": "Services/Mentoring",
    "website": "https://github.com/mentoring-suite/mentoring",
    "author": "Mentoring Suite contributors",
    "license": "AGPL-3",
    "depends": ["mentoring_base", "survey"],
    "data": [
        "security/ir.model.access.csv",
        "security/mentoring_survey_rules.xml",
        "data/survey_checkin_data.xml",
        "data/survey_closing_data.xml",
        "data/mail_template_data.xml",
        "views/survey_views.xml",
        "views/mentoring_checkin_views.xml",
        "views/mentoring_relationship_views.xml",
        "views/mentoring_program_views.xml",
        "views/mentoring_survey_menus.xml",
    ],
    # The shipped questionnaires become the default of the programs already there.
    "post_init_hook": "post_init_hook",
}
