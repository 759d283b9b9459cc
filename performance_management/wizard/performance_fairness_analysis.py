from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import hide_small_groups, ratio_to_best
from ..tools.fairness import ATTRIBUTES

REVIEW_REPORT = "performance.fairness.report"
REWARD_REPORT = "performance.reward.gap.report"
# (aggregate of _read_group, key of the group's figures)
REVIEW_FIGURES = [
    ("__count", "count"),
    ("top_count:sum", "top_count"),
    ("final_score:sum", "score_sum"),
    ("self_gap:sum", "gap_sum"),
    ("gap_count:sum", "gap_count"),
    ("rater_spread:sum", "spread_sum"),
    ("spread_count:sum", "spread_count"),
]
REWARD_FIGURES = [
    ("employee_id:count_distinct", "count"),
    ("raise_percent:sum", "raise_sum"),
    ("raise_count:sum", "raise_count"),
    ("amount:sum", "amount_sum"),
    ("amount_count:sum", "amount_count"),
]
# the reviews whose 360 raters disagree most, listed for a look
AGREEMENT_LINES = 20


class PerformanceFairnessAnalysis(models.TransientModel):
    """Fairness of a cycle's ratings (or rewards) by an employee attribute, for officers.

    Every figure comes from groups of at least the company's minimum size, chosen so that
    no hidden group can be found back by subtraction (see ``hide_small_groups``).
    """

    _name = "performance.fairness.analysis"
    _description = "Fairness Analysis"
    _check_company_auto = True

    mode = fields.Selection(
        [("review", "Ratings"), ("reward", "Rewards")], required=True, default="review"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    cycle_id = fields.Many2one(
        "performance.cycle",
        check_company=True,
        domain="[('company_id', '=', company_id), ('state', 'not in', ('draft', 'cancel'))]",
    )
    attribute = fields.Selection(ATTRIBUTES, string="Group By", required=True, default="gender")
    min_group_size = fields.Integer(related="company_id.performance_fairness_min_group")
    summary = fields.Text(readonly=True)
    line_ids = fields.One2many("performance.fairness.analysis.line", "analysis_id")
    group_line_ids = fields.One2many(
        "performance.fairness.analysis.line", "analysis_id", domain=[("kind", "=", "group")]
    )
    distribution_line_ids = fields.One2many(
        "performance.fairness.analysis.line",
        "analysis_id",
        domain=[("kind", "=", "distribution")],
    )
    drift_line_ids = fields.One2many(
        "performance.fairness.analysis.line", "analysis_id", domain=[("kind", "=", "drift")]
    )
    agreement_line_ids = fields.One2many(
        "performance.fairness.analysis.line",
        "analysis_id",
        domain=[("kind", "=", "agreement")],
    )
    reward_line_ids = fields.One2many(
        "performance.fairness.analysis.line", "analysis_id", domain=[("kind", "=", "reward")]
    )
    reward_ids = fields.Many2many("performance.reward", string="Rewards to Approve")
    reward_count = fields.Integer(compute="_compute_reward_count")

    @api.depends("mode", "cycle_id")
    def _compute_display_name(self):
        # the breadcrumb names the analysis, not "performance.fairness.analysis,1"
        for analysis in self:
            title = (
                self.env._("Reward Gap")
                if analysis.mode == "reward"
                else self.env._("Fairness of Ratings")
            )
            analysis.display_name = (
                f"{title} - {analysis.cycle_id.display_name}" if analysis.cycle_id else title
            )

    @api.depends("reward_ids.state")
    def _compute_reward_count(self):
        for analysis in self:
            analysis.reward_count = len(
                analysis.reward_ids.filtered(lambda reward: reward.state == "submitted")
            )

    @api.model
    def action_open_analysis(self):
        """The menu's entry, by gender: the latest launched cycle of the company that has a
        group to show (the latest launched when none has), so that it opens on figures
        rather than on groups too small to show."""
        cycles = self.env["performance.cycle"].search(
            [("company_id", "=", self.env.company.id), ("state", "not in", ("draft", "cancel"))],
            order="date_start desc, id desc",
        )
        cycle = next(
            (cycle for cycle in cycles if self.new({"cycle_id": cycle.id})._shown_groups()[0]),
            cycles[:1],
        )
        analysis = self.create({"cycle_id": cycle.id})
        analysis._analyse()
        return analysis._reopen()

    @api.model
    def _open_reward_approval(self, cycle, rewards=None):
        """The reward gap of a cycle, shown before its submitted rewards (or ``rewards``
        of that cycle) are approved."""
        if rewards is None:
            rewards = self.env["performance.reward"].search(
                [("cycle_id", "=", cycle.id), ("state", "=", "submitted")]
            )
        analysis = self.create(
            {
                "mode": "reward",
                "cycle_id": cycle.id,
                "company_id": cycle.company_id.id,
                "reward_ids": [fields.Command.set(rewards.ids)],
            }
        )
        analysis._analyse()
        return analysis._reopen()

    def action_analyse(self):
        self.ensure_one()
        self._analyse()
        return self._reopen()

    def action_approve_rewards(self):
        """Approve the cycle's submitted rewards the officer may approve, once the gap is seen."""
        self.ensure_one()
        rewards = self.reward_ids.filtered(lambda reward: reward.state == "submitted")
        approvable = rewards.filtered("can_approve")
        if not approvable:
            raise UserError(
                self.env._("No submitted reward of this cycle waits for your approval.")
            )
        approvable.action_approve()
        skipped = len(rewards - approvable)
        message = self.env._("%(count)s rewards approved.", count=len(approvable))
        if skipped:
            message = self.env._(
                "%(message)s %(skipped)s left for another approver (your own recommendations "
                "or your own rewards).",
                message=message,
                skipped=skipped,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reward Gap") if self.mode == "reward" else self.env._("Fairness"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new" if self.mode == "reward" else "current",
        }

    # The figures ------------------------------------------------------------------------

    def _analyse(self):
        self.ensure_one()
        # the report views read the reviews, assessments and employees in SQL
        self.env.flush_all()
        # PostgreSQL's JIT compiles a plan of this cost in seconds, longer than it runs
        self.env.cr.execute(SQL("SET LOCAL jit = off"))
        if self.mode == "reward":
            vals_list, summary = self._reward_lines()
        else:
            vals_list, summary = self._review_lines()
        self.line_ids.unlink()
        self.env["performance.fairness.analysis.line"].create(
            [dict(vals, analysis_id=self.id) for vals in vals_list]
        )
        self.summary = summary

    def _report_model(self):
        return self.env[REWARD_REPORT if self.mode == "reward" else REVIEW_REPORT]

    def _report_domain(self):
        return Domain(
            [("company_id", "=", self.company_id.id), ("cycle_id", "=", self.cycle_id.id)]
        )

    def _groups(self):
        """The attribute's groups in the cycle, as dicts of figures (all of them)."""
        figures = REWARD_FIGURES if self.mode == "reward" else REVIEW_FIGURES
        Report = self._report_model()
        field = Report._fields[self.attribute]
        labels = {}
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
        rows = Report._read_group(
            self._report_domain(), [self.attribute], [aggregate for aggregate, _key in figures]
        )
        groups = []
        for value, *numbers in rows:
            if field.type == "many2one":
                key, name = str(value.id) if value else "", value.display_name
            else:
                key, name = value or "", labels.get(value)
            group = {"key": key, "name": name or self.env._("Not set")}
            group.update(
                {
                    figure: number or 0
                    for (_agg, figure), number in zip(figures, numbers, strict=True)
                }
            )
            groups.append(group)
        return groups

    def _shown_groups(self):
        """(groups shown, number of people left out) for the current cycle and attribute."""
        return hide_small_groups(self._groups(), self.min_group_size)

    def _group_domain(self, key):
        field = self._report_model()._fields[self.attribute]
        value = (int(key) if field.type == "many2one" else key) if key else False
        return self._report_domain() & Domain(self.attribute, "=", value)

    def _summary(self, shown, left_out):
        min_size = self.min_group_size
        if not self.cycle_id:
            return self.env._("Pick a launched review cycle.")
        if not shown:
            return self.env._(
                "Too few people in this cycle to show any group of at least %(min)s.",
                min=min_size,
            )
        if left_out:
            return self.env._(
                "%(count)s people in groups under %(min)s are left out (with the smallest "
                "groups shown, when needed so that no small group can be counted by "
                "subtraction).",
                count=left_out,
                min=min_size,
            )
        return self.env._("Every group has at least %(min)s people.", min=min_size)

    def _review_lines(self):
        min_size = self.min_group_size
        shown, left_out = self._shown_groups() if self.cycle_id else ([], 0)
        for group in shown:
            group["top_share"] = 100.0 * group["top_count"] / group["count"]
        ratio_to_best(shown, "top_share")
        shown.sort(key=lambda group: group["name"])
        vals_list = []
        for group in shown:
            has_gap = group["gap_count"] >= min_size
            has_spread = group["spread_count"] >= min_size
            vals_list.append(
                {
                    "kind": "group",
                    "group_key": group["key"],
                    "name": group["name"],
                    "count": group["count"],
                    "top_count": group["top_count"],
                    "top_share": group["top_share"],
                    "ratio": group["ratio"],
                    "flagged": group["flagged"],
                    "mean_score": group["score_sum"] / group["count"],
                    "has_self_gap": has_gap,
                    "self_gap": group["gap_sum"] / group["gap_count"] if has_gap else 0.0,
                    "has_rater_spread": has_spread,
                    "rater_spread": group["spread_sum"] / group["spread_count"]
                    if has_spread
                    else 0.0,
                }
            )
        vals_list += self._distribution_lines(shown)
        vals_list += self._drift_lines()
        vals_list += self._agreement_lines()
        return vals_list, self._summary(shown, left_out)

    def _distribution_lines(self, shown):
        if not shown:
            return []
        by_key = {group["key"]: group for group in shown}
        Report = self.env[REVIEW_REPORT]
        field = Report._fields[self.attribute]
        rows = Report._read_group(
            self._report_domain(), [self.attribute, "final_rating_id"], ["__count"]
        )
        vals_list = []
        for value, level, count in rows:
            key = (str(value.id) if value else "") if field.type == "many2one" else value or ""
            group = by_key.get(key)
            if not group:
                continue
            vals_list.append(
                {
                    "kind": "distribution",
                    "group_key": key,
                    "name": group["name"],
                    "level_id": level.id,
                    "count": count,
                    "share": 100.0 * count / group["count"],
                }
            )
        # by group, the best rating first
        levels = self.env["performance.rating.scale.level"].browse(
            [vals["level_id"] for vals in vals_list]
        )
        value_of = {level.id: level.value for level in levels}
        vals_list.sort(
            key=lambda vals: (by_key[vals["group_key"]]["name"], -value_of[vals["level_id"]])
        )
        for sequence, vals in enumerate(vals_list):
            vals["sequence"] = sequence
        return vals_list

    def _drift_lines(self):
        """Mean rating and top share per cycle of the company, and their change."""
        rows = self.env[REVIEW_REPORT]._read_group(
            [("company_id", "=", self.company_id.id)],
            ["cycle_id"],
            ["__count", "top_count:sum", "final_score:sum"],
        )
        rows = [
            row for row in rows if row[0] and row[1] >= self.min_group_size
        ]  # a cycle of too few people is no trend
        rows.sort(key=lambda row: (row[0].date_start, row[0].id))
        vals_list = []
        previous = None
        for sequence, (cycle, count, top, score) in enumerate(rows):
            mean, top_share = score / count, 100.0 * top / count
            vals_list.append(
                {
                    "kind": "drift",
                    "sequence": sequence,
                    "cycle_id": cycle.id,
                    "name": cycle.display_name,
                    "count": count,
                    "top_count": top,
                    "top_share": top_share,
                    "mean_score": mean,
                    "mean_delta": mean - previous[0] if previous else 0.0,
                    "top_delta": top_share - previous[1] if previous else 0.0,
                }
            )
            previous = (mean, top_share)
        return vals_list

    def _agreement_lines(self):
        if not self.cycle_id:
            return []
        # the figures read with the search: each read of the view aggregates the 360 answers
        rows = self.env[REVIEW_REPORT].search_fetch(
            self._report_domain() & Domain("spread_count", "=", 1),
            ["review_id", "rater_count", "rater_spread"],
            order="rater_spread desc, id",
            limit=AGREEMENT_LINES,
        )
        return [
            {
                "kind": "agreement",
                "sequence": sequence,
                "review_id": row.review_id.id,
                "name": row.review_id.display_name,
                "rater_count": row.rater_count,
                "rater_spread": row.rater_spread,
            }
            for sequence, row in enumerate(rows)
        ]

    def _reward_lines(self):
        min_size = self.min_group_size
        shown, left_out = self._shown_groups() if self.cycle_id else ([], 0)
        for group in shown:
            # a mean of fewer raises than the minimum would tell one person's pay
            group["has_raise"] = group["raise_count"] >= min_size
            group["raise_mean"] = (
                group["raise_sum"] / group["raise_count"] if group["has_raise"] else 0.0
            )
        ratio_to_best([group for group in shown if group["has_raise"]], "raise_mean")
        shown.sort(key=lambda group: group["name"])
        vals_list = []
        for sequence, group in enumerate(shown):
            has_amount = group["amount_count"] >= min_size
            vals_list.append(
                {
                    "kind": "reward",
                    "sequence": sequence,
                    "group_key": group["key"],
                    "name": group["name"],
                    "count": group["count"],
                    "raise_count": group["raise_count"],
                    "raise_mean": group["raise_mean"],
                    "ratio": group.get("ratio", 0.0),
                    "flagged": group.get("flagged", False),
                    "amount_mean": group["amount_sum"] / group["amount_count"]
                    if has_amount
                    else 0.0,
                }
            )
        return vals_list, self._summary(shown, left_out)

    # Drill-down -------------------------------------------------------------------------

    def _open_line(self, line, top):
        """The records behind a figure, as the officer may read them (rules apply)."""
        self.ensure_one()
        self.env.flush_all()
        if line.kind == "agreement":
            return self._open_records("performance.review", line.review_id.ids)
        if line.kind == "drift":
            domain = Domain(
                [("company_id", "=", self.company_id.id), ("cycle_id", "=", line.cycle_id.id)]
            )
            if self.env[REVIEW_REPORT].search_count(domain) < self.min_group_size:
                raise UserError(self.env._("This figure covers too few people to open."))
        else:
            # recomputed, never trusted from the line: a hidden group never opens
            if line.group_key not in {group["key"] for group in self._shown_groups()[0]}:
                raise UserError(self.env._("This group is under the minimum size: it is hidden."))
            domain = self._group_domain(line.group_key)
            if line.kind == "distribution":
                domain &= Domain("final_rating_id", "=", line.level_id.id)
        if top:
            domain &= Domain("top_count", "=", 1)
        if line.kind == "reward":
            rows = self.env[REWARD_REPORT].search(domain)
            return self._open_records("performance.reward", rows.reward_id.ids)
        rows = self.env[REVIEW_REPORT].search(domain)
        return self._open_records("performance.review", rows.review_id.ids)

    def _open_records(self, model, ids):
        return {
            "type": "ir.actions.act_window",
            "name": self.env["ir.model"]._get(model).name,
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", ids)],
            "target": "current",
        }
