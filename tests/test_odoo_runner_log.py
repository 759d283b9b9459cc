"""scripts/odoo_test_log.py: the log of Odoo's own test runner counts in the closing line."""

import xml.etree.ElementTree as ET

from odoo_test_log import main

# Odoo ends each log line with a space
HEAD = "2026-12-06 20:15:24,171 4242 {level} pm_x {logger}: {msg} "
OURS = "odoo.addons.performance_management.tests.test_goal"


def _log(tmp_path, records):
    path = tmp_path / "odoo.log"
    lines = []
    for level, logger, msg, *follow in records:
        lines.append(HEAD.format(level=level, logger=logger, msg=msg))
        lines.extend(follow)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cases(report):
    return {
        case.get("name"): [child.tag for child in case]
        for case in ET.parse(report).getroot().iter("testcase")
    }


def test_each_test_of_the_addon_is_a_testcase(tmp_path):
    log = _log(
        tmp_path,
        [
            ("INFO", "odoo.service.server", "Starting post tests"),
            ("INFO", OURS, "Starting TestGoal.test_ok ..."),
            ("INFO", OURS, "Starting TestGoal.test_bad ..."),
            ("ERROR", OURS, "FAIL: TestGoal.test_bad", "Traceback:", "AssertionError: 1 != 2"),
            ("INFO", OURS, "Starting TestGoal.test_tour ..."),
            ("INFO", OURS, "skipped TestGoal.test_tour : Chrome not found"),
            ("ERROR", "odoo.tests.result", "1 failed, 0 error(s) of 3 tests when loading db"),
        ],
    )
    report = tmp_path / "junit.xml"
    assert main(str(log), str(report), "1") == 1
    cases = _cases(report)
    assert cases["TestGoal.test_ok"] == []
    assert cases["TestGoal.test_bad"] == ["failure"]
    assert cases["TestGoal.test_tour"] == ["skipped"]
    assert cases["odoo exited with 1"] == ["failure"]


def test_a_clean_run_passes(tmp_path):
    log = _log(
        tmp_path,
        [
            ("INFO", OURS, "Starting TestGoal.test_ok ..."),
            ("INFO", "odoo.tests.result", "0 failed, 0 error(s) of 1 tests when loading db"),
        ],
    )
    report = tmp_path / "junit.xml"
    assert main(str(log), str(report), "0") == 0
    assert _cases(report) == {"TestGoal.test_ok": []}


def test_failures_outside_a_test_fail_the_run(tmp_path):
    log = _log(
        tmp_path,
        [
            ("INFO", OURS, "Starting TestGoal.test_ok ..."),
            ("ERROR", "unittest.suite", "ERROR: setUpClass (odoo.addons.x.TestPlan)", "Boom"),
            ("ERROR", "odoo.sql_db", "bad query: SELECT 1/0"),
            ("INFO", "odoo.tests.result", "0 failed, 1 error(s) of 1 tests when loading db"),
        ],
    )
    report = tmp_path / "junit.xml"
    assert main(str(log), str(report), "0") == 1
    failed = [name for name, tags in _cases(report).items() if tags == ["failure"]]
    assert "ERROR: setUpClass (odoo.addons.x.TestPlan)" in failed
    assert "logged ERROR (odoo.sql_db)" in failed


def test_a_run_without_tests_or_closing_line_fails(tmp_path):
    log = _log(tmp_path, [("INFO", "odoo.modules.loading", "loading 1 modules...")])
    report = tmp_path / "junit.xml"
    assert main(str(log), str(report), "0") == 1
    assert "Odoo's runner ran no test of the addon" in _cases(report)
