from odoo import fields, models


class PerformanceImprovementNote(models.Model):
    """A note the manager chain and HR keep on an improvement plan. Record rules never show
    it to the plan's employee: the plan's chatter is his to read, as Odoo shows a document's
    messages to whoever reads the document."""

    _name = "performance.improvement.note"
    _description = "Private Improvement Plan Note"
    _order = "id desc"

    plan_id = fields.Many2one(
        "performance.improvement.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True, index=True)
    # who wrote it is who created it: the ORM sets create_uid, no request can
    author_id = fields.Many2one(related="create_uid", string="Author")
    note = fields.Text(required=True)

    def write(self, vals):
        res = super().write(vals)
        # the rules decide on the note as it is now (its plan may have changed)
        self.check_access("write")
        return res
