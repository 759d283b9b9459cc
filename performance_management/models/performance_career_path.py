from odoo import api, fields, models


class PerformanceCareerPath(models.Model):
    """A career ladder: ordered hr.job steps, possibly branching into other tracks."""

    _name = "performance.career.path"
    _description = "Career Path"
    _inherit = ("mail.thread",)
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    track = fields.Selection(
        [
            ("individual", "Individual Contributor"),
            ("management", "Management"),
            ("expert", "Expert"),
            ("other", "Other"),
        ],
        default="individual",
        required=True,
    )
    description = fields.Html(translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    step_ids = fields.One2many("performance.career.step", "path_id", string="Steps", copy=True)
    step_count = fields.Integer(compute="_compute_step_count")
    plan_count = fields.Integer(compute="_compute_plan_count")

    @api.depends("step_ids")
    def _compute_step_count(self):
        for path in self:
            path.step_count = len(path.step_ids)

    def _compute_plan_count(self):
        counts = dict(
            self.env["performance.development.plan"]._read_group(
                [("path_id", "in", self.ids)], ["path_id"], ["__count"]
            )
        )
        for path in self:
            path.plan_count = counts.get(path, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self.step_ids._check_not_used()

    def action_open_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_development_plan_action"
        )
        action["domain"] = [("path_id", "=", self.id)]
        action["context"] = {"default_path_id": self.id}
        return action
