from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval

from ..tools import is_officer, percent, settable, write_workflow

# The deadlines of a cycle in the order its phases run.
PHASE_DEADLINES = (
    "date_self_deadline",
    "date_peer_deadline",
    "date_manager_deadline",
    "date_calibration_deadline",
    "date_release",
    "date_acknowledge_deadline",
)

# Reviews still in these states once the cycle is in that state were left behind.
BEHIND_STATES = {
    "calibration": ("self_review", "manager_review"),
    "released": ("self_review", "manager_review", "calibration"),
    "closed": ("self_review", "manager_review", "calibration"),
}


class PerformanceCycle(models.Model):
    """A review program: who is reviewed, with which template and on which deadlines.

    Its launch is in performance_cycle_launch.py, its evaluation (read from the
    ``performance.report`` view) in report/performance_cycle_evaluation.py.
    """

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
