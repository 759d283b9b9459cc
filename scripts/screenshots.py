#!/usr/bin/env python3
"""Take the README's screenshots of a running demo (./scripts/start.sh) in headless Chromium.

    python3 scripts/screenshots.py [--url http://localhost:8069] [--db performance_demo] [name ...]

Each shot logs in as the user who meets the screen, opens its URL, waits for the page to settle
and writes docs/images/<name>.png. Without names, every shot of SHOTS is taken.
"""

import argparse
import base64
import html
import json
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client, in requirements-test.txt

ROOT = pathlib.Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def rater_invitation_id(url, admin):
    """The demo's 360 invitation to Olivia Grant, who has no user."""
    # her 360 invitation, not the pulse's that the demo's job may have queued since
    mail_ids = call(
        url,
        admin,
        "mail.mail",
        "search",
        [("email_to", "=", "olivia.grant@example.com"), ("subject", "ilike", " about ")],
    )
    if not mail_ids:
        raise RuntimeError("the demo's 360 invitation to Olivia Grant was sent or deleted")
    return mail_ids[0]


def rater_invitation(url, admin):
    """The backend page of that invitation, its body as the mail renders it."""
    return f"/odoo/action-mail.action_view_mail_mail/{rater_invitation_id(url, admin)}"


def rater_questionnaire(url, admin):
    """The questionnaire the invitation's token link opens: her answer is anonymous, so
    nobody reads its token but in the mail."""
    mail_id = rater_invitation_id(url, admin)
    body = call(url, admin, "mail.mail", "read", [mail_id], ["body_html"])[0]["body_html"]
    link = re.search(r'href="[^"]*?(/survey/start/[^"]+)"', body).group(1)
    return html.unescape(link)


def flagged_review(url, admin):
    """Marc Demo's review in the running cycle, whose manager answer the text check flags,
    the evidence of his period beside it."""
    review_ids = call(
        url,
        admin,
        "performance.review",
        "search",
        [
            ("employee_id", "=", int(resolve(url, admin, "{hr.employee_qdp}"))),
            (
                "cycle_id",
                "=",
                int(resolve(url, admin, "{performance_management.cycle_running_demo}")),
            ),
        ],
    )
    return f"/odoo/action-performance_management.performance_review_action/{review_ids[0]}"


def fairness_analysis(url, admin):
    """The Fairness menu's analysis: the latest rated cycle, by gender."""
    action = call(url, admin, "performance.fairness.analysis", "action_open_analysis")
    return f"/odoo/performance.fairness.analysis/{action['res_id']}"


# name: (login[:language], path, width, height, wait for this CSS selector); {module.xml_id}
# in a path is the id of that demo record; a path may be a function of (url, admin session);
# no login opens the page as a visitor (a 360 rater without a user)
SHOTS = {
    "calibration-session": (
        "admin",
        (
            "/odoo/action-performance_management.performance_calibration_session_action"
            "/{performance_management.calibration_session_mid_year_demo}"
        ),
        1440,
        900,
        ".o_list_view, .o_kanban_view",
    ),
    "pulse-results": (
        "admin",
        "/odoo/action-performance_management.performance_pulse_result_action",
        1440,
        900,
        ".o_view_controller",
    ),
    "portal-privacy": ("portal", "/my/performance/privacy", 1280, 900, "main"),
    "portal-pay": ("portal", "/my/performance/pay", 1280, 900, "main"),
    # the portal of a French-speaking employee (the language is loaded and set for the shot)
    "portal-french": ("portal:fr_FR", "/my/performance", 1280, 900, "main"),
    # the invitation of a 360 rater without a user, and the questionnaire its link opens
    "360-invitation": ("admin", rater_invitation, 1440, 900, ".o_form_view .o_field_html"),
    "360-questionnaire": ("", rater_questionnaire, 1280, 900, ".o_pm_survey_about"),
    # the manager writing: the wording flags under his answer, the period's evidence beside
    "text-check": ("admin", flagged_review, 1440, 1600, ".o_performance_text_flags_field"),
    "fairness": ("admin", fairness_analysis, 1440, 1100, ".o_form_view"),
}
PASSWORDS = {"admin": "admin", "demo": "demo", "portal": "portal"}


