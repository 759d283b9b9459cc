from odoo import fields, models

from ..tools import FiniteFloat, FiniteMonetary


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    performance_goal_proposal = fields.Boolean(
        related="company_id.performance_goal_proposal", readonly=False
    )
    performance_goal_checkin_days = fields.Integer(
        related="company_id.performance_goal_checkin_days", readonly=False
    )
    performance_anonymity_threshold = fields.Integer(
        related="company_id.performance_anonymity_threshold", readonly=False
    )
    performance_kr_model_ids = fields.Many2many(
        related="company_id.performance_kr_model_ids", readonly=False
    )
    performance_probation_review_days = fields.Integer(
        related="company_id.performance_probation_review_days", readonly=False
    )
    performance_recurring_review_months = fields.Integer(
        related="company_id.performance_recurring_review_months", readonly=False
    )
    performance_review_template_id = fields.Many2one(
        related="company_id.performance_review_template_id", readonly=False
    )
    performance_review_skill_writeback = fields.Boolean(
        related="company_id.performance_review_skill_writeback", readonly=False
    )
    performance_one_on_one_gap_days = fields.Integer(
        related="company_id.performance_one_on_one_gap_days", readonly=False
    )
    performance_issue_rating = fields.Boolean(
        related="company_id.performance_issue_rating", readonly=False
    )
    performance_issue_rating_threshold = FiniteFloat(
        related="company_id.performance_issue_rating_threshold", readonly=False
    )
    performance_issue_goal = fields.Boolean(
        related="company_id.performance_issue_goal", readonly=False
    )
    performance_issue_checkin = fields.Boolean(
        related="company_id.performance_issue_checkin", readonly=False
    )
    performance_issue_checkin_days = fields.Integer(
        related="company_id.performance_issue_checkin_days", readonly=False
    )
    performance_issue_feedback = fields.Boolean(
        related="company_id.performance_issue_feedback", readonly=False
    )
    performance_issue_feedback_count = fields.Integer(
        related="company_id.performance_issue_feedback_count", readonly=False
    )
    performance_issue_feedback_days = fields.Integer(
        related="company_id.performance_issue_feedback_days", readonly=False
    )
    performance_readiness_skill_weight = fields.Integer(
        related="company_id.performance_readiness_skill_weight", readonly=False
    )
    performance_recognition_quota = fields.Integer(
        related="company_id.performance_recognition_quota", readonly=False
    )
    performance_reward_manager_approval = fields.Boolean(
        related="company_id.performance_reward_manager_approval", readonly=False
    )
    performance_currency_id = fields.Many2one(related="company_id.currency_id")
    performance_reward_amount_max = FiniteMonetary(
        related="company_id.performance_reward_amount_max",
        currency_field="performance_currency_id",
        readonly=False,
    )

    performance_new_users_hr_admin = fields.Boolean(
        string="New Users Are Employees Administrators",
        compute="_compute_performance_new_users_hr_admin",
        help="Odoo's hr demo data gives every new user (Create User on an employee included) "
        "the Employees / Administrator group through the default user template.",
    )

    performance_fairness_min_group = fields.Integer(
        related="company_id.performance_fairness_min_group", readonly=False
    )
    performance_pay_criteria = fields.Html(
        related="company_id.performance_pay_criteria", readonly=False
    )

    def _compute_performance_new_users_hr_admin(self):
        # sudo: the default user template's groups, read to warn an administrator
        template = self.env.ref("base.default_user_group", raise_if_not_found=False)
        hr_admin = self.env.ref("hr.group_hr_manager")
        self.performance_new_users_hr_admin = bool(
            template and hr_admin in template.sudo().all_implied_ids
        )

    def action_open_performance_merit_matrix(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_merit_matrix_action"
        )
