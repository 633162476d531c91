{
    "name": "Mentoring to Employment: Participant Privacy",
    "summary": "Privacy lookup of every mentoring record of a person, anonymization, dated "
    "consent withdrawal and a retention period (PIPEDA)",
    "version": "19.0.1.0.0",
    "category": "Services/Mentoring",
    "website": "https://github.com/mentoring-suite/mentoring",
    "author": "Mentoring Suite contributors",
    "license": "AGPL-3",
    "depends": ["mentoring_base", "privacy_lookup"],
    "data": [
        "security/ir.model.access.csv",
        "security/mentoring_privacy_rules.xml",
        "data/ir_config_parameter_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "wizard/mentoring_privacy_anonymize_wizard_views.xml",
        "wizard/mentoring_privacy_withdrawal_wizard_views.xml",
        "views/mentoring_mentee_views.xml",
        "views/mentoring_mentor_views.xml",
        "views/res_config_settings_views.xml",
        "views/mentoring_privacy_menus.xml",
    ],
}
