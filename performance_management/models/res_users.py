from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    performance_nudge_channel = fields.Selection(
        [("discuss", "OdooBot Message"), ("activity", "Activity"), ("off", "Off")],
        string="Performance Reminders",
        default="discuss",
        required=True,
        help="How the reminders of the performance app reach you: 1:1s coming up, goals to "
        "check in, pulses to answer, feedback to give.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["performance_nudge_channel"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["performance_nudge_channel"]
