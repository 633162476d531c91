from odoo.addons.web.tests.test_js import unit_test_error_checker
from odoo.tests import HttpCase, tagged


def hoot_id(name):
    """The id HOOT gives a suite or test (``web/tests/test_js.py``'s hash)."""
    value = 0
    for char in name:
        value = ((value << 5) - value + ord(char)) & 0xFFFFFFFF
    return f"{value:08x}"


@tagged("post_install", "-at_install")
class TestAvailabilityGridWidget(HttpCase):
    """The ``mentoring_availability_grid`` field widget's unit tests
    (static/tests/availability_grid_field.test.js), run in a browser."""

    def test_availability_grid_widget(self):
        self.browser_js(
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            f"&id={hoot_id('@mentoring_base')}",
            "",
            "",
            login="admin",
            timeout=1200,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=unit_test_error_checker,
        )
