"""Upgrade from the previous version of the addon, taken from the repository's history, to
the working tree: every row of the addon's tables and every released review's PDF survive."""

import json
import subprocess
from collections import Counter
from pathlib import Path

from check_log import main as check_log
from conftest import ROOT, Odoo

# The last commit of version 19.0.1.0.0 (main before this round).
PREVIOUS = "01817f2"
VERSION = "19.0.1.2.0"

# Columns this version adds or drops on purpose, per table: left out of the comparison, and
# the only differences allowed between the two schemas.
ADDED_COLUMNS = {
    # the calibration session a move was made in
    "performance_calibration_log": {"session_id"},
    # the cap on the peers one review may ask
    "performance_cycle": {"peer_rater_cap"},
    # whether the employee answered "was this review useful?", and whether retention erased it
    "performance_review": {"retention_anonymised", "usefulness_answered"},
    # the automated flags' evidence and the human decision on them (issue 28, part 6)
    "performance_issue": {"evidence_threshold", "decision", "decision_user_id", "decision_date"},
    "performance_review_assessment": {
        "suggestion_decision",
        "suggestion_decision_user_id",
        "suggestion_decision_date",
        "suggestion_decision_rating_id",
    },
    "performance_reward": {
        "merit_cell_id",
        "merit_suggested_percent",
        "merit_explanation",
        "merit_decision",
        "merit_decision_user_id",
        "merit_decision_date",
        "merit_decision_percent",
    },
}
DROPPED_COLUMNS = {}
# Tables this version adds (the private notes of improvement plans, out of their chatter; the
# text rules, review drafts, calibration sessions, pulse surveys, read log, retention rules and
# principles of fair reviews, privacy and program evaluation) or drops
# (performance.employee.chain: the manager chains are read from hr_employee.parent_id, nothing
# stored can go stale).
ADDED_TABLES = {
    "performance_anonymous_employee_company_rel",
    "performance_calibration_disagreement",
    "performance_calibration_session",
    "performance_calibration_session_manager_rel",
    "performance_calibration_session_participant_rel",
    "performance_calibration_session_review_rel",
    "performance_calibration_vote",
    "performance_improvement_note",
    "performance_issue_assessment_rel",
    "performance_issue_feedback_rel",
    "performance_issue_goal_rel",
    "performance_nudge",
    "performance_principles_version",
    "performance_pulse_participant",
    "performance_pulse_result",
    "performance_pulse_round",
    "performance_pulse_schedule",
    "performance_read_log",
    "performance_retention_rule",
    "performance_review_draft",
    "performance_review_usefulness",
    "performance_text_rule",
}
DROPPED_TABLES = {"performance_employee_chain"}
# Figures whose computation changed in this version, recomputed by its migration
# (post-stored_figures.py): the main receiver of shared kudos (and its team), goals rolled up
# from their supporting goals, skill gaps.
RECOMPUTED_COLUMNS = {
    "performance_recognition": {"employee_id", "department_id"},
    "performance_goal": {"progress"},
    "performance_development_plan_skill": {
        "current_level_id",
        "current_progress",
        "gap",
        "status",
    },
}
# Rewritten by the upgrade itself: Odoo reloads the addon's data files (their records keep
# their values, not the date of their last write).
REWRITTEN_COLUMNS = {"write_date", "write_uid"}
# Tables the upgrade rebuilds from the host's data: the same rows under new ids and stamps.
REBUILT_COLUMNS = {}

GENERATE = Path(__file__).parent / "upgrade" / "generate_data.py"

TABLES = """
    SELECT string_agg(table_name, ',' ORDER BY table_name)
      FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name LIKE 'performance\\_%'
       AND table_type = 'BASE TABLE'
"""
WIZARD_TABLES = """
    SELECT string_agg(replace(model, '.', '_'), ',')
      FROM ir_model WHERE transient AND model LIKE 'performance.%'
"""
COLUMNS = """
    SELECT string_agg(column_name, ',' ORDER BY column_name)
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = '{table}'
"""

