"""The demo walked by its own people, on a database installed with the addon's demo data.

These tests use the demo's logins (admin, demo = Marc Demo, portal = Joel Willis), so they
skip on a database without demo data; scripts/test.sh installs one (--with-demo) and runs
them there, where a skip counts as a failure. They carry the tag ``performance_demo`` and
not ``standard``: Odoo's runner picks them only with ``--test-tags performance_demo``.
"""

import logging
import time
import unittest
from contextlib import contextmanager
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import html

from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import datetime, dateutil, safe_eval
from odoo.tools.safe_eval import time as safe_time

_logger = logging.getLogger(__name__)

APP_MENU = "performance_management.performance_menu_root"
CLICKBOT = (
    "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
    f".startClickEverywhere('{APP_MENU}');"
)
CLICKBOT_SUCCESS = "clickbot test succeeded"
PORTAL_ROOT = "/my/performance"
COLLEAGUE = object()  # a colleague field of a form, filled in when it is sent
PORTAL_MAX_PAGES = 400


class _Records(logging.Handler):
    """Keeps every record it is handed."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@tagged("post_install", "-at_install", "-standard", "performance_demo")
class DemoWalkCase(HttpCase):
    """Skips unless the addon's demo data is installed; fails on any server warning."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            "performance_management.employee_portal_demo", raise_if_not_found=False
        ):
            raise unittest.SkipTest(
                "needs the addon's demo data (a database installed --with-demo)"
            )
        cls.user_admin = cls.env.ref("base.user_admin")
        cls.user_demo = cls.env.ref("base.user_demo")
        cls.user_portal = cls.env.ref("base.demo_user0")
        # onboarding tours would run their own steps in the middle of the walk
        (cls.user_admin | cls.user_demo).write({"tour_enabled": False})

    def _visible_menus(self, user):
        """The menus of the Performance app that user sees, as the web client loads them."""
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        found, todo = [], list(menus[self.env.ref(APP_MENU).id]["children"])
        while todo:
            menu = menus[todo.pop(0)]
            found.append(menu)
            todo.extend(menu["children"])
        return found

    @contextmanager
    def capture_logs(self):
        """Every log record of the block; fails when one is a WARNING or worse.

        Whatever level the runner logs at (pytest-odoo's default is critical), the server's
        loggers hand INFO and above to the block.
        """
        handler = _Records()
        root = logging.getLogger()
        loggers = [root, logging.getLogger("odoo"), logging.getLogger("werkzeug")]
        levels = [logger.level for logger in loggers]
        for logger in loggers:
            logger.setLevel(min(logger.getEffectiveLevel(), logging.INFO))
        root.addHandler(handler)
        try:
            yield handler.records
        finally:
            root.removeHandler(handler)
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)
        bad = [
            f"{record.levelname} {record.name}: {record.getMessage()}"
            for record in handler.records
            if record.levelno >= logging.WARNING
        ]
        self.assertFalse(bad, "the server logged warnings or errors:\n" + "\n".join(bad))


class TestDemoClickbot(DemoWalkCase):
    """Odoo's click-everywhere robot walks the Performance app as admin and as Marc Demo."""

    def _click_everywhere(self, user):
        start = time.monotonic()
        with self.capture_logs() as records:
            self.browser_js(
                "/odoo",
                CLICKBOT,
                "odoo.isReady === true",
                login=user.login,
                timeout=900,
                success_signal=CLICKBOT_SUCCESS,
            )
        messages = [record.getMessage() for record in records]
        # the robot says "Testing menu <name> <xml id>" for each menu it opens
        tested = {message.rsplit(" ", 1)[-1] for message in messages if "Testing menu " in message}
        summary = [message for message in messages if message.startswith("Successfully tested")]
        _logger.info(
            "clickbot as %s: %.1f s, %s", user.login, time.monotonic() - start, "; ".join(summary)
        )
        self.assertTrue(summary, "the robot did not finish")
        self.assertNotIn("Successfully tested 0 filters", summary)
        # every menu with an action that the user sees was opened by the robot
        expected = {menu["xmlid"] for menu in self._visible_menus(user) if menu["action_id"]}
        self.assertTrue(expected)
        self.assertFalse(expected - tested, f"menus {user.login} sees that the robot never opened")

    def test_clickbot_admin(self):
        self._click_everywhere(self.user_admin)

    def test_clickbot_demo(self):
        self._click_everywhere(self.user_demo)


