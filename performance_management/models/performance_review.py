from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

# Fields that employees and managers may write on the review itself; their content is
# guarded by the line and assessment models.
_USER_WRITABLE = {
    "line_ids",
    "self_line_ids",
    "manager_line_ids",
    "self_sheet_line_ids",
    "manager_sheet_line_ids",
    "note_ids",
    "final_rating_id",
    "potential",
    "manager_summary",
}


class PerformanceReview(models.Model):
    """The review of one employee for one cycle (or one scheduled review)."""

    _name = "performance.review"
    _description = "Performance Review"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "performance.review.workflow.mixin",
        "performance.company.check.mixin",
        "performance.write.guard.mixin",
    )
    _order = "date_end desc, id desc"
    _check_company_auto = True
    _guard_locked_fields = (
        "employee_id",
        "company_id",
        "cycle_id",
        "template_id",
        "review_type",
        "manager_id",
    )
    # an officer hands a review to another reviewer
    _guard_officer_fields = ("manager_id",)

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id", string="Employee User")
    manager_id = fields.Many2one(
        "hr.employee",
        string="Reviewer",
        index=True,
        tracking=True,
        check_company=True,
        help="The manager by default; an officer can hand the review to someone else.",
    )
    manager_user_id = fields.Many2one(related="manager_id.user_id", string="Reviewer User")
    # The department and job the review was written in: history does not move with the
    # employee, and Odoo's employee writes do not search reviews to update.
    department_id = fields.Many2one(
        "hr.department", compute="_compute_position", store=True, precompute=True
    )
    job_id = fields.Many2one(
        "hr.job", string="Job Position", compute="_compute_position", store=True, precompute=True
    )
    cycle_id = fields.Many2one(
        "performance.cycle", index=True, ondelete="restrict", check_company=True
    )
    review_type = fields.Selection(
        [("cycle", "Review Cycle"), ("probation", "Probation"), ("recurring", "Recurring")],
        default="cycle",
        required=True,
    )
    template_id = fields.Many2one("performance.review.template", required=True, check_company=True)
    scale_id = fields.Many2one(related="template_id.scale_id")
    date_start = fields.Date(string="Period Start", required=True)
    date_end = fields.Date(string="Period End", required=True)
    date_self_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        readonly=False,
        precompute=True,
        string="Self Review Due",
    )
    date_manager_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        readonly=False,
        precompute=True,
        string="Manager Review Due",
    )
    state = fields.Selection(
        [
            ("self_review", "Self Review"),
            ("manager_review", "Manager Review"),
            ("calibration", "Calibration"),
            ("released", "Released"),
            ("done", "Acknowledged"),
            ("cancel", "Cancelled"),
        ],
        default="self_review",
        required=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    line_ids = fields.One2many("performance.review.line", "review_id", string="Lines")
    self_line_ids = fields.One2many(
        "performance.review.line",
        "review_id",
        domain=[("role", "=", "employee")],
        string="Self Review",
    )
    manager_line_ids = fields.One2many(
        "performance.review.line",
        "review_id",
        domain=[("role", "=", "manager")],
        string="Manager Review",
    )
    # The two tabs of the form: each role's answers under the template's sections (shared
    # lines), as the portal and the PDF show them.
    self_sheet_line_ids = fields.One2many(
        "performance.review.line",
        "review_id",
        domain=[("role", "in", ("employee", "shared")), ("kind", "!=", "goal")],
        string="Self Review Sheet",
    )
    manager_sheet_line_ids = fields.One2many(
        "performance.review.line",
        "review_id",
        domain=[("role", "in", ("manager", "shared")), ("kind", "!=", "goal")],
        string="Manager Review Sheet",
    )
    goal_line_ids = fields.One2many(
        "performance.review.line", "review_id", domain=[("kind", "=", "goal")], string="Goals"
    )
    goal_attainment = fields.Float(compute="_compute_goal_attainment", store=True)
    assessment_ids = fields.One2many("performance.review.assessment", "review_id")
    note_ids = fields.One2many("performance.review.note", "review_id", string="Private Notes")
    overall_score = fields.Float(compute="_compute_assessment", compute_sudo=False)
    final_rating_id = fields.Many2one(
        "performance.rating.scale.level",
        compute="_compute_assessment",
        inverse="_inverse_assessment",
        search="_search_final_rating_id",
        compute_sudo=False,
    )
    final_rating = fields.Float(
        string="Final Rating Value", compute="_compute_assessment", compute_sudo=False
    )
    potential = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        compute="_compute_assessment",
        inverse="_inverse_assessment",
        compute_sudo=False,
    )
    manager_summary = fields.Text(
        compute="_compute_assessment", inverse="_inverse_assessment", compute_sudo=False
    )
    date_released = fields.Date(readonly=True, copy=False)
    reminded_state = fields.Char(
        readonly=True, copy=False, help="Phase of the last deadline reminder, sent once."
    )
    acknowledgement = fields.Selection(
        [("agree", "I agree"), ("disagree", "I disagree")], readonly=True, copy=False
    )
    acknowledgement_comment = fields.Text(readonly=True, copy=False)
    date_acknowledged = fields.Datetime(readonly=True, copy=False)
    is_employee = fields.Boolean(compute="_compute_user_role")
    is_reviewer = fields.Boolean(compute="_compute_user_role")
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")
    peer_feedback_summary = fields.Html(
        compute="_compute_peer_feedback_summary", sanitize=False, compute_sudo=False
    )
    survey_start_url = fields.Char(
        compute="_compute_survey_start_url",
        help="The user's own open questionnaire of this review (self or manager).",
    )

    _period_in_order = models.Constraint(
        "CHECK(date_start <= date_end)", "The period of a review must end after it starts."
    )
    # a launch racing another launch (cron restarted, officer clicking again) fails, never
    # doubles a review
    _cycle_employee_unique = models.UniqueIndex(
        "(cycle_id, employee_id) WHERE cycle_id IS NOT NULL",
        "An employee has one review per cycle.",
    )

    @api.depends("employee_id.name", "cycle_id.name", "review_type", "date_end")
    def _compute_name(self):
        labels = dict(self._fields["review_type"]._description_selection(self.env))
        for review in self:
            title = review.cycle_id.name or labels.get(review.review_type, "")
            review.name = f"{review.employee_id.name} - {title}"

    @api.depends("employee_id")
    def _compute_position(self):
        for review in self:
            review.department_id = review.employee_id.department_id
            review.job_id = review.employee_id.job_id

    @api.depends("cycle_id.date_self_deadline", "cycle_id.date_manager_deadline")
    def _compute_deadlines(self):
        for review in self:
            if review.cycle_id:
                review.date_self_deadline = review.cycle_id.date_self_deadline
                review.date_manager_deadline = review.cycle_id.date_manager_deadline

    @api.depends("line_ids.achievement", "line_ids.kind", "line_ids.weight")
    def _compute_goal_attainment(self):
        if self._in_database():
            scores = self.env["performance.review.line"]._weighted_scores(self)
            for review in self:
                goals = [
                    pair for (_role, kind), pair in scores[review.id].items() if kind == "goal"
                ]
                weight = sum(pair[1] for pair in goals)
                review.goal_attainment = sum(pair[0] for pair in goals) / weight if weight else 0.0
            return
        for review in self:
            goals = review.line_ids.filtered(lambda line: line.kind == "goal")
            weight = sum(goals.mapped("weight"))
            review.goal_attainment = (
                sum(line.achievement * line.weight for line in goals) / weight if weight else 0.0
            )

    @api.depends_context("uid")
    @api.depends("assessment_ids.final_rating_id", "assessment_ids.potential")
    def _compute_assessment(self):
        # The assessment is read with the user's rights: the employee gets nothing back
        # until the review is released.
        for review in self:
            assessment = review.assessment_ids._filtered_access("read")[:1]
            review.overall_score = assessment.overall_score
            review.final_rating_id = assessment.final_rating_id
            review.final_rating = assessment.final_rating_id.value
            review.potential = assessment.potential
            review.manager_summary = assessment.manager_summary

    def _inverse_assessment(self):
        for review in self:
            review.assessment_ids[:1].write(
                {
                    "final_rating_id": review.final_rating_id.id,
                    "potential": review.potential,
                    "manager_summary": review.manager_summary,
                }
            )

    def _search_final_rating_id(self, operator, value):
        return [("assessment_ids.final_rating_id", operator, value)]

    @api.depends_context("uid")
    @api.depends("employee_id.user_id", "manager_id.user_id")
    def _compute_user_role(self):
        for review in self:
            review.is_employee = review.employee_id.user_id == self.env.user
            review.is_reviewer = review._is_reviewer()

    @api.depends("state", "date_self_deadline", "date_manager_deadline")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for review in self:
            deadline = {
                "self_review": review.date_self_deadline,
                "manager_review": review.date_manager_deadline,
            }.get(review.state)
            review.is_late = bool(deadline and deadline < today)

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = fields.Date.context_today(self)
        late = [
            "|",
            "&",
            ("state", "=", "self_review"),
            ("date_self_deadline", "<", today),
            "&",
            ("state", "=", "manager_review"),
            ("date_manager_deadline", "<", today),
        ]
        return late if (operator == "=") == value else ["!", *late]

    @api.depends_context("uid")
    @api.depends("employee_id")
    def _compute_peer_feedback_summary(self):
        for review in self:
            review.peer_feedback_summary = review._peer_feedback_summary()

    @api.depends_context("uid")
    def _compute_survey_start_url(self):
        urls = self.env["survey.user_input"]._performance_own_urls(self)
        for review in self:
            review.survey_start_url = urls.get(review.id, False)

    def action_open_survey(self):
        """Open the user's own questionnaire of the review, survey's own page."""
        self.ensure_one()
        if not self.survey_start_url:
            raise UserError(self.env._("You have no questionnaire to answer on this review."))
        return {"type": "ir.actions.act_url", "url": self.survey_start_url, "target": "self"}

    def _is_reviewer(self):
        """The reviewer, or someone above the employee in the manager chain."""
        self.ensure_one()
        user_employees = self.env.user.employee_ids
        if not user_employees:
            return False
        if self.manager_id and self.manager_id in user_employees:
            return True
        # sudo: the reviewed employee, only to tell whether the user is one of his managers
        employee = self.sudo().employee_id
        return bool(employee) and employee._performance_reports_to(user_employees)

    def _peer_feedback_summary(self):
        """Answers to this review's 360 requests; anonymous ones only past the threshold."""
        self.ensure_one()
        Feedback = self.env["performance.feedback"]
        if not self.id:
            return False
        if not (
            self.is_reviewer
            or self.is_employee
            or self.env.user.has_group("performance_management.group_performance_officer")
        ):
            return False
        domain = [("review_id", "=", self.id), ("state", "!=", "cancelled")]
        # sudo: counts only (how many asked, how many answered), never a text nor a name
        counts = Feedback.sudo()._read_group(
            [*domain, ("is_request", "=", True)], ["state"], ["__count", "author_id:count"]
        )
        done = sum(count for state, count, __ in counts if state == "done")
        requested = sum(with_author for __, __, with_author in counts)
        # The answers quoted are those the reader's own rights reach (even from a sudo
        # caller), anonymous ones only once released: private feedback stays with the chain.
        answers = self.env(su=False)["performance.feedback"].search(domain).sudo()
        # sudo: released anonymous answers carry no author; the aggregate is the review's,
        # its employee and reviewers read it even where an answer is private to the chain.
        answers |= Feedback.sudo().search(
            domain + [("anonymous", "=", True), ("anonymous_released", "=", True)]
        )
        answers = answers.sorted("id").filtered(
            lambda f: (
                f.state == "done"
                and (not f.anonymous or f.anonymous_released)
                and not f.survey_id
                and html2plaintext(f.message or "").strip()
            )
        )
        parts = [
            Markup("<p>%s</p>")
            % self.env._(
                "%(done)s of %(requested)s answers received.",
                done=done,
                requested=requested,
            )
        ]
        # sudo: whether unreleased anonymous answers exist, a yes or no
        if Feedback.sudo().search_count(
            domain
            + [
                ("state", "=", "done"),
                ("anonymous", "=", True),
                ("anonymous_released", "=", False),
            ],
            limit=1,
        ):
            parts.append(
                Markup("<p><em>%s</em></p>")
                % self.env._(
                    "Anonymous answers are shown once %(threshold)s have come in.",
                    threshold=self.company_id.performance_anonymity_threshold,
                )
            )
        for answer in answers:
            author = "" if answer.anonymous else answer.author_id.name or ""
            parts.append(
                Markup("<blockquote>%s<footer>%s</footer></blockquote>")
                % (answer.message or "", escape(author))
            )
        parts.append(
            self.env["survey.user_input"]._performance_summary(
                self,
                named=self.is_reviewer
                or self.env.user.has_group("performance_management.group_performance_officer"),
            )
        )
        return Markup("").join(parts)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("assessment_ids"):
                vals["assessment_ids"] = [fields.Command.create({})]
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            # who may not write at all learns it first, before any business rule
            self.check_access("write")
            is_officer = self.env.user.has_group(
                "performance_management.group_performance_officer"
            )
            if self.filtered(lambda review: review.state == "done"):
                raise UserError(self.env._("An acknowledged review is locked."))
            if not is_officer and set(vals) - _USER_WRITABLE:
                raise UserError(
                    self.env._("Only performance officers can change the review itself.")
                )
            if (
                not is_officer
                and set(vals) & {"final_rating_id", "potential", "manager_summary"}
                and not all(review._is_reviewer() for review in self)
            ):
                raise UserError(self.env._("Only the reviewer writes the manager's assessment."))
        return super().write(vals)

    def _in_database(self):
        """Every record is saved (no form draft): its lines can be summed in SQL."""
        return len(self) > 1 and all(isinstance(record_id, int) for record_id in self._ids)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_completed(self):
        if any(review.state in ("released", "done") for review in self):
            raise UserError(self.env._("Completed reviews cannot be deleted; archive them."))
        # sudo: whether a calibration history exists, a yes or no; unlink access checked by the ORM
        if self.sudo().assessment_ids.calibration_log_ids:
            raise UserError(
                self.env._("Calibrated reviews keep their history: archive them instead.")
            )
