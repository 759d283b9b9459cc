from odoo.tests import HttpCase, tagged

from odoo.addons.web.tests.test_js import unit_test_error_checker


def _hoot_hash(text):
    # the id HOOT gives a suite, as web's own runner computes it (HOOTCommon._generate_hash)
    value = 0
    for char in text:
        value = ((value << 5) - value + ord(char)) & 0xFFFFFFFF
    return f"{value:08x}"


@tagged("post_install", "-at_install")
class TestJsUnit(HttpCase):
    """The addon's JS unit tests (HOOT), and only them, in a headless browser."""

    def test_performance_management_hoot(self):
        suite = _hoot_hash("@performance_management")
        self.browser_js(
            f"/web/tests?headless&loglevel=2&preset=desktop&timeout=15000&id={suite}",
            "",
            "",
            login="admin",
            timeout=1200,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=unit_test_error_checker,
        )
