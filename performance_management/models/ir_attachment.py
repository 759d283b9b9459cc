from odoo import models


class IrAttachment(models.Model):
    """A binary field's attachment is checked through the field's access (its groups), at
    creation and on every write of it; Odoo checks a write on the attachment as it was,
    so one turned into a field's value by writing ``res_field`` is checked again as that
    field's, as ``write`` already does for the record it is moved to."""

    _inherit = "ir.attachment"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("res_field"):
            self.check_access("write")
        return result
