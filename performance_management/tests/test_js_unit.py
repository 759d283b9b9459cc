"""The addon's hoot unit tests (static/tests/*.test.js), run in Chromium like Odoo's own."""

from odoo.tests import HttpCase, tagged

SUITE = "@performance_management"


def _hoot_id(name):
    """The id hoot gives a suite: the hash of its name (see web/tests/test_js.py)."""
    value = 0
    for char in name:
        value = ((value << 5) - value + ord(char)) & 0xFFFFFFFF
    return f"{value:08x}"


def _hoot_error_checker(message):
    return "[HOOT]" not in message


@tagged("post_install", "-at_install")
class TestJsUnit(HttpCase):
    def test_hoot_suite(self):
        self.browser_js(
            f"/web/tests?headless&loglevel=2&preset=desktop&timeout=15000&id={_hoot_id(SUITE)}",
            "",
            "",
            login="admin",
            timeout=900,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=_hoot_error_checker,
        )
