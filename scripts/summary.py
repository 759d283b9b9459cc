"""Adds up the gates and the JUnit reports of a test run into one closing line.

A skipped test of ours fails the run: Odoo skips a browser tour instead of failing it when
Chromium or websocket-client is missing, and a tour that did not run proves nothing. In Odoo's
own suites (junit-host.xml, and junit-lint.xml for its lint suite test_lint) the tests Odoo
itself marks as skipped stay skipped, unless a browser was the reason. junit-odoo.xml, the
addon's tests run by Odoo's own runner (scripts/odoo_test_log.py), is ours.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

ODOO_SUITES = ("junit-host.xml", "junit-lint.xml")
BROWSER = re.compile(r"chrome|chromium|websocket|devtools|browser", re.IGNORECASE)


def main(gates_file, *reports):
    passed = failed = allowed = 0
    skipped = []
    try:
        with open(gates_file, encoding="utf-8") as gates:
            for line in gates:
                if line.startswith("passed "):
                    passed += 1
                elif line.startswith("failed "):
                    failed += 1
    except FileNotFoundError:
        failed += 1
    if not reports:
        print("no test report was written", file=sys.stderr)
        failed += 1
    for report in reports:
        host = os.path.basename(report) in ODOO_SUITES
        root = ET.parse(report).getroot()
        for case in root.iter("testcase"):
            name = f"{case.get('classname')}.{case.get('name')}"
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif case.find("skipped") is not None:
                why = case.find("skipped").get("message", "")
                if host and not BROWSER.search(why):
                    allowed += 1
                    continue
                skipped.append((name, why))
                failed += 1
            else:
                passed += 1
    for name, why in skipped:
        print(f"SKIPPED counts as failed: {name}: {why}", file=sys.stderr)
    if passed == 0:
        print("no test ran", file=sys.stderr)
    if allowed:
        print(f"({allowed} tests of Odoo's own suites are skipped by Odoo itself)")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
