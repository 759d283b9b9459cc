{
    "name": "Performance Management",
    "summary": "Goals, reviews, feedback, 1:1s, improvement plans, career paths and "
    "recognition for your employees",
    "version": "19.0.1.0.0",
    "category": "Human Resources/Performance",
    "sequence": 275,
    "author": "performance_management developers",
    "website": "https://github.com/performance-management/performance_management",
    "license": "LGPL-3",
    "depends": [
        "hr",
        "hr_skills",
        "mail",
        "calendar",
        "portal",
        "survey",
        "hr_gamification",
    ],
    "data": [
        "security/performance_security.xml",
        "security/ir.model.access.csv",
        "views/performance_menus.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/performance_demo.xml",
    ],
    "assets": {},
    "installable": True,
    "application": True,
}
