from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import FiniteFloat, FiniteMonetary

# Business records a goal may count by default; never settings, users, wages or messages.
DEFAULT_KR_MODELS = (
    "calendar.event",
    "crm.lead",
    "sale.order",
    "project.task",
    "helpdesk.ticket",
    "survey.user_input",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    performance_goal_proposal = fields.Boolean(
        string="Employees Propose Goals",
        default=True,
    )
    performance_goal_checkin_days = fields.Integer(
        string="Check-in Reminder (Days)",
        default=14,
        help="Owners of active goals without a check-in for this many days get a reminder.",
    )
    performance_anonymity_threshold = fields.Integer(
        string="Minimum Anonymous Answers",
        default=3,
    )
    performance_kr_model_ids = fields.Many2many(
        "ir.model",
        "performance_kr_model_company_rel",
        "company_id",
        "model_id",
        string="Models of Computed Key Results",
        # computed once, when the company is created (or the addon installed), then the
        # administrators' to change: a default would link ir.model records as the creating
        # user, and not every user Odoo lets create a company reads ir.model
        compute="_compute_performance_kr_model_ids",
        store=True,
        readonly=False,
        domain=[("transient", "=", False), ("abstract", "=", False)],
        help="The models Performance administrators may count or sum in key results "
        "computed from Odoo, with their own rights.",
    )
    # Reviews
    performance_probation_review_days = fields.Integer(
        string="Probation Review After (Days)",
        help="Create a probation review this many days after an employee starts (0: never).",
    )
    performance_recurring_review_months = fields.Integer(
        string="Recurring Review Every (Months)",
        help="Create a review when an employee had none for this many months (0: never).",
    )
    performance_review_template_id = fields.Many2one(
        "performance.review.template", string="Template of Scheduled Reviews"
    )
    performance_review_skill_writeback = fields.Boolean(
        string="Update Skills From Reviews",
        help="On acknowledgement, the competency levels set by the manager become the "
        "employee's skill levels.",
    )
    # Feedback & Coaching
    performance_one_on_one_gap_days = fields.Integer(
        string="Nudge After Days Without 1:1",
        default=30,
        help="Managers are reminded to meet a report they have not met for this many days "
        "(0 switches the nudge off).",
    )
    # Performance Issues
    performance_issue_rating = fields.Boolean(string="Low Final Rating", default=True)
    performance_issue_rating_threshold = FiniteFloat(string="Rating Threshold", default=2.0)
    performance_issue_goal = fields.Boolean(string="Goals Off Track", default=True)
    performance_issue_checkin = fields.Boolean(string="Missed Check-ins", default=True)
    performance_issue_checkin_days = fields.Integer(string="Days Without Check-in", default=45)
    performance_issue_feedback = fields.Boolean(
        string="Repeated Constructive Feedback", default=True
    )
    performance_issue_feedback_count = fields.Integer(
        string="Constructive Feedback Count", default=3
    )
    performance_issue_feedback_days = fields.Integer(
        string="Constructive Feedback Window (Days)", default=90
    )
    # Career
    performance_readiness_skill_weight = fields.Integer(
        string="Weight of Skills in Readiness (%)",
        default=80,
        help="Readiness blends the skill gap (this share) with the completed development "
        "actions (the rest).",
    )
    # Recognition & Rewards
    performance_recognition_quota = fields.Integer(
        string="Monthly Recognitions per Person",
        default=10,
        help="How many recognitions an employee may give per month (0 for no limit).",
    )
    performance_reward_manager_approval = fields.Boolean(
        string="Managers Approve Rewards",
        help="The recommender's manager may approve rewards, besides performance officers.",
    )
    performance_reward_amount_max = FiniteMonetary(
        string="Largest Reward Amount",
        currency_field="currency_id",
        default=1000000.0,
        help="A reward of a larger amount, in the company's currency, is refused as a slip "
        "of the keys; raise it where the currency's unit is small.",
    )
    # Fairness and pay transparency
    performance_fairness_min_group = fields.Integer(
        string="Minimum Group Size",
        default=5,
        help="The fairness analysis and the reward gap never show a group of fewer people.",
    )
    performance_pay_criteria = fields.Html(
        string="Pay Criteria",
        help="How a rating leads to a raise or a bonus, shown to the company's employees in "
        "their portal beside the merit matrix.",
    )

    _performance_reward_amount_max_positive = models.Constraint(
        "CHECK(performance_reward_amount_max > 0)",
        "The largest reward amount must be above zero.",
    )
    _performance_fairness_min_group_floor = models.Constraint(
        "CHECK(performance_fairness_min_group >= 2)",
        "The minimum group size of the fairness analysis must be at least 2.",
    )
    _performance_review_schedule_positive = models.Constraint(
        "CHECK(performance_probation_review_days >= 0 "
        "AND performance_recurring_review_months >= 0)",
        "Review schedules cannot count negative days or months.",
    )
    _performance_one_on_one_gap_days_positive = models.Constraint(
        "CHECK(performance_one_on_one_gap_days >= 0)",
        "The number of days without a 1:1 cannot be negative.",
    )
    _performance_issue_numbers_positive = models.Constraint(
        "CHECK(performance_issue_checkin_days > 0 AND performance_issue_feedback_count > 0 "
        "AND performance_issue_feedback_days > 0)",
        "The performance issue rules need positive numbers of days and answers.",
    )

    @api.depends("create_date")
    def _compute_performance_kr_model_ids(self):
        # computed once for a new company (and for those the install finds)
        # sudo: a fixed list of business models, the default of a setting
        models = self.env["ir.model"].sudo().search([("model", "in", DEFAULT_KR_MODELS)])
        for company in self:
            company.performance_kr_model_ids = models

    @api.constrains("performance_readiness_skill_weight", "performance_recognition_quota")
    def _check_performance_career_recognition_settings(self):
        for company in self:
            if not 0 <= company.performance_readiness_skill_weight <= 100:
                raise ValidationError(
                    self.env._("The weight of skills in readiness is a percentage (0 to 100).")
                )
            if company.performance_recognition_quota < 0:
                raise ValidationError(
                    self.env._("The monthly recognition quota cannot be negative.")
                )

    @api.constrains("performance_goal_checkin_days")
    def _check_performance_goal_checkin_days(self):
        if any(company.performance_goal_checkin_days < 1 for company in self):
            raise ValidationError(
                self.env._("The check-in reminder needs a number of days of at least 1.")
            )

    @api.constrains("performance_anonymity_threshold")
    def _check_performance_anonymity_threshold(self):
        if any(company.performance_anonymity_threshold < 1 for company in self):
            raise ValidationError(
                self.env._("The minimum number of anonymous answers must be at least 1.")
            )
