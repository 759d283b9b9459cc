import base64
import io

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, html2plaintext

from ..tools import FiniteFloat, commit_cron_batch, is_officer, process_cron_batches, settable

REMINDER_DAYS = 3
REVIEW_REPORT = "performance_management.action_report_performance_review"

# What a launch set for good: whose review, from which cycle and template (an officer
# still hands a review to another reviewer).
_SET_AT_LAUNCH = {"employee_id", "company_id", "cycle_id", "template_id", "review_type"}
# The fields of the review that employees and managers may set (their content is guarded
# by the line, assessment and draft models); every other field is the officers'.
_USER_SETTABLE = {
    "line_ids",
    "self_line_ids",
    "manager_line_ids",
    "self_sheet_line_ids",
    "manager_sheet_line_ids",
    "note_ids",
    "final_rating_id",
    "potential",
    "manager_summary",
    # each writer's strengths and areas to grow, guarded by performance.review.draft
    "self_strengths",
    "self_areas_to_grow",
    "manager_strengths",
    "manager_areas_to_grow",
}
# The manager's assessment: the reviewer's (and the officers') only.
_REVIEWER_SETTABLE = {"final_rating_id", "potential", "manager_summary"}


class PerformanceReview(models.Model):
    """The review of one employee for one cycle (or one scheduled review)."""

    _name = "performance.review"
    _description = "Performance Review"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "performance.company.check.mixin",
    )
    _order = "date_end desc, id desc"
    _check_company_auto = True

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
    manager_id = fields.Many2one(
        "hr.employee",
        string="Reviewer",
        index=True,
        tracking=True,
        check_company=True,
        help="The manager by default; an officer can hand the review to someone else.",
    )
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
        readonly=True,
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
    goal_attainment = FiniteFloat(compute="_compute_goal_attainment", store=True)
    assessment_ids = fields.One2many("performance.review.assessment", "review_id")
    note_ids = fields.One2many("performance.review.note", "review_id", string="Private Notes")
    overall_score = FiniteFloat(compute="_compute_assessment", compute_sudo=False)
    suggested_rating_id = fields.Many2one(
        "performance.rating.scale.level",
        compute="_compute_assessment",
        compute_sudo=False,
    )
    final_rating_id = fields.Many2one(
        "performance.rating.scale.level",
        compute="_compute_assessment",
        inverse="_inverse_final_rating_id",
        search="_search_final_rating_id",
        compute_sudo=False,
    )
    final_rating = FiniteFloat(
        string="Final Rating Value", compute="_compute_assessment", compute_sudo=False
    )
    potential = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        compute="_compute_assessment",
        inverse="_inverse_potential",
        compute_sudo=False,
    )
    manager_summary = fields.Text(
        compute="_compute_assessment", inverse="_inverse_manager_summary", compute_sudo=False
    )
    date_released = fields.Date(readonly=True, copy=False)
    # The review as released, rendered once at release and served from then on. Its groups
    # keep everybody but the superuser from writing it, and its attachment with it (Odoo
    # checks a field's attachment through the field's access): the release writes it in sudo,
    # the portal and the print read it in sudo for whoever may read the review.
    released_pdf = fields.Binary(
        "Released PDF", attachment=True, readonly=True, copy=False, groups=fields.NO_ACCESS
    )
    has_released_pdf = fields.Boolean(compute="_compute_has_released_pdf")
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
    performance_can_reassign = fields.Boolean(
        string="May Change the Reviewer",
        compute="_compute_user_role",
        help="The reviewer is set at creation; only a performance officer hands the review to "
        "another one, until it is acknowledged.",
    )
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")
    peer_feedback_summary = fields.Html(
        compute="_compute_peer_feedback_summary", sanitize=False, compute_sudo=False
    )
    survey_start_url = fields.Char(
        compute="_compute_survey_start_url",
        help="The user's own open questionnaire of this review (self or manager).",
    )
    # when each phase was done, for the on-time rates of the cycle evaluation
    date_self_done = fields.Date(string="Self Review Submitted", readonly=True, copy=False)
    date_manager_done = fields.Date(string="Manager Review Submitted", readonly=True, copy=False)
    # the deadlines as the reader's language writes dates, for the mails rendered by substitution
    date_self_deadline_text = fields.Char(compute="_compute_deadline_texts")
    date_manager_deadline_text = fields.Char(compute="_compute_deadline_texts")
    # who the open phase waits for: the employee, then the reviewer
    phase_author_email = fields.Char(compute="_compute_phase_author_email")

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

    @api.depends("released_pdf")
    def _compute_has_released_pdf(self):
        # sudo: whether the file exists, for whoever reads the review (not its bytes)
        frozen = set(
            self.sudo()
            .with_context(active_test=False)
            .search([("id", "in", self.ids), ("released_pdf", "!=", False)], order="id")
            .ids
        )
        for review in self:
            review.has_released_pdf = review.id in frozen

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
            review.suggested_rating_id = assessment.suggested_rating_id
            review.final_rating_id = assessment.final_rating_id
            review.final_rating = assessment.final_rating_id.value
            review.potential = assessment.potential
            review.manager_summary = assessment.manager_summary

    # One inverse per field: a write of one of them (the summary) must not write the others
    # back from what the writer reads of them (empty for a reader of the review who may not
    # read the assessment), which erased the rating or potential the reviewer had set.
    def _inverse_final_rating_id(self):
        for review in self:
            review.assessment_ids[:1].write({"final_rating_id": review.final_rating_id.id})

    def _inverse_potential(self):
        for review in self:
            review.assessment_ids[:1].write({"potential": review.potential})

    def _inverse_manager_summary(self):
        for review in self:
            review.assessment_ids[:1].write({"manager_summary": review.manager_summary})

    def _search_final_rating_id(self, operator, value):
        return [("assessment_ids.final_rating_id", operator, value)]

    @api.depends_context("uid")
    @api.depends("employee_id.user_id", "manager_id.user_id", "state")
    def _compute_user_role(self):
        for review in self:
            review.is_employee = review.employee_id.user_id == self.env.user
            review.is_reviewer = review._is_reviewer()
            review.performance_can_reassign = not review._origin.id or (
                is_officer(self.env.user) and review.state != "done"
            )

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

    @api.depends("date_self_deadline", "date_manager_deadline")
    @api.depends_context("lang")
    def _compute_deadline_texts(self):
        texts = {False: ""}  # the reviews of a cycle share their deadlines
        for review in self:
            for date in (review.date_self_deadline, review.date_manager_deadline):
                if date not in texts:
                    texts[date] = format_date(self.env, date)
            review.date_self_deadline_text = texts[review.date_self_deadline]
            review.date_manager_deadline_text = texts[review.date_manager_deadline]

    @api.depends("state", "employee_id.work_email", "manager_id.work_email")
    def _compute_phase_author_email(self):
        for review in self:
            author = review.employee_id if review.state == "self_review" else review.manager_id
            review.phase_author_email = author.work_email

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
        if not (self.is_reviewer or self.is_employee or is_officer(self.env.user)):
            return False
        domain = [("review_id", "=", self.id), ("state", "!=", "cancelled")]
        # sudo: counts of the requests only, never an answer: the raters asked, those who
        # answered by name, and those whose anonymous batch is released, all at once; an
        # anonymous answer waiting for its batch changes nothing here
        counts = dict(
            Feedback.sudo()._read_group(
                [*domain, ("is_request", "=", True), ("author_id", "!=", False)],
                ["state"],
                ["__count"],
            )
        )
        requested = sum(counts.values())
        done = counts.get("done", 0) + counts.get("answered", 0)
        # sudo: whether anonymous requests are still open, a yes or no that moves only
        # when they are asked, cancelled or released, never when one is answered
        anonymous_pending = bool(
            counts.get("requested")
            and Feedback.sudo().search_count(
                [*domain, ("state", "=", "requested"), ("anonymous", "=", True)], limit=1
            )
        )
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
        return self.env["ir.qweb"]._render(
            "performance_management.performance_review_peer_feedback_summary",
            {
                "done": done,
                "requested": requested,
                "anonymous_pending": anonymous_pending,
                "threshold": self.company_id.performance_anonymity_threshold,
                "answers": answers,
                # the questionnaires' answers, per question and aggregated
                "surveys": self.env["survey.user_input"]._performance_summary(
                    self,
                    named=self.is_reviewer or is_officer(self.env.user),
                ),
            },
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("assessment_ids"):
                vals["assessment_ids"] = [fields.Command.create({})]
        return super().create(vals_list)

    def _has_field_access(self, field, operation):
        if not settable(self, field, operation):
            return False
        if operation != "read" and not (self.env.su or is_officer(self.env.user)):
            # employees and managers set their parts only; the manager's assessment is
            # the reviewer's, on the reviews being written (none when creating)
            if field.name not in _USER_SETTABLE:
                return False
            if field.name in _REVIEWER_SETTABLE and not all(
                review._is_reviewer() for review in self
            ):
                return False
        return super()._has_field_access(field, operation)

    def write(self, vals):
        if not self.env.su:
            # who may not write at all learns it first, before any business rule
            self.check_access("write")
            if self.filtered(lambda review: review.state == "done"):
                raise UserError(self.env._("An acknowledged review is locked."))
            if set(vals) & _SET_AT_LAUNCH:
                raise UserError(
                    self.env._("Whose review it is, and from which cycle, is set at its launch.")
                )
        res = super().write(vals)
        if "manager_id" in vals:
            # handed to another reviewer: the writer must still be allowed to write it
            self.check_access("write")
        return res

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

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # mail.activity subscribes its assignee once per user, a query or more each: the
        # launch already made them followers (performance.cycle._launch_subscribe).
        if self.env.context.get("performance_followers_set"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    # Workflow ----------------------------------------------------------------------------

    def action_submit_self(self):
        for review in self:
            if review.state != "self_review":
                raise UserError(self.env._("The self review is not open."))
            if not (review.is_employee or self.env.su or is_officer(self.env.user)):
                raise UserError(self.env._("Only the employee submits the self review."))
            review._check_answered("employee")
        # sudo: the employee (checked above) closes his phase, a date he may not write himself
        self.sudo().write({"date_self_done": fields.Date.context_today(self)})
        self._move_to_manager_phase()
        return True

    def action_submit_manager(self):
        for review in self:
            if review.state != "manager_review":
                raise UserError(self.env._("The manager review is not open."))
            if not (review.is_reviewer or self.env.su or is_officer(self.env.user)):
                raise UserError(self.env._("Only the reviewer submits the manager review."))
            # sudo: the reviewer (checked above) closes his phase; states move only by actions
            review._check_answered("manager")
        reviews = self.sudo()
        reviews._refresh_goal_achievements()
        for review in reviews:
            assessment = review.assessment_ids[:1]
            if not assessment.final_rating_id:
                assessment.final_rating_id = assessment.suggested_rating_id
        reviews.write(
            {"state": "calibration", "date_manager_done": fields.Date.context_today(self)}
        )
        reviews.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_release(self):
        if not (self.env.su or is_officer(self.env.user)):
            raise UserError(self.env._("Only performance officers release reviews."))
        if any(review.state != "calibration" for review in self):
            # sudo: an officer (checked above) releases; states move only through actions
            raise UserError(self.env._("Only submitted reviews can be released."))
        reviews = self.sudo()
        reviews.write({"state": "released", "date_released": fields.Date.context_today(self)})
        reviews._store_released_pdf()
        template = self.env.ref(
            "performance_management.mail_template_performance_review_released",
            raise_if_not_found=False,
        )
        for review in reviews:
            if template:
                review.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
            if review.employee_id.user_id:
                review.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=review.cycle_id.date_acknowledge_deadline
                    or fields.Date.context_today(self),
                    summary=self.env._("Acknowledge your review"),
                    user_id=review.employee_id.user_id.id,
                )
        return True

    def action_request_feedback(self):
        """Ask peers, reports or others for 360 feedback linked to this review."""
        self.ensure_one()
        if self.state not in ("self_review", "manager_review"):
            raise UserError(self.env._("Feedback is asked while the review is open."))
        if not (self.is_employee or self.is_reviewer):
            raise UserError(self.env._("Only the employee or the reviewer asks for feedback."))
        today = fields.Date.context_today(self)
        deadline = self.cycle_id.date_peer_deadline or self.date_manager_deadline
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Feedback"),
            "res_model": "performance.feedback.request.wizard",
            "view_mode": "form",
            "target": "new",
            # default_review_id reaches the feedback requests the wizard creates.
            "context": {
                "default_employee_id": self.employee_id.id,
                "default_review_id": self.id,
                "default_anonymous": self.cycle_id.peer_anonymous,
                "default_date_deadline": max(deadline or today, today),
            },
        }

    def action_open_acknowledge(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Acknowledge Review"),
            "res_model": "performance.review.acknowledge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_review_id": self.id},
        }

    def _acknowledge(self, agreement, comment=False):
        self.ensure_one()
        if self.state != "released":
            raise UserError(self.env._("Only a released review can be acknowledged."))
        if not self.is_employee:
            raise UserError(self.env._("Only the reviewed employee acknowledges the review."))
        # sudo: the reviewed employee (checked above) acknowledges his own released review
        review = self.sudo()
        review.write(
            {
                "state": "done",
                "acknowledgement": agreement,
                "acknowledgement_comment": comment,
                "date_acknowledged": fields.Datetime.now(),
            }
        )
        review.activity_feedback(["mail.mail_activity_data_todo"])
        review.message_post(
            body=self.env._(
                "%(employee)s acknowledged the review (%(agreement)s).",
                employee=review.employee_id.name,
                agreement=dict(self._fields["acknowledgement"]._description_selection(self.env))[
                    agreement
                ],
            )
        )
        if review.company_id.performance_review_skill_writeback:
            review._write_back_skills()
        return True

    def action_cancel(self):
        if not (self.env.su or is_officer(self.env.user)):
            raise UserError(self.env._("Only performance officers cancel reviews."))
        if any(review.state in ("released", "done") for review in self):
            raise UserError(self.env._("A released review cannot be cancelled."))
        # sudo: an officer (checked above) cancels; the state moves only through actions
        self.sudo().write({"state": "cancel"})
        return True

    def _check_answered(self, role):
        # sudo: the lines of the role that submits (checked by the caller); only names come out
        lines = self.line_ids.sudo().filtered(
            lambda line: line.role == role and not line.display_type
        )
        missing = lines.filtered(
            lambda line: (
                (line.kind == "rating" and not line.rating_id)
                or (line.kind == "competency" and not line.skill_level_id)
            )
        )
        if missing:
            raise UserError(
                self.env._(
                    "Rate every question before submitting: %(questions)s.",
                    questions=", ".join(missing.mapped("name")),
                )
            )

    # sudo: called by the phase actions after their checks, and by the deadline cron
    def _move_to_manager_phase(self):
        reviews = self.sudo()
        reviews.write({"state": "manager_review"})
        reviews.activity_feedback(["mail.mail_activity_data_todo"])
        for review in reviews.filtered("manager_id.user_id"):
            review.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=review.date_manager_deadline or fields.Date.context_today(self),
                summary=self.env._(
                    "Manager review of %(employee)s", employee=review.employee_id.name
                ),
                user_id=review.manager_id.user_id.id,
            )

    def _refresh_goal_achievements(self):
        for line in self.line_ids.filtered(lambda line: line.kind == "goal" and line.goal_id):
            line.achievement = min(max(line.goal_id.progress, 0.0), 100.0)

    def _write_back_skills(self):
        """Write the manager's competency levels back to the employee's skills."""
        for review in self:
            lines = review.line_ids.filtered(
                lambda line: (
                    line.role == "manager" and line.kind == "competency" and line.skill_level_id
                )
            )
            # sudo: the reviewed employee's own skills, set to the levels his reviewer gave
            # (a company setting), through hr_skills' own write path
            review.employee_id.sudo()._performance_set_skill_levels(
                [(line.skill_id, line.skill_level_id) for line in lines]
            )

    def _store_released_pdf(self):
        """Freeze each review as released: its PDF, rendered now, in ``released_pdf``."""
        report = self.env["ir.actions.report"]
        for review in self.filtered(lambda review: not review.has_released_pdf):
            # one at a time: a batch rendered in one run could not be split per review
            content, kind = report._render_qweb_pdf(REVIEW_REPORT, review.ids)
            if kind == "pdf":  # Odoo's test mode renders HTML unless told otherwise
                # sudo: the field is nobody's to write; the release (checked) stores it
                review.sudo().released_pdf = base64.b64encode(content)

    def _get_released_pdf(self):
        """The PDF frozen at release, for a user who may read the review, else False."""
        self.ensure_one()
        self.check_access("read")
        # sudo: the frozen file of a review the user was just checked to read
        pdf = self.sudo().released_pdf
        return pdf and base64.b64decode(pdf)

    def _get_pdf(self):
        """One PDF of these reviews: each as frozen at release, the others as they are now
        (rendered, not stored), for a user who may read them. Returns (content, kind)."""
        self.check_access("read")
        report = self.env["ir.actions.report"]
        live = self.filtered(lambda review: not review.has_released_pdf)
        streams = [io.BytesIO(review._get_released_pdf()) for review in self - live]
        if live:
            content, kind = report._render_qweb_pdf(REVIEW_REPORT, live.ids)
            if kind != "pdf" or not streams:
                return content, kind
            streams.append(io.BytesIO(content))
        if len(streams) == 1:
            return streams[0].getvalue(), "pdf"
        with report._merge_pdfs(streams) as merged:
            return merged.getvalue(), "pdf"

    def action_print_pdf(self):
        """The Print menu's review: the released file where there is one, else the report."""
        if not self.filtered("has_released_pdf"):
            return self.env.ref(REVIEW_REPORT).report_action(self)
        return {
            "type": "ir.actions.act_url",
            "url": f"/performance/reviews/pdf/{','.join(map(str, self.ids))}",
            "target": "download",
        }

    def _get_report_base_filename(self):
        """The portal's report helper names the downloaded PDF after the review."""
        self.ensure_one()
        return self.env._("Review - %(name)s", name=self.name)

    def _schedule_self_review_activities(self):
        """One to-do per employee with a user, created in one go."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                "activity_type_id": todo.id,
                "res_model_id": model_id,
                "res_id": review.id,
                "user_id": review.employee_id.user_id.id,
                "date_deadline": review.date_self_deadline or fields.Date.context_today(self),
                "summary": self.env._("Write your self review"),
                "automated": True,
            }
            for review in self
            if review.employee_id.user_id
        ]
        # sudo: to-dos for the employees of the reviews the launch just created
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    def _send_invitations(self):
        template = self.env.ref(
            "performance_management.mail_template_performance_review_invitation",
            raise_if_not_found=False,
        )
        reviews = self.filtered("employee_id.work_email")
        if template and reviews:
            # sudo: the mail renders the employee's and reviewer's names and e-mails, nothing else
            template.sudo().send_mail_batch(reviews.ids, email_layout_xmlid=False)

    @api.model
    def mail_allowed_qweb_expressions(self):
        # Mails made of these plain paths render by substitution instead of evaluating
        # QWeb and inline templates once per review: a launch sends thousands of invitations.
        return (
            *super().mail_allowed_qweb_expressions(),
            "object.company_id.email_formatted",
            "object.employee_id.work_email",
            "object.phase_author_email",
            "object.employee_id.name",
            "object.manager_id.name",
            "object.date_self_deadline_text",
            "object.date_manager_deadline_text",
        )

    def _prepare_feedback_request(self, author, requester):
        self.ensure_one()
        cycle = self.cycle_id
        today = fields.Date.context_today(self)
        return {
            "name": self.env._("Feedback on %(employee)s", employee=self.employee_id.name),
            "employee_id": self.employee_id.id,
            "author_id": author.id,
            "requester_id": requester.id,
            "review_id": self.id,
            "company_id": self.company_id.id,
            "date_deadline": max(
                cycle.date_peer_deadline or cycle.date_manager_deadline or today, today
            ),
            "anonymous": cycle.peer_anonymous,
            "state": "requested",
        }

    @api.model
    def _get_reminder_domain(self):
        soon = fields.Date.context_today(self) + relativedelta(days=REMINDER_DAYS)
        return [
            "|",
            "&",
            "&",
            ("state", "=", "self_review"),
            ("date_self_deadline", "<=", soon),
            ("reminded_state", "!=", "self_review"),
            "&",
            "&",
            ("state", "=", "manager_review"),
            ("date_manager_deadline", "<=", soon),
            ("reminded_state", "!=", "manager_review"),
        ]

    @api.model
    def _cron_remind_reviews(self, batch_size=200):
        """Remind the author of each open phase once, a few days before its deadline."""
        template = self.env.ref("performance_management.mail_template_performance_review_reminder")

        def remind(reviews):
            template.send_mail_batch(reviews.ids, email_layout_xmlid=False)
            for state in set(reviews.mapped("state")):
                reviews.filtered(lambda review, state=state: review.state == state).write(
                    {"reminded_state": state}
                )

        process_cron_batches(self, self._get_reminder_domain(), remind, batch_size)

    @api.model
    def _cron_schedule_reviews(self):
        """Probation and recurring reviews from the company settings, batched and idempotent."""
        companies = self.env["res.company"].search(
            [
                "|",
                ("performance_probation_review_days", ">", 0),
                ("performance_recurring_review_months", ">", 0),
            ]
        )
        limit = 500
        for company in companies:
            template = company.performance_review_template_id
            if not template:
                continue
            while batch := self._scheduled_review_values(company, template, limit=limit):
                reviews = self.with_context(tracking_disable=True, mail_create_nolog=True).create(
                    batch
                )
                reviews._schedule_self_review_activities()
                # a full batch says more may come; the next company's are found when it runs
                if not commit_cron_batch(self.env, len(batch), int(len(batch) == limit)):
                    return

    def _scheduled_review_values(self, company, template, limit):
        today = fields.Date.context_today(self)
        Employee = self.env["hr.employee"]
        vals_list = []
        if company.performance_probation_review_days:
            start_before = today - relativedelta(days=company.performance_probation_review_days)
            done = (
                self.with_context(active_test=False)
                ._search([("review_type", "=", "probation")])
                .subselect("employee_id")
            )
            for employee in Employee.search(
                [
                    ("company_id", "=", company.id),
                    ("contract_date_start", "<=", start_before),
                    ("contract_date_start", ">", start_before - relativedelta(months=6)),
                    ("id", "not in", done),
                ],
                limit=limit,
            ):
                vals_list.append(
                    self._scheduled_vals(
                        employee, template, "probation", employee.contract_date_start, today
                    )
                )
        months = company.performance_recurring_review_months
        if months and len(vals_list) < limit:
            since = today - relativedelta(months=months)
            recent = (
                self.with_context(active_test=False)
                ._search([("date_end", ">", since), ("state", "!=", "cancel")])
                .subselect("employee_id")
            )
            for employee in Employee.search(
                [
                    ("company_id", "=", company.id),
                    ("contract_date_start", "<=", since),
                    ("id", "not in", recent),
                    ("id", "not in", [vals["employee_id"] for vals in vals_list]),
                ],
                limit=limit - len(vals_list),
            ):
                vals_list.append(
                    self._scheduled_vals(employee, template, "recurring", since, today)
                )
        return vals_list

    def _scheduled_vals(self, employee, template, review_type, date_start, today):
        return {
            "employee_id": employee.id,
            "manager_id": employee._performance_manager().id,
            "company_id": employee.company_id.id,
            "template_id": template.id,
            "review_type": review_type,
            "date_start": min(date_start, today),
            "date_end": today,
            "date_self_deadline": today + relativedelta(days=14),
            "date_manager_deadline": today + relativedelta(days=28),
            "line_ids": template._prepare_review_lines([], []),
        }
