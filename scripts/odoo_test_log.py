"""Turns the log of Odoo's own test runner into a JUnit report for scripts/summary.py.

    python3 scripts/odoo_test_log.py LOG REPORT.xml EXIT_CODE [MODULE]

Odoo's runner (`odoo -i MODULE --test-enable --stop-after-init`, as Odoo.sh and OCA's CI run
it) writes no report of its own: at --log-level=info it logs "Starting Class.test ..." for each
test of MODULE, "FAIL: ..." or "ERROR: ..." for each one that failed, "skipped ..." for each
skip, and closes with "N failed, N error(s) of N tests". Each test becomes a testcase; a class
that failed to set up, an error logged outside a test, a closing line that disagrees with the
tests counted, and a non-zero exit code each become a failed testcase.
"""

import re
import sys
import xml.etree.ElementTree as ET

RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ "
    r"(?P<logger>[\w.]+): (?P<msg>.*)$"
)
STARTING = re.compile(r"^Starting (?P<test>\S+) \.\.\.$")
FAILED = re.compile(r"^(?P<kind>FAIL|ERROR): (?:Subtest )?(?P<test>\S+)(?P<rest>.*)$")
SKIPPED = re.compile(r"^skipped (?P<test>\S+) : (?P<why>.*)$")
CLOSING = re.compile(r"^(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests")


def parse(lines, module):
    ours = f"odoo.addons.{module}."
    tests = {}  # name -> [classname, failure text or None, skip reason or None]
    extra = []  # failures outside a test: (name, text)
    closing = None
    number = 0
    while number < len(lines):
        match = RECORD.match(lines[number])
        number += 1
        if not match:
            continue
        # a traceback or a multi-line message belongs to the record it follows
        block = [match["msg"]]
        while number < len(lines) and not RECORD.match(lines[number]):
            block.append(lines[number])
            number += 1
        level, logger, msg = match["level"], match["logger"], match["msg"].rstrip()
        if logger.startswith(ours) and (start := STARTING.match(msg)):
            tests.setdefault(start["test"], [logger[len(ours) :], None, None])
        elif logger.startswith(ours) and (skip := SKIPPED.match(msg)):
            tests.setdefault(skip["test"], [logger[len(ours) :], None, None])[2] = skip["why"]
        elif level in ("ERROR", "CRITICAL") and (fail := FAILED.match(msg)):
            name = fail["test"]
            if name in tests:
                tests[name][1] = "\n".join(block)
            else:  # setUpClass, tearDownClass, a module-level error
                extra.append((f"{fail['kind']}: {name}{fail['rest']}", "\n".join(block)))
        elif logger == "odoo.tests.result" and (close := CLOSING.match(msg)):
            closing = close
        elif level in ("ERROR", "CRITICAL"):
            extra.append((f"logged {level} ({logger})", "\n".join(block)))
    return tests, extra, closing


def main(log_path, report_path, exit_code, module="performance_management"):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        tests, extra, closing = parse(log.read().splitlines(), module)
    suite = ET.Element("testsuite", name=f"odoo-runner-{module}")
    for name, (classname, failure, skipped) in tests.items():
        case = ET.SubElement(suite, "testcase", classname=classname, name=name)
        if failure:
            ET.SubElement(case, "failure", message=failure.splitlines()[0]).text = failure
        elif skipped is not None:
            ET.SubElement(case, "skipped", message=skipped)
    failed_tests = sum(1 for _c, failure, _s in tests.values() if failure)
    if closing is None:
        extra.append(("Odoo's runner did not report its tests", "no closing line in the log"))
    elif int(closing["run"]) < len(tests) or (
        int(closing["failed"]) + int(closing["errors"]) > failed_tests + len(extra)
    ):
        extra.append(("Odoo's closing line disagrees with the log", closing.group(0)))
    if not tests:
        extra.append(("Odoo's runner ran no test of the addon", log_path))
    if int(exit_code) != 0:
        extra.append((f"odoo exited with {exit_code}", log_path))
    for name, text in extra:
        case = ET.SubElement(suite, "testcase", classname="odoo-runner", name=name)
        ET.SubElement(case, "failure", message=name).text = text
    ET.ElementTree(suite).write(report_path, encoding="utf-8", xml_declaration=True)
    for name, (_classname, failure, _skipped) in tests.items():
        if failure:
            print(f"FAILED (Odoo's runner): {name}", file=sys.stderr)
    for name, _text in extra:
        print(f"FAILED (Odoo's runner): {name}", file=sys.stderr)
    print(
        f"Odoo's runner: {len(tests)} tests of {module}, {failed_tests} failed, "
        f"{sum(1 for t in tests.values() if t[2] is not None and not t[1])} skipped, "
        f"{len(extra)} other failures"
    )
    return 1 if failed_tests or extra else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
