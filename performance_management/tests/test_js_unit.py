"""The addon's JS unit tests (hoot), run headless in Chromium like Odoo's own suite.

Only the tests of this addon run: hoot's ``id`` URL parameter selects a suite by the hash
of its name, here ``@performance_management`` (every ``static/tests/*.test.js`` file of
the addon is a child suite of it).
"""

from odoo.tests import HttpCase, tagged

from odoo.addons.web.tests import test_js

SUITE = "@performance_management"


def hoot_id(name):
    """Hoot's job id of a suite, as Odoo's own JS runner computes it for its filters."""
    # the module, not its class: the class would run again here as one of our tests
    return test_js.WebSuite._generate_hash(None, name)


def hoot_error_checker(message):
    # a failed test logs a [HOOT] error: keep running and report them all at the end
    return "[HOOT]" not in message


@tagged("post_install", "-at_install")
class TestJsUnit(HttpCase):
    def test_unit_desktop(self):
        self.browser_js(
            f"/web/tests?headless&loglevel=2&preset=desktop&timeout=15000&id={hoot_id(SUITE)}",
            "",
            "",
            login="admin",
            timeout=900,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=hoot_error_checker,
        )
