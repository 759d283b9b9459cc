"""Fail when an Odoo log holds a WARNING, ERROR or CRITICAL line about this addon."""

import re
import sys

# date time pid LEVEL database logger: message; the database name is left out of the match
# (start.sh's database is called performance_demo).
LEVEL = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) \S+ (?P<record>.*)")
OURS = re.compile(r"performance[_.]")


def main(path):
    bad = []
    with open(path, encoding="utf-8", errors="replace") as log:
        lines = log.read().splitlines()
    for number, line in enumerate(lines):
        if match := LEVEL.match(line):
            # a traceback or a multi-line message belongs to the record it follows
            block = [match["record"]]
            for follow in lines[number + 1 : number + 40]:
                if re.match(r"^\d{4}-\d\d-\d\d ", follow):
                    break
                block.append(follow)
            if any(OURS.search(text) for text in block):
                bad.append("\n".join([line, *block[1:]]))
    for record in bad:
        sys.stderr.write(record + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
