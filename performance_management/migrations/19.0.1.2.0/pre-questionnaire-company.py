"""Performance questionnaires get a company.

Up to 19.0.1.1.0 a 360 or pulse questionnaire had none: the officers of every company could
change the questions of another company's questionnaires. A questionnaire that the review
templates, pulse schedules and pulse rounds of exactly one company use becomes that company's;
any other (used by a template shared by every company, by several companies, or by none)
becomes shared, which only the performance administrators change. The column is made here so
that the ORM does not fill it from the upgrading user's company.
"""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

# where a version uses its questionnaires: (table, survey columns); the pulse came in 19.0.1.1.0
USERS = (
    (
        "performance_review_template",
        ("survey_peer_id", "survey_report_id", "survey_manager_id", "survey_self_id"),
    ),
    ("performance_pulse_schedule", ("survey_id",)),
    ("performance_pulse_round", ("survey_id",)),
)


def migrate(cr, version):
    if not version:
        return
    used = [
        SQL(
            "SELECT %s AS survey_id, company_id FROM %s",
            SQL.identifier(column),
            SQL.identifier(table),
        )
        for table, columns in USERS
        if table_exists(cr, table)
        for column in columns
        if column_exists(cr, table, column)
    ]
    cr.execute(
        "ALTER TABLE survey_survey ADD COLUMN IF NOT EXISTS company_id int4 "
        "REFERENCES res_company(id) ON DELETE SET NULL"
    )
    cr.execute(
        SQL(
            """
            WITH used AS (%s), owner AS (
                SELECT survey_id, min(company_id) AS company_id
                  FROM used
                 WHERE survey_id IS NOT NULL
              GROUP BY survey_id
                HAVING count(DISTINCT company_id) = 1 AND bool_and(company_id IS NOT NULL)
            )
            UPDATE survey_survey survey
               SET company_id = owner.company_id
              FROM owner
             WHERE owner.survey_id = survey.id
               AND survey.survey_type IN %s
               AND survey.company_id IS NULL
            """,
            SQL(" UNION ALL ").join(used),
            ("performance", "performance_pulse"),
        )
    )
