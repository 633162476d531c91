{
    "name": "Mentoring to Employment: Website Applications",
    "summary": "Public forms where mentors apply and newcomers refer themselves, "
    "in English and French",
    "version": "19.0.1.2.0",
    "category": "Services/Mentoring",
    "website": "https://github.com/mentoring-suite/mentoring",
    "author": "Mentoring Suite contributors",
    "license": "AGPL-3",
    "depends": ["website", "phone_validation", "mentoring_base"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "data/mail_template_data.xml",
        "data/website_menu_data.xml",
        "views/mentoring_website_templates.xml",
        "views/mentoring_website_submission_views.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "mentoring_website/static/src/scss/mentoring_website.scss",
            "mentoring_website/static/src/interactions/*.js",
        ],
        "web.assets_tests": [
            "mentoring_website/static/tests/tours/*.js",
        ],
    },
    # Both languages on every website: hooks.py
    "post_init_hook": "post_init_hook",
}
