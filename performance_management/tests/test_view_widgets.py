import os
import re

from lxml import etree

from odoo.tests import TransactionCase, tagged

FIELD_WIDGET = re.compile(
    r"""registry\s*\.category\(\s*["']fields["']\s*\)\s*\.add\(\s*["']([\w.]+)["']"""
)


@tagged("post_install", "-at_install")
class TestViewWidgets(TransactionCase):
    def _backend_field_widgets(self):
        """The field widgets the backend bundle registers, read from its JavaScript files."""
        names = set()
        for asset in self.env["ir.asset"]._get_asset_paths("web.assets_backend", {}):
            files = [part for part in asset if isinstance(part, str) and os.path.isfile(part)]
            full_path = files[0] if files else None
            if not full_path or not full_path.endswith(".js"):
                continue
            with open(full_path, encoding="utf-8") as source:
                names.update(FIELD_WIDGET.findall(source.read()))
        return names

    def test_every_widget_of_the_module_views_is_registered(self):
        """A widget from a module we do not depend on only logs "Missing widget" and falls back."""
        registered = self._backend_field_widgets()
        self.assertIn("many2one_avatar_employee", registered)
        views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"]
            .search([("module", "=", "performance_management"), ("model", "=", "ir.ui.view")])
            .mapped("res_id")
        )
        missing = set()
        for view in views.filtered(lambda v: v.type != "qweb"):
            for node in etree.fromstring(view.arch_db).iter("field"):
                widget = node.get("widget")
                if widget and not {widget, f"list.{widget}", f"form.{widget}"} & registered:
                    missing.add(f"{view.xml_id}: {node.get('name')} widget={widget}")
        self.assertFalse(missing, "widgets that no installed module registers")