# after the upgrade: each released review's PDF as the portal and the Print menu serve it
READ_PDFS = """
import base64, hashlib, json
Attachment = env["ir.attachment"].with_context(skip_res_field_check=True)
before = Attachment.search_count([("res_model", "=", "performance.review")])
admin = env.ref("base.user_admin")
reviews = env["performance.review"].with_context(active_test=False).search([])
served, field = {}, {}
for review in reviews.filtered("has_released_pdf"):
    field[review.id] = hashlib.sha256(base64.b64decode(review.released_pdf)).hexdigest()
    pdf, kind = review.with_user(admin)._get_pdf()
    served[review.id] = hashlib.sha256(pdf).hexdigest()
# a released review without a file prints as it is now, and stores nothing either
report = env.ref("performance_management.action_report_performance_review")
env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
unfrozen = reviews.filtered(lambda review: review.state in ("released", "done"))
unfrozen = unfrozen.filtered(lambda review: not review.has_released_pdf)[:1]
if unfrozen:
    report._render_qweb_pdf(report, unfrozen.ids)
binding = report.binding_model_id.model or ""
print("PDFS=" + json.dumps({
    "binding": binding,
    "attachment": [report.attachment or "", report.attachment_use],
    "unfrozen": len(unfrozen),
    "field": field,
    "served": served,
    "named": Attachment.search_count([("name", "=like", "Performance Review %.pdf")]),
    "stored_by_print": Attachment.search_count([("res_model", "=", "performance.review")])
    - before,
}))
"""


def _previous_addon(tmp_path, commit=PREVIOUS):
    old = tmp_path / "previous"
    old.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "performance_management"],
        check=True,
        capture_output=True,
    )
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    return old


def _with_previous(addons_path, old):
    return ",".join(
        str(old) if (Path(path) / "performance_management").is_dir() else path
        for path in addons_path.split(",")
    )


def _printed(text, key="PDFS="):
    lines = [line for line in text.splitlines() if line.startswith(key)]
    assert lines, f"the shell printed no {key}:\n{text[-3000:]}"
    return json.loads(lines[-1][len(key) :])


def _rows(odoo, table, columns):
    select = ", ".join(f'"{column}"' for column in sorted(columns))
    out = odoo.sql(f"SELECT row_to_json(t)::text FROM (SELECT {select} FROM {table}) t")
    rows = [json.loads(line) for line in out.splitlines() if line]
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))


def _schema(odoo):
    wizards = set(odoo.sql(WIZARD_TABLES).split(","))
    tables = [
        table
        for table in odoo.sql(TABLES).split(",")
        if table not in wizards and not any(wizard in table for wizard in wizards)
    ]
    return {table: set(odoo.sql(COLUMNS.format(table=table)).split(",")) for table in tables}


def test_upgrade_from_previous_version_keeps_every_row_and_pdf(odoo_db, tmp_path):
    new = odoo_db
    old = Odoo(new.db, _with_previous(new.addons_path, _previous_addon(tmp_path)), new.logdir)

    old.server("-i", "performance_management", "--with-demo", name="install-previous")
    stored = _printed(old.shell(GENERATE.read_text(encoding="utf-8"), name="generate"))
    assert len(stored) >= 3, "the previous version stored no review PDFs"
    schema = _schema(old)
    empty = [table for table in schema if old.sql(f"SELECT count(*) FROM {table}") == "0"]
    assert not empty, f"no data in {empty}: the generator must fill every model"
    kept = {
        table: columns
        - DROPPED_COLUMNS.get(table, set())
        - REBUILT_COLUMNS.get(table, set())
        - RECOMPUTED_COLUMNS.get(table, set())
        - REWRITTEN_COLUMNS
        for table, columns in schema.items()
        if table not in DROPPED_TABLES
    }
    before = {table: _rows(old, table, columns) for table, columns in kept.items()}

    log, _text = new.server("-u", "performance_management", name="upgrade")
    assert check_log(str(log)) == 0, "the upgrade logged warnings about the addon"
    assert (
        new.sql(
            "SELECT latest_version FROM ir_module_module WHERE name = 'performance_management'"
        )
        == VERSION
    )

    after_schema = _schema(new)
    added_tables = set(after_schema) - set(schema)
    dropped_tables = set(schema) - set(after_schema)
    assert added_tables == ADDED_TABLES, f"the upgrade added tables {added_tables}"
    assert dropped_tables == DROPPED_TABLES, f"the upgrade dropped tables {dropped_tables}"
    # every table's difference at once, so that one run names all of them
    added_columns = {
        table: after_schema[table] - schema[table]
        for table in kept
        if after_schema[table] - schema[table]
    }
    dropped_columns = {
        table: schema[table] - after_schema[table]
        for table in kept
        if schema[table] - after_schema[table]
    }
    assert added_columns == ADDED_COLUMNS, f"the upgrade added columns {added_columns}"
    assert dropped_columns == DROPPED_COLUMNS, f"the upgrade dropped columns {dropped_columns}"
    # every row is still there, unchanged; the upgrade may add rows (the demo data files this
    # version adds are loaded on a database with demo data), never change or drop one
    changed = {}
    for table, columns in kept.items():
        after = Counter(json.dumps(row, sort_keys=True) for row in _rows(new, table, columns))
        lost = Counter(json.dumps(row, sort_keys=True) for row in before[table]) - after
        if lost:
            changed[table] = sorted(lost)[:3]
    assert not changed, f"the upgrade changed or dropped rows: {changed}"

    pdfs = _printed(new.shell(READ_PDFS, name="read-pdfs"))
    # the same bytes, moved: not rendered again, neither by the upgrade nor by a print
    assert pdfs["field"] == stored
    assert pdfs["served"] == stored
    assert pdfs["named"] == 0, "PDFs left under their old name (the second one included)"
    assert pdfs["stored_by_print"] == 0, "a print stored a second PDF"
    assert pdfs["unfrozen"] == 1, "no released review without a file to print"
    # the report renders, stores nothing and left the Print menu to the released file
    assert pdfs["attachment"] == ["", False]
    assert pdfs["binding"] == ""


