import math

from odoo import api, models
from odoo.exceptions import ValidationError

MODULE = "performance_management"


class Base(models.AbstractModel):
    """Numbers the addon stores are finite: NaN and infinity are refused on every write."""

    _inherit = "base"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_finite_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_finite_numbers(vals)
        return super().write(vals)

    @api.model
    def _check_finite_numbers(self, vals):
        """Refuse NaN or infinity in the addon's own Float and Monetary fields; what Odoo
        accepts in its own fields is left alone."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if not (field and field.type in ("float", "monetary") and field._module == MODULE):
                continue
            try:
                number = float(value or 0.0)
            except (TypeError, ValueError):
                continue  # not a number at all: the ORM's own conversion says so
            if not math.isfinite(number):
                raise ValidationError(
                    self.env._(
                        "%(field)s must be a finite number, not %(value)s.",
                        field=field.get_description(self.env)["string"],
                        value=value,
                    )
                )