def call(url, session, model, method, *args, **kwargs):
    """``model.method(*args, **kwargs)`` over JSON-RPC in ``session``."""
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
        }
    ).encode()
    request = urllib.request.Request(
        f"{url}/web/dataset/call_kw",
        data=body,
        headers={"Content-Type": "application/json", "Cookie": f"session_id={session}"},
    )
    with urllib.request.urlopen(request, timeout=600) as response:
        answer = json.load(response)
    if "error" in answer:
        raise RuntimeError(f"{model}.{method}: {answer['error']['data']['message']}")
    return answer["result"]


def resolve(url, session, path):
    """``path`` with each {module.xml_id} replaced by that record's id."""
    while "{" in path:
        start = path.index("{")
        end = path.index("}", start)
        module, name = path[start + 1 : end].split(".")
        record_id = call(url, session, "ir.model.data", "check_object_reference", module, name)[1]
        path = f"{path[:start]}{record_id}{path[end + 1 :]}"
    return path


def set_language(url, admin, login_name, code):
    """Load ``code`` (once) and make it the language of the user ``login_name``; returns
    the language he had."""
    langs = call(
        url,
        admin,
        "res.lang",
        "search_read",
        [("code", "=", code), ("active", "in", (True, False))],
        ["active"],
    )
    if not langs[0]["active"]:
        wizard = call(
            url, admin, "base.language.install", "create", {"lang_ids": [langs[0]["id"]]}
        )
        call(url, admin, "base.language.install", "lang_install", [wizard])
    user = call(url, admin, "res.users", "search_read", [("login", "=", login_name)], ["lang"])[0]
    call(url, admin, "res.users", "write", [user["id"]], {"lang": code})
    return user["lang"]


def login(url, db, user):
    """A session id of ``user`` on the running server."""
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "params": {"db": db, "login": user, "password": PASSWORDS[user]},
        }
    ).encode()
    request = urllib.request.Request(
        f"{url}/web/session/authenticate",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("session_id="):
                return value.split(";")[0].split("=", 1)[1]
    raise SystemExit(f"{user} could not log in")


class Browser:
    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.profile = tempfile.mkdtemp(prefix="pm-shots-")
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--remote-allow-origins=*",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        pages = []
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json", timeout=2) as r:
                    pages = [t for t in json.load(r) if t["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        try:
            self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60)
        except Exception:
            # no browser left behind when it cannot be driven
            self.process.terminate()
            shutil.rmtree(self.profile, ignore_errors=True)
            raise
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def shot(self, url, session, path, width, height, selector, target):
        host = url.split("://", 1)[1].split(":")[0].split("/")[0]
        self.call("Network.enable")
        self.call("Network.clearBrowserCookies")
        if session:
            self.call("Network.setCookie", name="session_id", value=session, domain=host, path="/")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.call("Page.navigate", url=url + path)
        deadline = time.time() + 60
        script = f"!!document.querySelector({json.dumps(selector)})"
        while time.time() < deadline:
            found = self.call("Runtime.evaluate", expression=script)["result"].get("value")
            if found:
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"{path}: {selector} never showed")
        time.sleep(2)  # fonts, charts and lazy widgets
        data = self.call("Page.captureScreenshot", format="png")["data"]
        target.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="performance_demo")
    parser.add_argument("names", nargs="*", help=f"among {', '.join(SHOTS)}")
    args = parser.parse_args()
    unknown = set(args.names) - set(SHOTS)
    if unknown:
        parser.error(f"unknown shots: {', '.join(sorted(unknown))}")
    IMAGES.mkdir(parents=True, exist_ok=True)
    # the administrator looks up demo records and sets languages
    admin = login(args.url, args.db, "admin")
    browser = Browser()
    try:
        for name in args.names or SHOTS:
            user, path, width, height, selector = SHOTS[name]
            user, _sep, language = user.partition(":")
            path = path(args.url, admin) if callable(path) else resolve(args.url, admin, path)
            previous = language and set_language(args.url, admin, user, language)
            try:
                session = user and login(args.url, args.db, user)
                target = IMAGES / f"{name}.png"
                browser.shot(args.url, session, path, width, height, selector, target)
            finally:
                if language:
                    set_language(args.url, admin, user, previous)
            print(f"{target.relative_to(ROOT)}: {user or 'a visitor'} at {path}")
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
