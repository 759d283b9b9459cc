"""Outside-in tests: they drive Odoo as an admin would, through its command line and a
running server, on databases of their own."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def _addons_path():
    if os.environ.get("PM_ADDONS_PATH"):
        return os.environ["PM_ADDONS_PATH"]
    out = subprocess.run(
        ["bash", "-c", f"source {ROOT}/scripts/lib.sh && addons_path"],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


class Odoo:
    """Runs Odoo commands on one database and reads it back with psql."""

    def __init__(self, db, addons_path, logdir):
        self.db = db
        self.addons_path = addons_path
        self.logdir = logdir

    def run(self, *args, name="odoo", check=True, stdin=None, timeout=900):
        log = self.logdir / f"{self.db}-{name}.log"
        cmd = ["odoo", f"--addons-path={self.addons_path}", *args]
        with open(log, "w", encoding="utf-8") as out:
            done = subprocess.run(
                cmd,
                stdout=out,
                stderr=subprocess.STDOUT,
                input=stdin,
                text=True,
                timeout=timeout,
                cwd=self.logdir,
                check=False,
            )
        text = log.read_text(encoding="utf-8", errors="replace")
        if check and done.returncode:
            raise AssertionError(f"{' '.join(cmd)} failed:\n{text[-4000:]}")
        return log, text

    def server(self, *args, name="odoo"):
        return self.run(
            "-d", self.db, "--stop-after-init", "--http-interface=127.0.0.1", *args, name=name
        )

    def shell(self, code, name="shell"):
        """Runs python code in `odoo shell`; what it prints comes back."""
        _log, text = self.run(
            "shell", "-d", self.db, "--no-http", "--log-level=warn", name=name, stdin=code
        )
        return text

    def sql(self, query):
        out = subprocess.run(
            ["psql", "-d", self.db, "-tAc", query], check=True, capture_output=True, text=True
        )
        return out.stdout.strip()


@pytest.fixture
def odoo_db(tmp_path):
    db = f"pm_outside_{uuid.uuid4().hex[:8]}"
    yield Odoo(db, _addons_path(), tmp_path)
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=False, capture_output=True)
