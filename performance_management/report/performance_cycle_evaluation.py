from collections import defaultdict

from odoo import api, fields, models

from ..tools import FiniteFloat

# A manager whose team is rated this share of the scale above (below) comparable teams
# is flagged as lenient (severe).
LENIENCY_THRESHOLD = 0.125
LENIENCY_MIN_REVIEWS = 2


class PerformanceCycle(models.Model):
    """The evaluation of a cycle, read from the ``performance.report`` view: completion,
    ratings, calibration moves, 360 participation, leniency and the rating distribution."""

    _inherit = "performance.cycle"  # pylint: disable=consider-merging-classes-inherited

    distribution_data = fields.Json(
        string="Rating Distribution Chart",
        compute="_compute_distribution_data",
        help="Each rating level: its guideline share, its count and its actual share.",
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

    # The one source of the cycle's distribution: the form's chart reads it, the evaluation's
    # PDF renders the same rows (_get_rating_distribution) with their gap.
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
