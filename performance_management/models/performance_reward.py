from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import formatLang

from ..tools import FiniteFloat, FiniteMonetary, is_officer, settable

MAX_RAISE_PERCENT = 1000  # a raise above ten times the wage is a slip of the keys


class PerformanceReward(models.Model):
    """A reward recommended for an employee, approved by HR (or the recommender's manager)."""

    _name = "performance.reward"
    _description = "Reward Recommendation"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _order = "create_date desc, id desc"
    _check_company_auto = True

    def _default_recommender(self):
        return (
            self.env.user.employee_ids.filtered(lambda e: e.company_id == self.env.company)[:1]
            or self.env.user.employee_ids[:1]
        )

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    # the department when the reward was recommended (history does not move with people)
    department_id = fields.Many2one(
        "hr.department", compute="_compute_department_id", store=True, precompute=True
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    source = fields.Selection(
        [("none", "None"), ("review", "Review"), ("recognition", "Recognition")],
        default="none",
        required=True,
    )
    review_id = fields.Many2one("performance.review", index="btree_not_null", check_company=True)
    recognition_id = fields.Many2one(
        "performance.recognition", index="btree_not_null", check_company=True
    )
    kind = fields.Selection(
        [
            ("raise", "Raise"),
            ("bonus", "Bonus"),
            ("promotion", "Promotion"),
            ("spot", "Spot Award"),
            ("other", "Other"),
        ],
        default="raise",
        required=True,
        tracking=True,
    )
    raise_percent = FiniteFloat(string="Raise (%)", digits=(16, 2), tracking=True)
    amount = FiniteMonetary(tracking=True)
    job_id = fields.Many2one("hr.job", string="New Job", check_company=True)
    justification = fields.Html()
    recommender_id = fields.Many2one(
        "hr.employee",
        string="Recommended By",
        required=True,
        index=True,
        default=_default_recommender,
        check_company=True,
    )
    cycle_id = fields.Many2one(
        "performance.cycle",
        compute="_compute_cycle_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )
    budget_id = fields.Many2one(
        "performance.reward.budget",
        compute="_compute_budget_id",
        store=True,
        index="btree_not_null",
        readonly=False,
        # a copy finds its cycle's budget again; a recommender duplicating his draft
        # reads no budget
        copy=False,
        check_company=True,
        groups="performance_management.group_performance_officer",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
        copy=False,
    )
    approver_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_approved = fields.Date(readonly=True, copy=False)
    can_approve = fields.Boolean(compute="_compute_can_approve")

    @api.depends("employee_id", "kind")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        # a title the user typed stays; one this method wrote follows the employee and kind
        marker = "\x00"
        written = [
            self.env._("%(kind)s for %(employee)s", kind=label, employee=marker).split(marker)
            for label in labels.values()
        ]
        for reward in self:
            name = reward.name or ""
            typed = name and not any(
                len(parts) == 2 and name.startswith(parts[0]) and name.endswith(parts[1])
                for parts in written
            )
            if reward.employee_id and not typed:
                reward.name = self.env._(
                    "%(kind)s for %(employee)s",
                    kind=labels.get(reward.kind),
                    employee=reward.employee_id.name,
                )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for reward in self:
            reward.department_id = reward.employee_id.department_id

    @api.depends("employee_id")
    def _compute_company_id(self):
        for reward in self:
            reward.company_id = reward.employee_id.company_id or reward.company_id

    @api.depends("review_id")
    def _compute_cycle_id(self):
        for reward in self:
            # sudo: only the cycle of the reward's review (its name), not the review's content
            reward.cycle_id = reward.review_id.sudo().cycle_id or reward.cycle_id

    @api.depends("cycle_id")
    def _compute_budget_id(self):
        # sudo: the budget of that cycle is linked; budgets are read under their own rules
        Budget = self.env["performance.reward.budget"].sudo()
        for reward in self:
            if reward.cycle_id and reward.budget_id.cycle_id != reward.cycle_id:
                reward.budget_id = Budget.search([("cycle_id", "=", reward.cycle_id.id)], limit=1)

    @api.depends_context("uid")
    @api.depends("state", "recommender_id", "employee_id")
    def _compute_can_approve(self):
        for reward in self:
            reward.can_approve = reward.state == "submitted" and not reward._approval_error()

    @api.constrains("amount", "raise_percent", "kind", "job_id")
    def _check_amounts(self):
        for reward in self:
            if reward.amount < 0 or reward.raise_percent < 0:
                raise ValidationError(self.env._("A reward amount or raise cannot be negative."))
            # sudo: a setting of the reward's own company
            limit = reward.company_id.sudo().performance_reward_amount_max
            currency = reward.currency_id
            if limit and reward.amount > limit:
                raise ValidationError(
                    self.env._(
                        "%(amount)s is above the largest reward amount of %(company)s, "
                        "%(limit)s: check the figure, or ask an administrator to raise the "
                        "bound in the settings.",
                        amount=formatLang(self.env, reward.amount, currency_obj=currency),
                        company=reward.company_id.name,
                        limit=formatLang(self.env, limit, currency_obj=currency),
                    )
                )
            if reward.raise_percent > MAX_RAISE_PERCENT:
                raise ValidationError(
                    self.env._(
                        "A raise of %(percent)s%% is more than %(max)s%%: check the figure.",
                        percent=formatLang(self.env, reward.raise_percent),
                        max=MAX_RAISE_PERCENT,
                    )
                )
            if reward.kind == "promotion" and not reward.job_id:
                raise ValidationError(self.env._("A promotion needs the job it promotes to."))

    @api.constrains("source", "review_id", "recognition_id")
    def _check_source(self):
        for reward in self:
            if reward.source == "review" and not reward.review_id:
                raise ValidationError(self.env._("Pick the review this reward comes from."))
            if reward.source == "recognition" and not reward.recognition_id:
                raise ValidationError(self.env._("Pick the recognition this reward comes from."))

    @api.onchange("review_id")
    def _onchange_review_id(self):
        if self.review_id:
            self.source = "review"
            self.employee_id = self.review_id.employee_id
            if self.review_id.has_access("read") and self.review_id.state in ("released", "done"):
                self._apply_merit_matrix()

    @api.onchange("recognition_id")
    def _onchange_recognition_id(self):
        if self.recognition_id:
            self.source = "recognition"
            self.employee_id = self.recognition_id.employee_id
            self.kind = "spot"

    @api.model_create_multi
    def create(self, vals_list):
        # a recommendation starts as a draft: the create rules
        for vals in vals_list:
            if not vals.get("recommender_id") and not self._default_recommender():
                raise UserError(
                    self.env._("Link your user to an employee before recommending a reward.")
                )
        rewards = super().create(vals_list)
        rewards._check_recommendation()
        return rewards

    def _check_recommendation(self):
        """Who may recommend what for whom, on the records as made or moved."""
        if not self.env.su:
            # a reward follows only a review or kudos its writer may read
            self.review_id.check_access("read")
            self.recognition_id.check_access("read")
        for reward in self:
            # sudo: whom the review or kudos just checked is about; another person's review
            # would lend its rating to the merit suggestion
            if reward.review_id and reward.review_id.sudo().employee_id != reward.employee_id:
                raise ValidationError(
                    self.env._("A reward follows a review of the same employee.")
                )
            if (
                reward.recognition_id
                and reward.employee_id not in reward.recognition_id.sudo().receiver_ids
            ):
                raise ValidationError(
                    self.env._("A reward follows a recognition the employee received.")
                )
        if not (self.env.su or is_officer(self.env.user)):
            mine = self.env.user.employee_ids
            if self.recommender_id - mine:
                raise UserError(self.env._("You can only recommend rewards in your own name."))
            if self.employee_id & mine:
                raise UserError(self.env._("You cannot recommend a reward for yourself."))
            if not self._is_in_team_of(mine):
                raise UserError(self.env._("You can only recommend rewards for your team."))

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        if not self.env.su and "recommender_id" in vals:
            self.check_access("write")
            raise UserError(self.env._("A recommendation keeps the name of who made it."))
        if not (self.env.su or is_officer(self.env.user)):
            self.check_access("write")
            if any(reward.state != "draft" for reward in self):
                raise UserError(self.env._("Only a draft reward recommendation can be changed."))
        res = super().write(vals)
        if vals.keys() & {"employee_id", "company_id", "review_id", "recognition_id"}:
            # moved: checked again as at creation, on where it went
            self.check_access("write")
            self._check_recommendation()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(reward.state not in ("draft", "refused") for reward in self):
            raise UserError(
                self.env._("Only draft or refused reward recommendations can be deleted.")
            )

    def action_submit(self):
        self._check_state("draft")
        # sudo: the state moves only through actions; write() refuses it to everyone else
        self.sudo().write({"state": "submitted"})

    def action_approve(self):
        self._check_state("submitted")
        self._check_approver()
        # sudo: an approver (checked above); the state moves only through actions
        self.sudo().write(
            {
                "state": "approved",
                "approver_id": self.env.uid,
                "date_approved": fields.Date.context_today(self),
            }
        )

    def action_open_approval(self):
        """The form's Approve: an officer first sees the reward gap of the reward's cycle,
        as from the cycle, and approves from there; the recommender's manager (who reads
        no gap) approves at once."""
        self.ensure_one()
        self._check_state("submitted")
        self._check_approver()
        if self.cycle_id and is_officer(self.env.user):
            return self.env["performance.fairness.analysis"]._open_reward_approval(
                self.cycle_id, self
            )
        self.action_approve()
        return True

    def action_refuse(self):
        self._check_state("submitted")
        self._check_approver()
        # sudo: an approver (checked above); the state moves only through actions
        self.sudo().write({"state": "refused", "approver_id": self.env.uid})

    def action_done(self):
        self._check_state("approved")
        if not (self.env.su or is_officer(self.env.user)):
            raise UserError(self.env._("Only performance officers mark rewards as done."))
        # sudo: an officer (checked above); the state moves only through actions
        self.sudo().write({"state": "done"})

    def action_reset_draft(self):
        self._check_state("refused")
        # sudo: the state moves only through actions; write() refuses it to everyone else
        self.sudo().write({"state": "draft", "approver_id": False, "date_approved": False})

    def action_apply_merit_matrix(self):
        # the figures it takes again are computed: only on drafts their user may change
        self._check_state("draft")
        self.check_access("write")
        for reward in self:
            reward._apply_merit_matrix()

    def _apply_merit_matrix(self):
        """Pre-fill the raise from the merit matrix (final rating x goal attainment)."""
        self.ensure_one()
        if self.review_id:
            # refuses a review its user does not read or that is not released yet; the
            # figures themselves are computed from it, never typed
            self._get_review_merit_inputs(self.review_id)
            self._take_merit_inputs()
        percent = self.env["performance.merit.matrix"]._get_raise_percent(
            self.merit_rating, self.merit_attainment, self.company_id
        )
        if percent is not None:
            self.kind = "raise"
            self.raise_percent = percent

    @api.model
    def _get_review_merit_inputs(self, review):
        """(final rating value, goal attainment %) of a released review."""
        # Only a review the user reads himself feeds his reward: the sudo below reads the
        # computed rating and attainment of that review alone.
        review.check_access("read")
        review = review.sudo()
        if review.state not in ("released", "done"):
            raise UserError(
                self.env._(
                    "The review %(review)s is not released yet: its final rating cannot feed "
                    "a reward.",
                    review=review.name,
                )
            )
        return review.final_rating, review.goal_attainment

    def _check_state(self, state):
        if any(reward.state != state for reward in self):
            raise UserError(
                self.env._("This action is not possible in the reward's current state.")
            )

    def _is_in_team_of(self, employees):
        """Whether every reward's employee reports (directly or not) to one of employees."""
        return self.employee_id._performance_reports_to(employees)

    def _approval_error(self):
        """Why the current user may not approve this reward, or False."""
        self.ensure_one()
        mine = self.env.user.employee_ids
        if self.recommender_id & mine:
            return self.env._("You cannot approve your own recommendation.")
        if self.employee_id & mine:
            return self.env._("You cannot approve a reward for yourself.")
        if self.env.su or is_officer(self.env.user):
            return False
        if self.company_id.performance_reward_manager_approval and mine:
            # sudo: walk up the recommender's managers only to tell whether the user is one
            recommender = self.recommender_id.sudo()
            if recommender.parent_id and recommender._performance_reports_to(mine):
                return False
        return self.env._(
            "Only performance officers (or, if the setting allows, the recommender's manager) "
            "approve rewards."
        )

    def _check_approver(self):
        for reward in self:
            error = reward._approval_error()
            if error:
                raise UserError(error)
