import re

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import FiniteFloat, is_officer, settable

# The recency meter: a period longer than this many days warns when more than this share of
# what its writer cites dates from its last six weeks.
RECENCY_WINDOW_DAYS = 42
RECENCY_MIN_PERIOD_DAYS = 90
RECENCY_MAX_SHARE = 0.5
# A bullet whose words survive at least this share in the final text counts as edited, not removed.
EDITED_MIN_WORDS = 0.6


def _words(text):
    return re.findall(r"\w+", (text or "").casefold())


def _flat(text):
    return " ".join(_words(text))


class PerformanceReviewDraft(models.Model):
    """One writer's part of a review: strengths, areas to grow, what they cite, what was drafted.

    The employee writes the ``employee`` draft during the self review, the reviewer the
    ``manager`` one during the manager review; record rules keep the manager's from the
    employee until the review is released, as they do for the review lines.
    """

    _name = "performance.review.draft"
    _description = "Review Strengths and Areas to Grow"
    _order = "review_id, role"

    review_id = fields.Many2one(
        "performance.review", required=True, index=True, ondelete="cascade"
    )
    role = fields.Selection(
        [("employee", "Self Review"), ("manager", "Manager Review")], required=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(related="review_id.employee_id", store=True, index=True)
    review_state = fields.Selection(related="review_id.state")
    strengths = fields.Text()
    areas_to_grow = fields.Text(string="Areas to Grow")
    # What "Draft from evidence" proposed: [{section, text, sources: [{model, id, label}]}]
    drafted_bullets = fields.Json(readonly=True, copy=False)
    # What the writer cites: [{model, id, date, label, origin}], origin "manual" or "draft"
    citations = fields.Json(readonly=True, copy=False)
    drafted_count = fields.Integer(compute="_compute_outcome", store=True)
    kept_count = fields.Integer(
        compute="_compute_outcome", store=True, help="Drafted bullets kept word for word."
    )
    edited_count = fields.Integer(
        compute="_compute_outcome", store=True, help="Drafted bullets kept with edits."
    )
    outcome_html = fields.Html(compute="_compute_outcome_html", sanitize=False)
    citation_count = fields.Integer(compute="_compute_recency")
    recent_share = FiniteFloat(
        compute="_compute_recency", help="Share of citations in the period's last six weeks."
    )
    recency_warning = fields.Boolean(compute="_compute_recency")

    _review_role_unique = models.UniqueIndex(
        "(review_id, role)", "A review has one draft per part."
    )

    @api.depends("drafted_bullets", "strengths", "areas_to_grow")
    def _compute_outcome(self):
        for draft in self:
            bullets = draft._bullet_outcomes()
            draft.drafted_count = len(bullets)
            draft.kept_count = sum(1 for _bullet, outcome in bullets if outcome == "kept")
            draft.edited_count = sum(1 for _bullet, outcome in bullets if outcome == "edited")

    @api.depends("drafted_bullets", "strengths", "areas_to_grow")
    def _compute_outcome_html(self):
        labels = {"strength": self.env._("Strength"), "area": self.env._("Area to grow")}
        outcomes = {
            "kept": self.env._("kept"),
            "edited": self.env._("edited"),
            "removed": self.env._("removed"),
        }
        for draft in self:
            bullets = draft._bullet_outcomes()
            draft.outcome_html = self.env["ir.qweb"]._render(
                "performance_management.performance_review_draft_outcome",
                {"bullets": bullets, "labels": labels, "outcomes": outcomes},
            )

    @api.depends("citations", "review_id.date_start", "review_id.date_end")
    def _compute_recency(self):
        for draft in self:
            share = draft._recent_share(draft.citations or [])
            draft.citation_count = len(draft.citations or [])
            draft.recent_share = share
            draft.recency_warning = draft._is_recency_skewed(share)

    def _bullet_outcomes(self):
        """Each drafted bullet with what became of it: kept, edited or removed."""
        self.ensure_one()
        finals = {"strength": _flat(self.strengths), "area": _flat(self.areas_to_grow)}
        result = []
        for bullet in self.drafted_bullets or []:
            final = finals.get(bullet.get("section"), "")
            flat = _flat(bullet.get("text"))
            words = set(_words(bullet.get("text")))
            if flat and flat in final:
                outcome = "kept"
            elif words and len(words & set(final.split())) / len(words) >= EDITED_MIN_WORDS:
                outcome = "edited"
            else:
                outcome = "removed"
            result.append((bullet, outcome))
        return result

    def _recent_share(self, citations):
        self.ensure_one()
        end = self.review_id.date_end
        if not citations or not end:
            return 0.0
        since = fields.Date.subtract(end, days=RECENCY_WINDOW_DAYS)
        recent = [c for c in citations if c.get("date") and fields.Date.to_date(c["date"]) > since]
        return len(recent) / len(citations)

    def _is_recency_skewed(self, share):
        self.ensure_one()
        review = self.review_id
        if not (review.date_start and review.date_end):
            return False
        long_period = (review.date_end - review.date_start).days > RECENCY_MIN_PERIOD_DAYS
        return bool(long_period and self.citations and share > RECENCY_MAX_SHARE)

    @api.model_create_multi
    def create(self, vals_list):
        drafts = super().create(vals_list)
        drafts._check_phase()
        return drafts

    def write(self, vals):
        if not self.env.su and vals.keys() & {"review_id", "role"}:
            self.check_access("write")
            raise UserError(self.env._("A part of a review stays with its review and its writer."))
        res = super().write(vals)
        self._check_phase()
        return res

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def _check_phase(self):
        """Each part is written by its author during its phase, as its review lines are."""
        if self.env.su:
            return
        officer = is_officer(self.env.user)
        for draft in self:
            review = draft.review_id
            if draft.role == "employee":
                allowed = review.state == "self_review" and (
                    officer or review.employee_id.user_id == self.env.user
                )
            else:
                allowed = review.state == "manager_review" and (officer or review._is_reviewer())
            if not allowed:
                raise UserError(
                    self.env._(
                        "The %(part)s of %(employee)s is not open for you to write.",
                        part=dict(self._fields["role"]._description_selection(self.env))[
                            draft.role
                        ],
                        employee=review.employee_id.name,
                    )
                )