class TestDemoMenuActions(DemoWalkCase):
    """Every window action of the Performance menus opens for admin and for Marc Demo.

    It does what the web client does when a menu is clicked, without a browser: the views
    of the action, then its records with the action's domain, its context and the filters it
    turns on by default (grouped when a default filter groups).
    """

    def _eval_context(self, user):
        return {
            "uid": user.id,
            "user": user,
            "allowed_company_ids": user.company_ids.ids,
            "current_company_id": user.company_id.id,
            "context_today": datetime.date.today,
            "datetime": datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "time": safe_time,
            "active_id": False,
            "active_ids": [],
        }

    def _open_action(self, user, action):
        values = self._eval_context(user)
        context = dict(user.context_get(), **safe_eval(action.context or "{}", values))
        domain = safe_eval(action.domain or "[]", values)
        Model = self.env[action.res_model].with_user(user).with_context(**context)
        views = [(view.view_id.id, view.view_mode) for view in action.view_ids]
        modes = {mode for _view, mode in views}
        views += [
            (False, mode) for mode in action.view_mode.split(",") if mode and mode not in modes
        ]
        views.append((action.search_view_id.id, "search"))
        result = Model.get_views(views, {"toolbar": True, "load_filters": True})
        if Model._abstract:
            return  # an abstract model: its views hold the whole page
        form = result["views"].get("form")
        form_spec = {name: {} for name in self._view_fields(Model, form)} if form else {}
        if action.view_mode.split(",")[0] == "form":
            # a form first: a wizard, a settings page or a dashboard opens on a new record
            if action.res_id:
                Model.browse(action.res_id).web_read(form_spec)
            else:
                Model.onchange({}, [], form_spec)
            return
        search = html.fromstring(result["views"]["search"]["arch"])
        groupby = []
        for key, value in context.items():
            if not key.startswith("search_default_") or not value:
                continue
            name = key[len("search_default_") :]
            for node in search.iter("filter"):
                if node.get("name") != name:
                    continue
                if node.get("domain"):
                    domain = domain + safe_eval(node.get("domain"), values)
                if node.get("context"):
                    groupby.append(safe_eval(node.get("context"), values).get("group_by"))
        groupby = [group for group in groupby if group]
        fields = [
            name
            for view_type, view in result["views"].items()
            if view_type in ("list", "kanban")
            for name in self._view_fields(Model, view)
        ]
        if groupby:
            Model.web_read_group(domain, groupby[:1], ["__count"])
        records = Model.web_search_read(domain, {name: {} for name in fields}, limit=80)["records"]
        if records and form:
            # and the first record opens in its form, as a click on it does
            Model.browse(records[0]["id"]).web_read(form_spec)

    @staticmethod
    def _view_fields(Model, view):
        return {
            node.get("name")
            for node in html.fromstring(view["arch"]).iter("field")
            if node.get("name") in Model._fields
        }

    def _open_every_menu(self, user):
        opened, failed = 0, []
        for menu in self._visible_menus(user):
            if menu["action_model"] != "ir.actions.act_window":
                continue
            action = self.env["ir.actions.act_window"].browse(menu["action_id"])
            try:
                with self.env.cr.savepoint():
                    self._open_action(user, action)
                opened += 1
            except Exception as error:  # noqa: BLE001 - every broken menu is reported at once
                failed.append(f"{menu['xmlid']} ({action.res_model}): {error!r}")
            self.env.invalidate_all()
        self.assertFalse(
            failed, f"menus that {user.login} sees but cannot open:\n" + "\n".join(failed)
        )
        _logger.info("menus of %s: %d actions opened", user.login, opened)

    def test_menus_admin(self):
        with self.capture_logs():
            self._open_every_menu(self.user_admin)

    def test_menus_demo(self):
        with self.capture_logs():
            self._open_every_menu(self.user_demo)


