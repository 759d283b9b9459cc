import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import FiniteFloat, is_officer, settable, write_workflow

MINUTE_REPORT = "performance_management.action_report_calibration_session"


class PerformanceCalibrationSession(models.Model):
    """A calibration meeting: blind pre-ratings, the disagreements they show, audited moves."""

    _name = "performance.calibration.session"
    _description = "Calibration Session"
    _inherit = ("mail.thread",)
    _order = "date_session desc, id desc"
    _check_company_auto = True
    # participants read the session; the chatter follows
    _mail_post_access = "read"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    cycle_id = fields.Many2one(
        "performance.cycle", required=True, index=True, check_company=True, tracking=True
    )
    facilitator_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="A performance officer who runs the session. Like everyone else, the "
        "facilitator sees only how many votes came in until the session opens.",
    )
    participant_ids = fields.Many2many(
        "res.users",
        "performance_calibration_session_participant_rel",
        "session_id",
        "user_id",
        string="Participants",
        domain=[("share", "=", False)],
        help="Managers and HR who pre-rate the reviews in scope they may read.",
    )
    department_ids = fields.Many2many("hr.department", string="Departments", check_company=True)
    manager_ids = fields.Many2many(
        "hr.employee",
        "performance_calibration_session_manager_rel",
        "session_id",
        "employee_id",
        string="Managers",
        check_company=True,
        help="The reviews these managers write. With no department and no manager, "
        "the whole cycle is in scope.",
    )
    review_ids = fields.Many2many(
        "performance.review",
        "performance_calibration_session_review_rel",
        "session_id",
        "review_id",
        string="Reviews in Scope",
        readonly=True,
        copy=False,
        help="Computed from the cycle, departments and managers until the session opens; "
        "frozen from then on.",
    )
    review_count = fields.Integer(compute="_compute_review_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("pre_rating", "Pre-Rating"),
            ("open", "Open"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_session = fields.Date(
        "Session Date", required=True, default=fields.Date.context_today, tracking=True
    )
    date_pre_rating_deadline = fields.Date("Pre-Rating Deadline")
    date_opened = fields.Datetime(readonly=True, copy=False)
    date_closed = fields.Datetime(readonly=True, copy=False)
    threshold = FiniteFloat(
        "Disagreement Threshold (%)",
        default=20.0,
        help="Votes are a disagreement when they lie further apart from each other, or from "
        "the current final rating, than this share of the rating scale.",
    )
    vote_count = fields.Integer(compute="_compute_vote_counts", string="Votes Cast")
    voter_count = fields.Integer(compute="_compute_vote_counts", string="Participants Who Voted")
    my_vote_count = fields.Integer(compute="_compute_vote_counts", string="My Votes")
    disagreement_ids = fields.One2many(
        "performance.calibration.disagreement", "session_id", string="Disagreements"
    )
    disagreement_count = fields.Integer(compute="_compute_disagreement_count")
    move_count = fields.Integer(compute="_compute_move_count", string="Moves")
    is_participant = fields.Boolean(compute="_compute_is_participant")
    minute_pdf = fields.Binary("Minute", attachment=True, readonly=True, copy=False)
    minute_filename = fields.Char(compute="_compute_minute_filename")

    _threshold_range = models.Constraint(
        "CHECK(threshold >= 0 AND threshold <= 100)",
        "The disagreement threshold is a share of the scale, between 0 and 100.",
    )

    @api.depends("review_ids")
    def _compute_review_count(self):
        for session in self:
            session.review_count = len(session.review_ids)

    @api.depends_context("uid")
    def _compute_vote_counts(self):
        Vote = self.env["performance.calibration.vote"]
        # sudo: counts only, of the sessions the user reads; the votes stay blind
        # (record rules) until the session opens
        done = Domain("session_id", "in", self.ids) & Domain("rating_id", "!=", False)
        counts = dict(Vote.sudo()._read_group(done, ["session_id"], ["__count"]))
        voters = dict(Vote.sudo()._read_group(done, ["session_id"], ["voter_id:count_distinct"]))
        mine = dict(
            Vote.sudo()._read_group(
                done & Domain("voter_id", "=", self.env.uid), ["session_id"], ["__count"]
            )
        )
        for session in self:
            session.vote_count = counts.get(session, 0)
            session.voter_count = voters.get(session, 0)
            session.my_vote_count = mine.get(session, 0)

    @api.depends("disagreement_ids")
    def _compute_disagreement_count(self):
        for session in self:
            session.disagreement_count = len(session.disagreement_ids)

    def _compute_move_count(self):
        for session in self:
            session.move_count = len(session._minute_moves())

    @api.depends_context("uid")
    @api.depends("participant_ids")
    def _compute_is_participant(self):
        for session in self:
            session.is_participant = self.env.user in session.participant_ids

    @api.depends("name")
    def _compute_minute_filename(self):
        for session in self:
            session.minute_filename = self.env._(
                "Calibration minute - %(name)s.pdf", name=session.name or ""
            )

    @api.constrains("facilitator_id")
    def _check_facilitator(self):
        for session in self:
            if not is_officer(session.facilitator_id):
                raise ValidationError(
                    self.env._(
                        "The facilitator of %(session)s must be a performance officer: "
                        "moves during calibration are theirs.",
                        session=session.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._refresh_scope()
        return sessions

    def write(self, vals):
        scope = {"cycle_id", "department_ids", "manager_ids", "company_id"} & set(vals)
        if scope and any(s.state not in ("draft", "pre_rating") for s in self):
            raise UserError(self.env._("The scope of a session is frozen once it opens."))
        res = super().write(vals)
        if scope:
            self._refresh_scope()
        return res

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(session.state in ("open", "closed") for session in self):
            raise UserError(self.env._("An opened calibration session is kept: it is a minute."))

    def _get_scope_domain(self):
        self.ensure_one()
        domain = Domain("cycle_id", "=", self.cycle_id.id) & Domain("state", "!=", "cancel")
        parts = []
        if self.department_ids:
            parts.append(Domain("department_id", "child_of", self.department_ids.ids))
        if self.manager_ids:
            parts.append(Domain("manager_id", "in", self.manager_ids.ids))
        return domain & Domain.OR(parts) if parts else domain

    def _refresh_scope(self):
        """The reviews in scope, while the session is prepared (frozen once it opens)."""
        for session in self.filtered(lambda s: s.state in ("draft", "pre_rating")):
            # sudo: the scope is the session's definition, whoever reads it; each participant
            # reads and votes on the reviews of it he may read (vote rules and constraints)
            reviews = self.env["performance.review"].sudo().search(session._get_scope_domain())
            session.sudo().review_ids = reviews

    def action_start_pre_rating(self):
        for session in self:
            if session.state != "draft":
                raise UserError(self.env._("Only a draft session starts its pre-rating."))
            if not session.participant_ids:
                raise UserError(self.env._("Add the participants who pre-rate first."))
        write_workflow(self, {"state": "pre_rating"})
        self._refresh_scope()
        return True

    def action_open(self):
        for session in self:
            if session.state not in ("draft", "pre_rating"):
                raise UserError(self.env._("Only a session in preparation opens."))
        self._refresh_scope()
        self._check_no_overlap()
        write_workflow(self, {"state": "open", "date_opened": fields.Datetime.now()})
        # the votes are readable now (record rules): the disagreements are computed with them
        self._compute_disagreements()
        return True

    def action_close(self):
        for session in self:
            if session.state != "open":
                raise UserError(self.env._("Only an open session closes."))
        write_workflow(self, {"state": "closed", "date_closed": fields.Datetime.now()})
        self._store_minute()
        return True

    def _check_no_overlap(self):
        # a move is recorded against the one open session whose scope holds the review
        for session in self:
            # sudo: only whether another open session holds these reviews, none of its data
            other = self.sudo().search(
                [
                    ("id", "!=", session.id),
                    ("state", "=", "open"),
                    ("review_ids", "in", session.review_ids.ids),
                ],
                limit=1,
            )
            if other:
                raise UserError(
                    self.env._(
                        "Another session is open on some of these reviews: %(other)s. "
                        "Close it first.",
                        other=other.name,
                    )
                )

    def _compute_disagreements(self):
        """Reviews whose votes differ (from each other or from the rating) beyond the threshold."""
        Disagreement = self.env["performance.calibration.disagreement"]
        for session in self:
            votes = self.env["performance.calibration.vote"].search(
                [("session_id", "=", session.id), ("rating_id", "!=", False)]
            )
            lines = []
            for review in session.review_ids:
                review_votes = votes.filtered(lambda v, r=review: v.review_id == r)
                if review_votes:
                    line = Disagreement._prepare_line(session, review, review_votes)
                    if line:
                        lines.append(line)
            # sudo: the lines are the system's, computed from votes the opener may now read
            session.disagreement_ids.sudo().unlink()
            lines.sort(key=lambda line: -line["spread"])
            Disagreement.sudo().create(lines)

    def _store_minute(self):
        report = self.env["ir.actions.report"]
        for session in self:
            content, kind = report._render_qweb_pdf(MINUTE_REPORT, session.ids)
            if kind == "pdf":  # Odoo's test mode renders HTML unless told otherwise
                # sudo: the frozen minute is nobody's to write; the close (checked) stores it
                session.sudo().minute_pdf = base64.b64encode(content)

    def _minute_moves(self):
        """The calibration changes made through this session, for whoever reads it."""
        self.ensure_one()
        if not self.id:
            return self.env["performance.calibration.log"]
        self.check_access("read")
        # sudo: the log is the officers'; the moves of a session are part of its minute,
        # which its participants and facilitator read
        return (
            self.env["performance.calibration.log"]
            .sudo()
            .search([("session_id", "=", self.id)], order="create_date, id")
        )

    def action_open_my_votes(self):
        """The participant's vote screen: one line per review in scope he may read."""
        self.ensure_one()
        if self.state == "pre_rating" and self.is_participant:
            self.env["performance.calibration.vote"]._ensure_lines(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Pre-Ratings"),
            "res_model": "performance.calibration.vote",
            "view_mode": "list",
            "views": [
                [
                    self.env.ref(
                        "performance_management.performance_calibration_vote_view_list"
                    ).id,
                    "list",
                ]
            ],
            "domain": [("session_id", "=", self.id), ("voter_id", "=", self.env.uid)],
            "context": {"default_session_id": self.id},
        }

    def action_view_votes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Votes"),
            "res_model": "performance.calibration.vote",
            "view_mode": "list",
            "domain": [("session_id", "=", self.id)],
            "context": {"search_default_group_review": 1, "create": False},
        }

    def action_view_nine_box(self):
        """The existing 9-box, on the reviews of this session: moves there are recorded."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_review_nine_box_action"
        )
        action["domain"] = [("review_id", "in", self.review_ids.ids)]
        action["name"] = self.env._("9-Box: %(session)s", session=self.name)
        return action

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_calibration_log_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        return action

    def action_print_minute(self):
        self.ensure_one()
        return self.env.ref(MINUTE_REPORT).report_action(self)
