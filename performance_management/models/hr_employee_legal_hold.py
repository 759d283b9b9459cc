from odoo import fields, models

LEGAL_HOLD_STAMPS = ("performance_legal_hold_user_id", "performance_legal_hold_date")


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    # Read and set by performance officers only (field groups): a hold is itself sensitive
    performance_legal_hold = fields.Boolean(
        string="Legal Hold",
        groups="performance_management.group_performance_officer",
        tracking=True,
        help="No retention rule erases anything about this employee while the hold lasts.",
    )
    performance_legal_hold_reason = fields.Text(
        string="Legal Hold Reason", groups="performance_management.group_performance_officer"
    )
    performance_legal_hold_user_id = fields.Many2one(
        "res.users",
        string="Legal Hold Set By",
        readonly=True,
        groups="performance_management.group_performance_officer",
    )
    performance_legal_hold_date = fields.Datetime(
        string="Legal Hold Set On",
        readonly=True,
        groups="performance_management.group_performance_officer",
    )

    def _has_field_access(self, field, operation):
        # who placed a hold and when are stamped by the write below (in sudo), never set
        if operation != "read" and field.name in LEGAL_HOLD_STAMPS and not self.env.su:
            return False
        return super()._has_field_access(field, operation)

    def write(self, vals):
        res = super().write(vals)
        # who placed or lifted the hold, and when (the write itself passed the field groups)
        if "performance_legal_hold" in vals:
            self.sudo().write(
                {
                    "performance_legal_hold_user_id": self.env.uid,
                    "performance_legal_hold_date": fields.Datetime.now(),
                }
            )
        return res
