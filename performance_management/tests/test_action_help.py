from odoo.tests import TransactionCase, tagged

# pages that are no list of records: dialogs and the settings
NOT_A_LIST = {"res.config.settings"}


@tagged("post_install", "-at_install")
class TestActionHelp(TransactionCase):
    def test_every_page_says_what_it_is_for(self):
        """An empty page tells what it is for and how to start, as Odoo's own apps do."""
        actions = self.env["ir.actions.act_window"].browse(
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "performance_management"),
                    ("model", "=", "ir.actions.act_window"),
                ]
            )
            .mapped("res_id")
        )
        lists = actions.filtered(lambda a: a.target != "new" and a.res_model not in NOT_A_LIST)
        self.assertGreaterEqual(len(lists), 40)
        for action in lists:
            with self.subTest(action=action.name):
                self.assertIn("o_view_nocontent", str(action.help or ""))
