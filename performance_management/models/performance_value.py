from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PerformanceValue(models.Model):
    """A company value that recognitions are tied to."""

    _name = "performance.value"
    _description = "Company Value"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    color = fields.Integer()
    icon = fields.Char(help="An emoji shown on the recognition wall, e.g. 🚀")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    recognition_count = fields.Integer(compute="_compute_recognition_count")

    def _compute_recognition_count(self):
        counts = dict(
            self.env["performance.recognition"]._read_group(
                [("value_id", "in", self.ids)], ["value_id"], ["__count"]
            )
        )
        for value in self:
            value.recognition_count = counts.get(value, 0)

    @api.constrains("name", "company_id")
    def _check_unique_name(self):
        for value in self:
            if self.search_count(
                [
                    ("id", "!=", value.id),
                    ("name", "=", value.name),
                    ("company_id", "=", value.company_id.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._("The company value %(name)s already exists.", name=value.name)
                )
