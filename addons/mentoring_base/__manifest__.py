{
    "name": "Mentoring to Employment",
    "summary": "People, organizations, programs and the NOC/NAICS classifications "
    "for mentoring-to-employment programs for skilled immigrants",
    "version": "19.0.1.0.0",
    "category": "Services/Mentoring",
    "website": "https://github.com/mentoring-suite/mentoring",
    "author": "Mentoring Suite contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": ["contacts", "mail"],
    "data": [
        "security/mentoring_security.xml",
        "security/ir.model.access.csv",
        "security/mentoring_rules.xml",
        "data/mentoring_language_data.xml",
        "data/mentoring_classification_data.xml",
        "views/mentoring_noc_views.xml",
        "views/mentoring_naics_views.xml",
        "views/mentoring_language_views.xml",
        "views/mentoring_program_views.xml",
        "views/mentoring_mentee_views.xml",
        "views/mentoring_mentor_views.xml",
        "views/res_partner_views.xml",
        "views/mentoring_menus.xml",
    ],
    # Statistics Canada tables, loaded by mentoring.classification.mixin._load_official_table
    "oca_data_manual": [
        "data/noc_2021_v1.0_structure_en_fr.csv",
        "data/naics-scian-2022-structure-v1-eng.csv",
        "data/naics_2022_fr.csv",
    ],
    "demo": [
        "demo/mentoring_demo.xml",
    ],
}
