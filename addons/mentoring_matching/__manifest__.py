{
    "name": "Mentoring to Employment: Matching",
    "summary": "Explainable scored matching of mentees and mentors on NOC, NAICS, language, "
    "place, goals and time, one mentee at a time or a whole cohort at once",
    "version": "19.0.1.0.0",
    "category": "Services/Mentoring",
    "website": "https://github.com/mentoring-suite/mentoring",
    "author": "Mentoring Suite contributors",
    "license": "AGPL-3",
    "depends": ["mentoring_base"],
    "external_dependencies": {"python": ["scipy"]},
    "data": [
        "security/ir.model.access.csv",
        "data/mentoring_match_profile_data.xml",
        "data/mail_template_data.xml",
        "views/mentoring_match_profile_views.xml",
        "views/mentoring_program_views.xml",
        "views/mentoring_mentee_views.xml",
        "views/mentoring_mentor_views.xml",
        "views/mentoring_relationship_views.xml",
        "wizard/mentoring_match_wizard_views.xml",
        "wizard/mentoring_cohort_wizard_views.xml",
        "report/mentoring_supply_gap_views.xml",
        "views/mentoring_matching_menus.xml",
    ],
    "demo": [
        "demo/mentoring_matching_demo.xml",
    ],
}