class TestDemoPortalCrawl(DemoWalkCase):
    """Joel Willis (login portal) opens every /my/performance page and sends every form."""

    def _page_errors(self, url, response):
        """What is wrong with the page url answered, as a list of sentences."""
        if response.status_code != 200:
            return [f"{url} answered {response.status_code}"]
        if "html" not in response.headers.get("Content-Type", ""):
            return []
        found = [
            f"{url} shows {needle!r}"
            for needle in ("Traceback", "o_error_dialog", "Internal Server Error")
            if needle in response.text
        ]
        document = html.fromstring(response.content)
        found += [
            f"{url} says: {node.text_content().strip()}"
            for node in document.xpath("//*[contains(@class, 'o_pm_error')]")
        ]
        return found

    def _links(self, base, document):
        for href in document.xpath("//a/@href | //form[not(@method) or @method='get']/@action"):
            url = urldefrag(urljoin(base, href))[0]
            parts = urlsplit(url)
            if parts.netloc not in ("", urlsplit(self.base_url()).netloc):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path.startswith(PORTAL_ROOT):
                yield path

    @staticmethod
    def _form_data(form):
        data = {}
        for node in form.xpath(".//input[@name] | .//textarea[@name] | .//select[@name]"):
            name, kind = node.get("name"), (node.get("type") or "text").lower()
            if "o_pm_colleague_id" in (node.get("class") or ""):
                # a colleague picked by typing his name: filled in from the search route
                data.setdefault(name, COLLEAGUE)
            elif node.tag == "select":
                options = [opt.get("value") for opt in node.iter("option") if opt.get("value")]
                if options:
                    data.setdefault(name, options[-1])
            elif kind in ("checkbox", "radio"):
                data.setdefault(name, node.get("value") or "on")
            elif kind in ("submit", "button", "file", "reset"):
                continue
            elif node.get("value"):
                data.setdefault(name, node.get("value"))
            elif kind == "number" or node.get("min") is not None:
                data.setdefault(name, node.get("min") or "1")
            elif kind == "date":
                data.setdefault(name, datetime.date.today().isoformat())
            else:
                data.setdefault(name, "Written by the portal crawl")
        # a form answered by one of its named buttons: the user clicks the first
        for node in form.xpath(".//button[@name][not(@type) or @type='submit']")[:1]:
            data.setdefault(node.get("name"), node.get("value") or "")
        return data

    def _pick_colleague(self):
        """What a user does in the colleague field: type two letters, take the first name."""
        for letters in ("an", "er", "ar", "el", "a"):
            found = self.url_open(f"{PORTAL_ROOT}/colleagues?q={letters}").json()
            if found:
                return str(found[0]["id"])
        self.fail("the colleague search finds nobody for the portal user")

    def _crawl(self):
        """Every page linked from the portal overview: the pages, their forms, the errors."""
        seen, todo, forms, errors = set(), ["/my", "/my/home", PORTAL_ROOT], {}, []
        while todo:
            url = todo.pop(0)
            if url in seen:
                continue
            seen.add(url)
            self.assertLess(len(seen), PORTAL_MAX_PAGES, "the portal crawl does not end")
            response = self.url_open(url)
            errors += self._page_errors(url, response)
            if response.status_code != 200 or "html" not in response.headers["Content-Type"]:
                continue
            document = html.fromstring(response.content)
            todo.extend(link for link in self._links(url, document) if link not in seen)
            for form in document.xpath("//form[@method='post' or @method='POST']"):
                action = urlsplit(urljoin(url, form.get("action") or url)).path
                if action.startswith(PORTAL_ROOT):
                    forms.setdefault(action, (url, self._form_data(form)))
        return seen, forms, errors

    def test_portal_crawl(self):
        start = time.monotonic()
        self.authenticate(self.user_portal.login, "portal")
        with self.capture_logs():
            seen, forms, errors = self._crawl()
            # every form is sent once, filled in: it is accepted and lands on a page
            for action, (page, data) in sorted(forms.items()):
                data = {
                    name: self._pick_colleague() if value == COLLEAGUE else value
                    for name, value in data.items()
                }
                response = self.url_open(action, data=data)
                errors += self._page_errors(f"{action} (the form of {page})", response)
            # and the portal, changed by those forms, is walked again
            seen_after, _forms, errors_after = self._crawl()
        errors += [f"after the forms: {error}" for error in errors_after]
        self.assertFalse(errors, "\n".join(errors))
        self.assertGreater(len(seen), 20)
        self.assertGreater(len(forms), 5)
        _logger.info(
            "portal crawl: %d pages, %d forms, then %d pages, %.1f s",
            len(seen),
            len(forms),
            len(seen_after),
            time.monotonic() - start,
        )
