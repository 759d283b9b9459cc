from odoo import api, models


class PerformanceImportTemplateMixin(models.AbstractModel):
    """Offers the model's sample file (static/import/<table>.csv) in Odoo's import dialog."""

    _name = "performance.import.template.mixin"
    _description = "Import Template"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for %(model)s", model=self._description),
                "template": f"/performance_management/static/import/{self._table}.csv",
            }
        ]
