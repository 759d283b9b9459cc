import logging
import time
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command, Domain
from odoo.tools import config
from odoo.tools.safe_eval import safe_eval

from ..tools import FiniteFloat, commit_cron_batch, is_officer, percent, settable, write_workflow

_logger = logging.getLogger(__name__)

# The deadlines of a cycle in the order its phases run.
PHASE_DEADLINES = (
    "date_self_deadline",
    "date_peer_deadline",
    "date_manager_deadline",
    "date_calibration_deadline",
    "date_release",
    "date_acknowledge_deadline",
)
DEFAULT_LAUNCH_BATCH_SIZE = 500


# Reviews still in these states once the cycle is in that state were left behind.
BEHIND_STATES = {
    "calibration": ("self_review", "manager_review"),
    "released": ("self_review", "manager_review", "calibration"),
    "closed": ("self_review", "manager_review", "calibration"),
}

# A manager whose team is rated this share of the scale above (below) comparable teams
# is flagged as lenient (severe).
LENIENCY_THRESHOLD = 0.125
LENIENCY_MIN_REVIEWS = 2


class PerformanceCycle(models.Model):
    """A review program: who is reviewed, with which template and on which deadlines."""

    _name = "performance.cycle"
    _description = "Review Cycle"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
    )
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("calibration", "Calibration"),
            ("released", "Released"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        readonly=True,
    )
    template_id = fields.Many2one(
        "performance.review.template",
        required=True,
        check_company=True,
        help="Default template; a template made for the employee's job or department wins.",
    )
    scale_id = fields.Many2one(related="template_id.scale_id")
    date_start = fields.Date(string="Period Start", required=True)
    date_end = fields.Date(string="Period End", required=True)
    date_self_deadline = fields.Date(string="Self Review", tracking=True)
    date_peer_deadline = fields.Date(string="Peer Feedback", tracking=True)
    date_manager_deadline = fields.Date(string="Manager Review", tracking=True)
    date_calibration_deadline = fields.Date(string="Calibration", tracking=True)
    date_release = fields.Date(string="Release", tracking=True)
    date_acknowledge_deadline = fields.Date(string="Acknowledgement", tracking=True)
    participant_mode = fields.Selection(
        [
            ("all", "All Employees"),
            ("department", "Departments"),
            ("tag", "Tags"),
            ("employee", "List of Employees"),
            ("domain", "Custom Filter"),
        ],
        string="Participants",
        default="all",
        required=True,
    )
    department_ids = fields.Many2many("hr.department", string="Departments")
    category_ids = fields.Many2many("hr.employee.category", string="Tags")
    employee_ids = fields.Many2many("hr.employee", string="Employees")
    participant_domain = fields.Char(string="Filter", default="[]")
    peer_count = fields.Integer(
        string="Peer Requests",
        default=0,
        help="Number of colleagues (same manager) asked for feedback on each employee at launch.",
    )
    peer_anonymous = fields.Boolean(string="Anonymous Peer Feedback", default=True)
    peer_rater_cap = fields.Integer(
        string="Peer Requests per Rater",
        default=0,
        help="At most this many peer requests per colleague in the cycle (0: no cap). The "
        "launch asks the colleagues with the fewest requests first, so the load is balanced.",
    )
    review_ids = fields.One2many("performance.review", "cycle_id", string="Reviews")
    review_count = fields.Integer(compute="_compute_progress")
    self_done_count = fields.Integer(string="Self Reviews Done", compute="_compute_progress")
    self_late_count = fields.Integer(string="Self Reviews Late", compute="_compute_progress")
    manager_done_count = fields.Integer(string="Manager Reviews Done", compute="_compute_progress")
    manager_late_count = fields.Integer(string="Manager Reviews Late", compute="_compute_progress")
    released_count = fields.Integer(string="Released", compute="_compute_progress")
    acknowledged_count = fields.Integer(string="Acknowledged", compute="_compute_progress")
    no_manager_count = fields.Integer(string="Without Manager", compute="_compute_progress")
    behind_count = fields.Integer(
        string="Reviews Behind",
        compute="_compute_progress",
        help="Reviews still in a phase the cycle has left.",
    )
    no_login_count = fields.Integer(
        string="Reviewers Without Login",
        compute="_compute_no_login_count",
        help="Open reviews whose reviewer has no user: nobody can write their manager review.",
    )
    phase_progress = fields.Json(
        compute="_compute_progress",
        help="Each phase: reviews done of the total, and how many are late, for its bar.",
    )
    distribution_data = fields.Json(
        string="Rating Distribution Chart",
        compute="_compute_distribution_data",
        help="Each rating level: its guideline share, its count and its actual share.",
    )
    distribution_html = fields.Html(
        string="Rating Distribution", compute="_compute_distribution_html", sanitize=False
    )
    launch_state = fields.Selection(
        [("none", "Not Launched"), ("queued", "Launching"), ("done", "Launched")],
        default="none",
        required=True,
        copy=False,
        readonly=True,
    )
    evaluation_review_count = fields.Integer(
        string="Reviews Evaluated",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    self_completion_rate = FiniteFloat(
        string="Self Reviews Done (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    manager_completion_rate = FiniteFloat(
        string="Manager Reviews Done (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    completion_rate = FiniteFloat(
        string="Released (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    acknowledged_rate = FiniteFloat(
        string="Acknowledged (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    self_on_time_rate = FiniteFloat(
        string="Self Reviews On Time (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    manager_on_time_rate = FiniteFloat(
        string="Manager Reviews On Time (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    average_rating = FiniteFloat(
        string="Average Final Rating",
        digits=(16, 2),
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    goal_attainment_rate = FiniteFloat(
        string="Goal Attainment (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    calibration_change_count = fields.Integer(
        string="Changed in Calibration",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    calibration_up_count = fields.Integer(
        string="Raised in Calibration",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    calibration_down_count = fields.Integer(
        string="Lowered in Calibration",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    peer_request_count = fields.Integer(
        string="360 Requests",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    peer_answer_count = fields.Integer(
        string="360 Answers",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    peer_participation_rate = FiniteFloat(
        string="360 Participation (%)",
        compute="_compute_evaluation",
        groups="performance_management.group_performance_officer",
    )
    leniency_html = fields.Html(
        string="Rating by Manager",
        compute="_compute_evaluation",
        sanitize=False,
        groups="performance_management.group_performance_officer",
    )

    _dates_in_order = models.Constraint(
        "CHECK(date_start <= date_end)", "The period of a cycle must end after it starts."
    )
    _peer_count_positive = models.Constraint(
        "CHECK(peer_count >= 0)", "The number of peer requests cannot be negative."
    )
    _peer_rater_cap_positive = models.Constraint(
        "CHECK(peer_rater_cap >= 0)", "The cap of peer requests per rater cannot be negative."
    )

    @api.depends("state", "review_ids.state", "review_ids.manager_id")
    def _compute_progress(self):
        today = fields.Date.context_today(self)
        Review = self.env["performance.review"]
        groups = Review._read_group(
            [("cycle_id", "in", self.ids)], ["cycle_id", "state"], ["__count"]
        )
        counts = {}
        for cycle, state, count in groups:
            counts.setdefault(cycle.id, {})[state] = count
        no_manager = dict(
            Review._read_group(
                [("cycle_id", "in", self.ids), ("manager_id", "=", False)],
                ["cycle_id"],
                ["__count"],
            )
        )
        after_self = ("manager_review", "calibration", "released", "done")
        after_manager = ("calibration", "released", "done")
        for cycle in self:
            by_state = counts.get(cycle.id, {})
            cycle.review_count = sum(
                count for state, count in by_state.items() if state != "cancel"
            )
            cycle.self_done_count = sum(by_state.get(s, 0) for s in after_self)
            cycle.manager_done_count = sum(by_state.get(s, 0) for s in after_manager)
            cycle.released_count = by_state.get("released", 0) + by_state.get("done", 0)
            cycle.acknowledged_count = by_state.get("done", 0)
            late_self = cycle.date_self_deadline and cycle.date_self_deadline < today
            late_manager = cycle.date_manager_deadline and cycle.date_manager_deadline < today
            cycle.self_late_count = by_state.get("self_review", 0) if late_self else 0
            cycle.manager_late_count = (
                by_state.get("self_review", 0) + by_state.get("manager_review", 0)
                if late_manager
                else 0
            )
            cycle.no_manager_count = no_manager.get(cycle._origin, 0)
            cycle.behind_count = sum(
                by_state.get(state, 0) for state in BEHIND_STATES.get(cycle.state, ())
            )
            cycle.phase_progress = cycle._phase_progress_bars()

    def _phase_progress_bars(self):
        """The bars of the phases tab: done of the reviews, late ones in red."""
        self.ensure_one()
        total = self.review_count
        bars = [
            ("self", "date_self_deadline", self.self_done_count, self.self_late_count),
            ("manager", "date_manager_deadline", self.manager_done_count, self.manager_late_count),
            ("released", "date_release", self.released_count, 0),
            ("acknowledged", "date_acknowledge_deadline", self.acknowledged_count, 0),
        ]
        labels = {
            "self": self.env._("Self Reviews"),
            "manager": self.env._("Manager Reviews"),
            "released": self.env._("Released"),
            "acknowledged": self.env._("Acknowledged"),
        }
        return [
            {
                "key": key,
                "label": labels[key],
                "deadline": fields.Date.to_string(self[deadline]) if self[deadline] else False,
                "done": done,
                "late": late,
                "total": total,
                # rounded as the evaluation's progress bars and PDF round the same rates
                "percent": percent(done * 100.0 / total) if total else 0,
                "late_percent": percent(late * 100.0 / total) if total else 0,
            }
            for key, deadline, done, late in bars
        ]

    # Two computes, not one: the form reads the chart's data alone, and rendering the HTML
    # table (the evaluation's) for every form load was work nobody saw.
    @api.depends("review_ids.state", "template_id.scale_id")
    def _compute_distribution_data(self):
        for cycle in self:
            if not cycle.scale_id.level_ids or not cycle.id:
                cycle.distribution_data = False
                continue
            rows = cycle._get_rating_distribution()
            cycle.distribution_data = {
                "total": sum(row["count"] for row in rows),
                "levels": [
                    {
                        "level": row["level"].name,
                        "target": row["target"],
                        "count": row["count"],
                        "actual": round(row["percent"], 1),
                    }
                    for row in rows
                ],
            }

    @api.depends("review_ids.state", "template_id.scale_id")
    def _compute_distribution_html(self):
        for cycle in self:
            if not cycle.scale_id.level_ids or not cycle.id:
                cycle.distribution_html = False
                continue
            cycle.distribution_html = self.env["ir.qweb"]._render(
                "performance_management.performance_cycle_distribution",
                {"rows": cycle._get_rating_distribution()},
            )

    @api.onchange("date_start")
    def _onchange_date_start_deadlines(self):
        """Empty deadlines get one a week apart, the first two weeks after the start (or after
        today, when the period started already): a new cycle opens with a schedule to adjust,
        never one overdue on the day it starts."""
        if not self.date_start:
            return
        anchor = max(self.date_start, fields.Date.context_today(self))
        for weeks, name in enumerate(PHASE_DEADLINES, start=2):
            if not self[name]:
                self[name] = anchor + relativedelta(weeks=weeks)

    @api.constrains(*PHASE_DEADLINES, "date_start")
    def _check_deadlines(self):
        labels = {
            name: self._fields[name].get_description(self.env)["string"]
            for name in PHASE_DEADLINES
        }
        for cycle in self:
            previous = None
            for name in PHASE_DEADLINES:
                deadline = cycle[name]
                if not deadline:
                    continue
                if deadline < cycle.date_start:
                    raise ValidationError(
                        self.env._(
                            "The %(phase)s deadline of %(cycle)s falls before the period starts.",
                            phase=labels[name],
                            cycle=cycle.name,
                        )
                    )
                if previous and deadline < cycle[previous]:
                    raise ValidationError(
                        self.env._(
                            "Deadlines of %(cycle)s are out of order: %(phase)s comes before "
                            "%(previous)s.",
                            cycle=cycle.name,
                            phase=labels[name],
                            previous=labels[previous],
                        )
                    )
                previous = name

    @api.constrains("participant_domain", "participant_mode")
    def _check_participant_domain(self):
        for cycle in self:
            try:
                domain = Domain(safe_eval(cycle.participant_domain or "[]"))
            except Exception as error:
                raise ValidationError(
                    self.env._("The participant filter is not a valid domain.")
                ) from error
            if cycle.participant_mode == "domain":
                # The launch selects participants in sudo: the filter may only use what its
                # writer reads himself (e.g. no wage for an officer without HR manager rights).
                try:
                    self.env(su=False)["hr.employee"]._search(domain)
                except AccessError:
                    raise
                except Exception as error:
                    raise ValidationError(
                        self.env._("The participant filter is not a valid domain.")
                    ) from error

    @api.ondelete(at_uninstall=False)
    def _unlink_except_launched(self):
        if any(cycle.state not in ("draft", "cancel") for cycle in self):
            raise UserError(self.env._("Launched cycles cannot be deleted; archive them."))

    def _get_participant_domain(self):
        self.ensure_one()
        domain = Domain("company_id", "=", self.company_id.id)
        if self.participant_mode == "department":
            domain &= Domain("department_id", "child_of", self.department_ids.ids)
        elif self.participant_mode == "tag":
            domain &= Domain("category_ids", "in", self.category_ids.ids)
        elif self.participant_mode == "employee":
            domain &= Domain("id", "in", self.employee_ids.ids)
        elif self.participant_mode == "domain":
            domain &= Domain(safe_eval(self.participant_domain or "[]"))
        return domain

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def action_start_manager_phase(self):
        """Close the self-review phase: pending self reviews move to the manager."""
        self._check_officer()
        reviews = self.review_ids.filtered(lambda review: review.state == "self_review")
        reviews._move_to_manager_phase()

    def action_start_calibration(self):
        self._check_officer()
        for cycle in self:
            if cycle.state != "running":
                raise UserError(self.env._("Only a running cycle can go to calibration."))
        write_workflow(self, {"state": "calibration"})

    def action_release(self):
        self._check_officer()
        for cycle in self:
            if cycle.state not in ("running", "calibration"):
                raise UserError(self.env._("Only a running or calibrated cycle can be released."))
        reviews = self.review_ids.filtered(lambda review: review.state == "calibration")
        reviews.action_release()
        write_workflow(self, {"state": "released"})

    def action_close(self):
        self._check_officer()
        if any(cycle.state != "released" for cycle in self):
            raise UserError(self.env._("Only a released cycle can be closed."))
        write_workflow(self, {"state": "closed"})

    def action_cancel(self):
        self._check_officer()
        if any(cycle.state == "closed" for cycle in self):
            raise UserError(self.env._("A closed cycle cannot be cancelled."))
        # sudo: an officer (checked above) cancels the open reviews of his own cycle
        self.review_ids.filtered(lambda r: r.state not in ("released", "done")).sudo().write(
            {"state": "cancel"}
        )
        write_workflow(self, {"state": "cancel"})

    def action_draft(self):
        self._check_officer()
        if any(cycle.state != "cancel" for cycle in self):
            raise UserError(self.env._("Only a cancelled cycle can go back to draft."))
        write_workflow(self, {"state": "draft"})

    @api.depends("review_ids.state", "review_ids.manager_id.user_id")
    def _compute_no_login_count(self):
        no_login = dict(
            self.env["performance.review"]._read_group(
                [
                    ("cycle_id", "in", self.ids),
                    ("state", "in", ("self_review", "manager_review")),
                    ("manager_id", "!=", False),
                    ("manager_id.user_id", "=", False),
                ],
                ["cycle_id"],
                ["__count"],
            )
        )
        for cycle in self:
            cycle.no_login_count = no_login.get(cycle._origin, 0)

    def action_open_phase(self):
        """Launch, calibration and release go through a check of who is left behind."""
        self.ensure_one()
        self._check_officer()
        phase = self.env.context.get("performance_phase")
        wizard = self.env["performance.cycle.phase"].create({"cycle_id": self.id, "phase": phase})
        if phase == "calibration" and not (wizard.behind_count or wizard.no_login_count):
            return wizard.action_go_on()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("%(cycle)s: next phase", cycle=self.name),
            "res_model": "performance.cycle.phase",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_view_behind(self):
        return self._action_view_reviews_in(BEHIND_STATES.get(self.state, ()))

    def _action_view_reviews_in(self, states):
        """The reviews of this cycle still in these states (left behind)."""
        action = self.action_view_reviews()
        action["domain"] = [("cycle_id", "=", self.id), ("state", "in", states)]
        action["name"] = self.env._("Reviews Behind")
        return action

    def action_view_no_login(self):
        action = self.action_view_reviews()
        action["domain"] = [
            ("cycle_id", "=", self.id),
            ("state", "in", ("self_review", "manager_review")),
            ("manager_id", "!=", False),
            ("manager_id.user_id", "=", False),
        ]
        action["name"] = self.env._("Reviews Whose Reviewer Cannot Log In")
        return action

    def action_view_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_review_action"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {"default_cycle_id": self.id}
        return action

    def action_view_no_manager(self):
        action = self.action_view_reviews()
        action["domain"] = [("cycle_id", "=", self.id), ("manager_id", "=", False)]
        action["name"] = self.env._("Reviews Without Reviewer")
        return action

    def action_view_calibration(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_review_assessment_action"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        return action

    def action_view_nine_box(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_review_nine_box_action"
        )
        action["context"] = {"search_default_cycle_id": self.id}
        return action

    def _check_officer(self):
        if not self.env.is_superuser() and not is_officer(self.env.user):
            raise UserError(self.env._("Only performance officers can run review cycles."))

    # Launch ------------------------------------------------------------------------------

    def _launch_batch_size(self):
        # sudo: one named system parameter, the batch size
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("performance_management.launch_batch_size")
        )
        return int(param or DEFAULT_LAUNCH_BATCH_SIZE)

    def action_launch(self):
        """Create the missing reviews; a small cycle at once, a large one through the cron.

        Launching again (for late joiners) only creates what is missing.
        """
        self._check_officer()
        for cycle in self:
            if cycle.state not in ("draft", "running"):
                raise UserError(self.env._("Only a draft or running cycle can be launched."))
            pending = cycle._get_pending_participants()
            if not pending and cycle.state == "draft":
                raise UserError(
                    self.env._("The cycle %(cycle)s has no participants.", cycle=cycle.name)
                )
            write_workflow(cycle, {"state": "running"})
            if len(pending) <= cycle._launch_batch_size():
                cycle._launch_batch(pending)
                write_workflow(cycle, {"launch_state": "done"})
            else:
                write_workflow(cycle, {"launch_state": "queued"})
                self.env.ref("performance_management.ir_cron_performance_cycle_launch")._trigger()
        return True

    def action_add_late_joiners(self):
        """Launch again for who joined since, and say how many were added."""
        self.ensure_one()
        self._check_officer()
        count = len(self._get_pending_participants())
        self.action_launch()
        if not count:
            message = self.env._("Nobody joined since the launch: no review was added.")
        elif self.launch_state == "queued":
            message = self.env._(
                "%(count)s late joiners: their reviews are being created in the background.",
                count=count,
            )
        elif count == 1:
            message = self.env._("One late joiner added to the cycle.")
        else:
            message = self.env._("%(count)s late joiners added to the cycle.", count=count)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if count else "info",
                "message": message,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _get_pending_participants(self):
        """Participants without a review in this cycle yet."""
        self.ensure_one()
        # sudo: which participants already have a review of this cycle, ids only
        domain = self._get_participant_domain() & Domain(
            "id",
            "not in",
            self.env["performance.review"]
            .sudo()
            ._search([("cycle_id", "=", self.id)], active_test=False)
            .subselect("employee_id"),
        )
        # sudo: the cycle's participants (officer's launch or cron), every one of them
        return self.env["hr.employee"].sudo().search(domain, order="id")

    @api.model
    def _cron_launch_cycles(self):
        # A launch keeps the cron worker past the scheduler's turn (10 runs and 10 s): with
        # one cron worker, the jobs that became ready meanwhile would run before its next
        # batch (149 s of reminders in a 259-s launch under load, benchmarks/README.md).
        # Each batch is still committed; it gives the worker back after its own budget.
        deadline = time.monotonic() + self._launch_cron_seconds()
        cycles = self.search([("launch_state", "=", "queued")])
        for index, cycle in enumerate(cycles):
            while True:
                size = cycle._launch_batch_size()
                pending = cycle._get_pending_participants()
                batch = pending[:size]
                if batch:
                    cycle._launch_batch(batch)
                if len(pending) <= size:
                    write_workflow(cycle, {"launch_state": "done"})
                remaining = max(len(pending) - len(batch), 0)
                # the cycles queued after this one count as one more to come each
                left = remaining + len(cycles) - index - 1
                if not commit_cron_batch(self.env, len(batch), left) and (
                    time.monotonic() > deadline
                ):
                    return
                if not remaining:
                    break

    @api.model
    def _launch_cron_seconds(self):
        """How long a launch may keep the cron worker: half of the cron's real-time limit
        (``limit_time_real_cron``, -1 for ``limit_time_real``), ten minutes without one."""
        limit = config["limit_time_real_cron"]
        if limit == -1:
            limit = config["limit_time_real"]
        return limit / 2 if limit and limit > 0 else 600

    def _launch_batch(self, employees):
        """Create the reviews of a slice of employees with a fixed number of queries."""
        self.ensure_one()
        if not employees:
            return self.env["performance.review"]
        # sudo: the launch creates the reviews of an officer's cycle (or the cron's)
        Review = (
            self.env["performance.review"]
            .sudo()
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
            )
        )
        # sudo: the launch reads managers, jobs and users of the participants it just selected
        employees = employees.sudo()
        employees.fetch(["parent_id", "job_id", "department_id", "user_id", "company_id"])
        # sudo: the templates of the cycle's company, to pick one per participant
        templates = (
            self.env["performance.review.template"]
            .sudo()
            .search([("company_id", "in", [self.company_id.id, False])])
        )
        templates.fetch(["job_ids", "department_ids", "line_ids", "include_goals"])
        templates.line_ids.fetch(
            ["display_type", "name", "question_type", "answered_by", "weight", "sequence"]
        )
        job_skills = self._launch_job_skills(employees)
        goals = self._launch_goals(employees)
        vals_list, lines_list = [], []
        for employee in employees:
            template = self._launch_template(employee, templates)
            vals_list.append(
                {
                    "cycle_id": self.id,
                    "employee_id": employee.id,
                    "manager_id": employee._performance_manager().id,
                    "template_id": template.id,
                    "company_id": self.company_id.id,
                    "date_start": self.date_start,
                    "date_end": self.date_end,
                    "assessment_ids": [Command.create({})],
                }
            )
            lines_list.append(
                template._prepare_review_lines(
                    job_skills.get(employee.job_id.id, []), goals.get(employee.id, [])
                )
            )
        reviews = Review.create(vals_list)
        line_vals = []
        for review, commands in zip(reviews, lines_list, strict=True):
            for command in commands:
                line_vals.append(
                    dict(
                        command[2],
                        review_id=review.id,
                        company_id=review.company_id.id,
                        employee_id=review.employee_id.id,
                    )
                )
        self.env["performance.review.line"]._bulk_insert(line_vals)
        # every one2many of the lines, whatever its domain
        reviews.invalidate_recordset(
            [
                name
                for name, field in reviews._fields.items()
                if field.type == "one2many" and field.comodel_name == "performance.review.line"
            ]
        )
        reviews.modified(["line_ids"])
        requests = self._launch_peer_requests(reviews)
        self.env["survey.user_input"]._performance_launch(reviews, requests)
        self._launch_subscribe(
            reviews, [review.employee_id.user_id.partner_id for review in reviews]
        )
        reviews.with_context(performance_followers_set=True)._schedule_self_review_activities()
        reviews._send_invitations()
        return reviews

    def _launch_template(self, employee, templates):
        for template in templates:
            if employee.job_id in template.job_ids:
                return template
        for template in templates:
            if employee.department_id in template.department_ids:
                return template
        return self.template_id

    def _launch_job_skills(self, employees):
        jobs = employees.job_id
        if not jobs:
            return {}
        result = {}
        # sudo: the skills the participants' jobs expect, for the competency lines
        job_skills = self.env["hr.job.skill"].sudo().search([("job_id", "in", jobs.ids)])
        job_skills.fetch(["job_id", "skill_id", "skill_level_id", "skill_type_id"])
        for job_skill in job_skills:
            result.setdefault(job_skill.job_id.id, []).append(job_skill)
        return result

    def _launch_goals(self, employees):
        # sudo: the participants' goals of the period become lines of their own reviews
        Goal = self.env["performance.goal"].sudo()
        domain = Domain("employee_id", "in", employees.ids)
        domain &= Domain.OR(
            [
                Domain("date_start", "=", False),
                Domain("date_start", "<=", self.date_end),
            ]
        ) & Domain.OR(
            [
                Domain("date_deadline", "=", False),
                Domain("date_deadline", ">=", self.date_start),
            ]
        )
        domain &= Domain("state", "not in", ("cancel", "draft"))
        result = {}
        for goal in Goal.search(domain):
            result.setdefault(goal.employee_id.id, []).append(goal)
        return result

    def _launch_peer_load(self, colleagues):
        """{colleague id: peer requests he already has in the cycle} (earlier batches)."""
        # sudo: a count of the launch's own requests, per colleague it may ask
        counts = (
            self.env["performance.feedback"]
            .sudo()
            ._read_group(
                [
                    ("review_id.cycle_id", "=", self.id),
                    ("is_request", "=", True),
                    ("author_id", "in", colleagues.ids),
                ],
                ["author_id"],
                ["__count"],
            )
        )
        return {author.id: count for author, count in counts}

    def _launch_pick_peers(self, candidates, load):
        """The peer_count candidates with the fewest requests so far, none past the cap.

        Ties go to the lowest id, so a launch is deterministic; ``load`` is updated.
        """
        cap = self.peer_rater_cap
        eligible = [peer for peer in candidates if not cap or load.get(peer.id, 0) < cap]
        peers = sorted(eligible, key=lambda peer: (load.get(peer.id, 0), peer.id))
        peers = peers[: self.peer_count]
        for peer in peers:
            load[peer.id] = load.get(peer.id, 0) + 1
        return peers

    def _launch_peer_requests(self, reviews):
        """Ask up to peer_count colleagues of the same manager for feedback."""
        # sudo: the launch asks peers for feedback on behalf of each review's manager
        Feedback = self.env["performance.feedback"].sudo()
        if not self.peer_count:
            return Feedback
        managers = reviews.employee_id.parent_id
        # sudo: the reviewed employees' colleagues under the same manager, to ask them: those
        # with a user, and those with a work e-mail where a questionnaire's token link lets
        # them answer without one
        colleagues = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("parent_id", "in", managers.ids),
                    "|",
                    ("user_id", "!=", False),
                    ("work_email", "!=", False),
                ],
                order="id",
            )
        )
        by_manager = {}
        for colleague in colleagues:
            by_manager.setdefault(colleague.parent_id.id, []).append(colleague)
        load = self._launch_peer_load(colleagues)
        vals_list = []
        for review in reviews:
            peers = self._launch_pick_peers(
                [
                    peer
                    for peer in by_manager.get(review.employee_id.parent_id.id, [])
                    if peer != review.employee_id
                    and (peer.user_id or review.template_id.survey_peer_id)
                ],
                load,
            )
            vals_list += [
                review._prepare_feedback_request(peer, review.manager_id or review.employee_id)
                for peer in peers
            ]
        requests = Feedback.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(vals_list)
        activity_type = self.env.ref(
            "performance_management.mail_activity_type_feedback_request", raise_if_not_found=False
        )
        if activity_type and requests:
            self._launch_subscribe(
                requests, [req.author_id.user_id.partner_id for req in requests]
            )
            model_id = self.env["ir.model"]._get_id(Feedback._name)
            # sudo: to-dos for the people asked, on the requests the launch just created
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True, performance_followers_set=True
            ).create(
                [
                    {
                        "activity_type_id": activity_type.id,
                        "res_model_id": model_id,
                        "res_id": request.id,
                        "user_id": request.author_id.user_id.id,
                        "date_deadline": request.date_deadline,
                        "summary": request.name,
                        "automated": True,
                    }
                    for request in requests
                    # a rater without a user answers through his invitation's token link
                    if request.author_id.user_id
                ]
            )
        return requests

    def _launch_subscribe(self, records, partners):
        """Make partners[i] a follower of records[i], in one insert.

        mail.activity subscribes each assignee with queries of its own; the activities
        created next find their assignees already following.
        """
        pairs = {
            (record.id, partner.id)
            for record, partner in zip(records, partners, strict=True)
            if partner
        }
        if not pairs:
            return
        # sudo: followers of the records the launch just created, in one batch
        Followers = self.env["mail.followers"].sudo()
        existing = Followers.search_fetch(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)],
            ["res_id", "partner_id"],
        )
        pairs -= {(follower.res_id, follower.partner_id.id) for follower in existing}
        _all, _internal, external = self.env["mail.message.subtype"].default_subtypes(
            records._name
        )
        partners = self.env["res.partner"].browse({partner_id for _id, partner_id in pairs})
        shared = set(partners.filtered("partner_share").ids)
        Followers.create(
            [
                {
                    "res_model": records._name,
                    "res_id": res_id,
                    "partner_id": partner_id,
                    "subtype_ids": [Command.set((external if partner_id in shared else _all).ids)],
                }
                for res_id, partner_id in sorted(pairs)
            ]
        )

    # Evaluation --------------------------------------------------------------------------

    def _compute_evaluation(self):
        # Read through the analysis view with the reader's rights, in one grouped scan: each
        # rate is an average, summed here over the groups and divided by their count.
        rate_fields = [
            "self_done_rate",
            "manager_done_rate",
            "released_rate",
            "acknowledged_rate",
            "self_on_time_rate",
            "manager_on_time_rate",
        ]
        totals = defaultdict(lambda: defaultdict(float))
        for cycle, calibrated, raised, has_goals, count, *sums in self.env[
            "performance.report"
        ]._read_group(
            [("cycle_id", "in", self.ids)],
            ["cycle_id", "is_calibrated", "is_raised", "has_goals"],
            [
                "__count",
                *(f"{name}:sum" for name in rate_fields),
                "final_rating:sum",
                "final_rating:count",
                "goal_attainment:sum",
                "goal_attainment:count",
            ],
        ):
            total = totals[cycle]
            total["count"] += count
            for name, value in zip(rate_fields, sums, strict=False):
                total[name] += value or 0.0
            rating_sum, rating_count, goal_sum, goal_count = sums[len(rate_fields) :]
            total["rating_sum"] += rating_sum or 0.0
            total["rating_count"] += rating_count or 0
            if has_goals:
                total["goal_sum"] += goal_sum or 0.0
                total["goal_count"] += goal_count or 0
            if calibrated:
                total["up" if raised else "down"] += count
        rates, ratings, goals, shifts = {}, {}, {}, {}
        for cycle, total in totals.items():
            count = total["count"]
            rates[cycle] = [count, *(total[name] / count for name in rate_fields)]
            if total["rating_count"]:
                ratings[cycle] = total["rating_sum"] / total["rating_count"]
            if total["goal_count"]:
                goals[cycle] = total["goal_sum"] / total["goal_count"]
            shifts[cycle, True] = int(total["up"])
            shifts[cycle, False] = int(total["down"])
        peers = self._get_peer_participation()
        for cycle in self:
            count, self_done, manager_done, released, acknowledged, self_on_time, on_time = (
                rates.get(cycle._origin, [0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
            )
            cycle.evaluation_review_count = count
            cycle.self_completion_rate = self_done
            cycle.manager_completion_rate = manager_done
            cycle.completion_rate = released
            cycle.acknowledged_rate = acknowledged
            cycle.self_on_time_rate = self_on_time
            cycle.manager_on_time_rate = on_time
            cycle.average_rating = ratings.get(cycle._origin, 0.0)
            cycle.goal_attainment_rate = goals.get(cycle._origin, 0.0)
            cycle.calibration_up_count = shifts.get((cycle._origin, True), 0)
            cycle.calibration_down_count = shifts.get((cycle._origin, False), 0)
            cycle.calibration_change_count = (
                cycle.calibration_up_count + cycle.calibration_down_count
            )
            requested, answered = peers.get(cycle._origin.id, (0, 0))
            cycle.peer_request_count = requested
            cycle.peer_answer_count = answered
            cycle.peer_participation_rate = answered * 100.0 / requested if requested else 0.0
            cycle.leniency_html = cycle._get_leniency_html() if cycle._origin else False

    def _get_peer_participation(self):
        """{cycle id: (360 requests, answered)}; anonymous answers count on their request."""
        Feedback = self.env["performance.feedback"]
        base = [
            ("review_id.cycle_id", "in", self.ids),
            ("is_request", "=", True),
            ("author_id", "!=", False),
            ("state", "!=", "cancelled"),
        ]
        result = {}
        for cycle, state, count in Feedback._read_group(
            base, ["review_id.cycle_id", "state"], ["__count"]
        ):
            requested, answered = result.get(cycle.id, (0, 0))
            answered += count if state in ("done", "answered") else 0
            result[cycle.id] = (requested + count, answered)
        # sudo: a count only; answered anonymous requests look open until their batch of
        # answers is released
        for cycle, count in Feedback.sudo()._read_group(
            [*base, ("state", "=", "requested"), ("anonymous_answered", "=", True)],
            ["review_id.cycle_id"],
            ["__count"],
        ):
            requested, answered = result.get(cycle.id, (0, 0))
            result[cycle.id] = (requested, answered + count)
        return result

    def _get_rating_distribution(self):
        """Each level of the scale: guideline share, reviews, actual share and the gap."""
        self.ensure_one()
        counts = dict(
            self.env["performance.report"]._read_group(
                [("cycle_id", "=", self.id), ("final_rating_id", "!=", False)],
                ["final_rating_id"],
                ["__count"],
            )
        )
        total = sum(counts.values())
        rows = []
        for level in self.scale_id.level_ids.sorted("value"):
            count = counts.get(level, 0)
            share = count * 100.0 / total if total else 0.0
            rows.append(
                {
                    "level": level,
                    "target": level.target_percent,
                    "count": count,
                    "percent": share,
                    "gap": share - level.target_percent,
                }
            )
        return rows

    def _get_leniency(self):
        """Per manager: average final rating against comparable teams, and calibration moves.

        Comparable teams are the other managers' reviews in the same departments; without
        any, the rest of the cycle.
        """
        self.ensure_one()
        Report = self.env["performance.report"]
        domain = [("cycle_id", "=", self.id), ("final_rating_id", "!=", False)]
        cells = Report._read_group(
            domain, ["manager_id", "department_id"], ["__count", "final_rating:sum"]
        )
        moves = {
            (manager, raised): count
            for manager, raised, count in Report._read_group(
                [("cycle_id", "=", self.id), ("is_calibrated", "=", True)],
                ["manager_id", "is_raised"],
                ["__count"],
            )
        }
        scale = self.scale_id
        threshold = LENIENCY_THRESHOLD * (scale.max_value - scale.min_value)
        managers = {}
        for manager, department, count, total in cells:
            managers.setdefault(manager, []).append((department, count, total))
        rows = []
        for manager, team_cells in managers.items():
            count = sum(cell[1] for cell in team_cells)
            average = sum(cell[2] for cell in team_cells) / count
            departments = {cell[0] for cell in team_cells}
            others = [cell for cell in cells if cell[0] != manager and cell[1] in departments]
            if not others:
                others = [cell for cell in cells if cell[0] != manager]
            other_count = sum(cell[2] for cell in others)
            baseline = sum(cell[3] for cell in others) / other_count if other_count else average
            delta = average - baseline
            if count < LENIENCY_MIN_REVIEWS or not other_count:
                indicator = "few"
            elif delta >= threshold:
                indicator = "lenient"
            elif delta <= -threshold:
                indicator = "severe"
            else:
                indicator = "balanced"
            rows.append(
                {
                    "manager": manager,
                    "count": count,
                    "average": average,
                    "baseline": baseline,
                    "delta": delta,
                    "indicator": indicator,
                    "indicator_label": self._leniency_labels()[indicator],
                    "raised": moves.get((manager, True), 0),
                    "lowered": moves.get((manager, False), 0),
                }
            )
        return sorted(rows, key=lambda row: (-row["delta"], row["manager"].name or ""))

    def _leniency_labels(self):
        return {
            "few": self.env._("Too few reviews"),
            "lenient": self.env._("Lenient"),
            "severe": self.env._("Severe"),
            "balanced": self.env._("Balanced"),
        }

    def _get_leniency_html(self):
        rows = self._get_leniency()
        if not rows:
            return False
        return self.env["ir.qweb"]._render(
            "performance_management.performance_cycle_leniency", {"rows": rows}
        )

    def action_view_analysis(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_report_action"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {"search_default_group_by_manager": 1}
        return action

    def action_print_evaluation(self):
        return self.env.ref(
            "performance_management.action_report_performance_cycle_evaluation"
        ).report_action(self)
