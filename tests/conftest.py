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

    def pg_errors(self):
        """PostgreSQL's own log of the errors on this database, with the statement that failed
        (Debian's clusters log to /var/log/postgresql): what a serialization failure hit."""
        lines = []
        for path in sorted(Path("/var/log/postgresql").glob("postgresql-*.log")):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            keep = False
            for line in text.splitlines():
                if not line.startswith("\t"):  # a record starts; its statement goes on tabbed
                    keep = f"@{self.db} " in line and "LOG:  statement" not in line
                if keep:
                    lines.append(line)
        return "\n".join(lines)[-6000:]


def new_db_name():
    """pm_outside_<random>; PM_TEST_DB_PREFIX replaces pm_outside_ (for shared machines)."""
    return f"{os.environ.get('PM_TEST_DB_PREFIX', 'pm_outside_')}{uuid.uuid4().hex[:8]}"


@pytest.fixture
def odoo_db(tmp_path):
    db = new_db_name()
    yield Odoo(db, _addons_path(), tmp_path)
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=False, capture_output=True)


_GIVEN_PORTS = set()


def free_port():
    """A loopback port nobody listens on: any the system gives, or, when PM_TEST_PORTS is set
    ("8131-8139"), one of that range not given yet in this session (on a shared machine)."""
    import socket

    def bindable(port):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                return False
            return sock.getsockname()[1]

    span = os.environ.get("PM_TEST_PORTS")
    if not span:
        return bindable(0)
    first, _sep, last = span.partition("-")
    for port in range(int(first), int(last or first) + 1):
        if port not in _GIVEN_PORTS and bindable(port):
            _GIVEN_PORTS.add(port)
            return port
    raise AssertionError(f"no free port left in PM_TEST_PORTS={span}")


class Server:
    """A real multi-worker Odoo on loopback, as production runs it."""

    def __init__(self, odoo, workers=2):
        self.odoo = odoo
        self.port = free_port()
        self.gevent_port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = odoo.logdir / f"{odoo.db}-server.log"
        self.process = subprocess.Popen(
            [
                "odoo",
                f"--addons-path={odoo.addons_path}",
                "-d",
                odoo.db,
                f"--db-filter=^{odoo.db}$",
                f"--workers={workers}",
                "--max-cron-threads=1",
                "--http-interface=127.0.0.1",
                f"--http-port={self.port}",
                f"--gevent-port={self.gevent_port}",
                f"--logfile={self.log}",
            ],
            cwd=odoo.logdir,
        )
        self._wait()

    def _wait(self, seconds=90):
        import time
        import urllib.request

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"Odoo stopped: {self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/web/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise AssertionError("Odoo did not answer on /web/health in time")

    def jsonrpc(self, service, method, *args):
        import json
        import urllib.request

        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"service": service, "method": method, "args": list(args)},
                "id": 1,
            }
        ).encode()
        request = urllib.request.Request(
            f"{self.url}/jsonrpc", body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.load(answer)

    def json2(self, key, model, method, **params):
        """Odoo 19's JSON-2 API: returns (HTTP status, decoded body)."""
        import json
        import urllib.error
        import urllib.request

        request = urllib.request.Request(
            f"{self.url}/json/2/{model}/{method}",
            json.dumps(params).encode(),
            {"Content-Type": "application/json", "Authorization": f"bearer {key}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        _GIVEN_PORTS.difference_update({self.port, self.gevent_port})


@pytest.fixture(scope="module")
def installed_db(tmp_path_factory):
    """A database with the addon (no demo data), shared by the tests of one module."""
    db = new_db_name()
    odoo = Odoo(db, _addons_path(), tmp_path_factory.mktemp("odoo"))
    odoo.server("-i", "performance_management", name="install")
    yield odoo
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=False, capture_output=True)


@pytest.fixture(scope="module")
def server(installed_db):
    running = Server(installed_db)
    yield running
    running.stop()
