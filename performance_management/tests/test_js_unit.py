"""The addon's JS unit tests (hoot), run headless in Chromium like Odoo's own suite.

Only the tests of this addon run: hoot's ``id`` URL parameter selects a suite by the hash
of its name, here ``@performance_management`` (every ``static/tests/*.test.js`` file of
the addon is a child suite of it).
"""

from odoo.tests import HttpCase, tagged

SUITE = "@performance_management"


def hoot_id(name):
    """Hoot's job id: a 32-bit string hash of the suite or test full name, in hex."""
    value = 0
    for char in name:
        value = ((value << 5) - value + ord(char)) & 0xFFFFFFFF
    return f"{value:08x}"


def hoot_error_checker(message):
    # a failed test logs a [HOOT] error: keep running and report them all at the end
    return "[HOOT]" not in message


@tagged("post_install", "-at_install")
class TestJsUnit(HttpCase):
    def test_hoot_id(self):
        # the hashes Odoo's own runner expects (web/tests/test_js.py)
        self.assertEqual(hoot_id("@web/core"), "e39ce9ba")
        self.assertEqual(hoot_id("@web/core/autocomplete"), "69a6561d")

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
