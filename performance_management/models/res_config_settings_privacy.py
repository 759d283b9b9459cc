from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    performance_monitor_key_results = fields.Selection(
        related="company_id.performance_monitor_key_results", readonly=False
    )
    performance_monitor_checkins = fields.Selection(
        related="company_id.performance_monitor_checkins", readonly=False
    )
    performance_monitor_scorecards = fields.Selection(
        related="company_id.performance_monitor_scorecards", readonly=False
    )

    def action_open_performance_retention_rules(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_retention_rule_action"
        )

    def action_performance_retention_defaults(self):
        # the administrators' (ACL of the rules): the company's missing default rules
        self.env["performance.retention.rule"]._create_default_rules(self.company_id)
        return self.action_open_performance_retention_rules()

    def action_open_performance_principles(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_principles_version_action"
        )
