from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import settable


class PerformanceCoachingActionItem(models.Model):
    """A to-do agreed in a 1:1, followed as an activity of its owner."""

    _name = "performance.coaching.action.item"
    _description = "1:1 Action Item"
    _order = "done, date_deadline, id"

    log_id = fields.Many2one(
        "performance.coaching.log", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="log_id.company_id", store=True)
    name = fields.Char(string="Action", required=True)
    owner_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    date_deadline = fields.Date(string="Deadline")
    done = fields.Boolean()
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False)

    @api.constrains("name")
    def _check_name(self):
        if any(not (item.name or "").strip() for item in self):
            raise ValidationError(self.env._("An action item needs a description."))

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        if not self.env.su:
            items._check_owner()
        if not self.env.context.get("performance_defer_action_items"):
            items._schedule_activity()
        return items

    def write(self, vals):
        res = super().write(vals)
        if "log_id" in vals:
            # moved: the writer must still be allowed to write it where it went
            self.check_access("write")
        if vals.keys() & {"log_id", "owner_id"} and not self.env.su:
            self._check_owner()
        if vals.get("done"):
            # sudo: the to-do this item scheduled itself (activity_id is the addon's to set)
            self.sudo().activity_id.action_feedback(feedback=self.env._("Done"))
        elif {"log_id", "owner_id", "date_deadline", "name"} & set(vals):
            # sudo: the to-do this item scheduled itself, rescheduled below
            self.sudo().activity_id.unlink()
            self._schedule_activity()
        return res

    def _check_owner(self):
        """An action item is taken by one who meets in its 1:1, or by its writer: no to-do
        lands on a stranger (nor an overdue item on another manager's scorecard)."""
        for item in self:
            # sudo: the users of the 1:1's two people, on a 1:1 the writer may write
            log = item.log_id.sudo()
            if item.owner_id and item.owner_id not in (
                log.coach_id.user_id | log.employee_id.user_id | self.env.user
            ):
                raise UserError(
                    self.env._(
                        "An action item of %(meeting)s is taken by one of the people who "
                        "meet in it.",
                        meeting=log.name,
                    )
                )

    def _schedule_activity(self):
        # a portal owner follows his items in the portal: no to-do he could not open
        for item in self.filtered(lambda i: not i.done and i.owner_id and not i.owner_id.share):
            # sudo: a to-do for the item's owner on a 1:1 the writer may edit (checked by write)
            activity = item.log_id.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=item.date_deadline,
                summary=item.name,
                user_id=item.owner_id.id,
            )
            # sudo: link the to-do just scheduled; activity_id is the addon's to set
            item.sudo().activity_id = activity
