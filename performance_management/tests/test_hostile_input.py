from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestHostileInput(PerformanceCase):
    pass