# The last commit of version 19.0.1.1.0, before performance questionnaires had a company.
PREVIOUS_1_1 = "13adc0f"

QUESTIONNAIRES = """
from odoo.fields import Command
company_a = env.ref("base.main_company")
company_b = env["res.company"].create({"name": "Upgrade Company B"})
Survey = env["survey.survey"]
def survey(title):
    question = Command.create({"title": "Often?", "question_type": "text_box"})
    return Survey.create(
        {"title": title, "survey_type": "performance", "question_and_page_ids": [question]}
    ).id
def template(name, company, survey_id):
    env["performance.review.template"].create({
        "name": name, "company_id": company.id if company else False,
        "question_weight": 0, "goal_weight": 80, "competency_weight": 20,
        "survey_peer_id": survey_id,
    })
ids = {
    "b_only": survey("Used by B"),
    "a_and_b": survey("Used by A and B"),
    "shared_template": survey("Used by a shared template"),
    "unused": survey("Used by nobody"),
}
template("B's", company_b, ids["b_only"])
template("A's", company_a, ids["a_and_b"])
template("B's too", company_b, ids["a_and_b"])
template("Everyone's", None, ids["shared_template"])
env.cr.commit()
print("IDS=" + json.dumps({**ids, "company_b": company_b.id}))
"""


def test_upgrade_from_1_1_0_gives_questionnaires_their_company(odoo_db, tmp_path):
    """19.0.1.2.0: a questionnaire used by one company's templates is that company's, any
    other is shared; nothing else of the addon's changes."""
    new = odoo_db
    previous = _previous_addon(tmp_path, PREVIOUS_1_1)
    old = Odoo(new.db, _with_previous(new.addons_path, previous), new.logdir)
    old.server("-i", "performance_management", "--with-demo", name="install-1.1")
    ids = _printed(old.shell("import json\n" + QUESTIONNAIRES, name="questionnaires"), "IDS=")
    schema = _schema(old)
    kept = {table: columns - REWRITTEN_COLUMNS for table, columns in schema.items()}
    before = {table: _rows(old, table, columns) for table, columns in kept.items()}

    log, _text = new.server("-u", "performance_management", name="upgrade-1.1")
    assert check_log(str(log)) == 0, "the upgrade logged warnings about the addon"
    assert _schema(new) == schema, "19.0.1.2.0 changes no table of the addon"
    changed = [
        table
        for table, columns in kept.items()
        if Counter(json.dumps(r, sort_keys=True) for r in before[table])
        - Counter(json.dumps(r, sort_keys=True) for r in _rows(new, table, columns))
    ]
    assert not changed, f"the upgrade changed or dropped rows of {changed}"
    company = {
        key: new.sql(f"SELECT coalesce(company_id, 0) FROM survey_survey WHERE id = {ids[key]}")
        for key in ("b_only", "a_and_b", "shared_template", "unused")
    }
    assert company == {
        "b_only": str(ids["company_b"]),
        "a_and_b": "0",
        "shared_template": "0",
        "unused": "0",
    }
    # plain surveys have none
    assert (
        new.sql(
            "SELECT count(*) FROM survey_survey WHERE company_id IS NOT NULL "
            "AND survey_type NOT IN ('performance', 'performance_pulse')"
        )
        == "0"
    )
