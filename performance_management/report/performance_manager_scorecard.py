from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import FiniteFloat, create_report_view

# the period each figure looks back over, in days
WINDOW_DAYS = 90
CHECKIN_DAYS = 30
REVIEW_DAYS = 365
# below these, a figure is weak and the scorecard says what to do next
TARGET_RATE = 80.0
TARGET_CHECKIN_RATE = 50.0


class PerformanceManagerScorecard(models.Model):
    """What a manager does for his team, from the 1:1s, feedback, reviews and check-ins.

    One row per manager (an employee with direct reports) where the company monitors per
    employee; one row per department of three managers or more (or the company's anonymity
    threshold) where it allows team aggregates only; no row where it switched scorecards
    off. The view itself obeys the switch, so no reader (not even a sudo one) gets a row
    the works agreement forbids.
    """

    _name = "performance.manager.scorecard"
    _description = "Manager Effectiveness Scorecard"
    _auto = False
    _order = "score, id"
    # flushed before the view is read: what the figures and the company's switch come from
    _depends = {  # noqa: RUF012 (an Odoo class attribute, read by the ORM)
        "hr.employee": ["active", "company_id", "current_version_id", "parent_id", "user_id"],
        "hr.version": ["department_id"],
        "hr.department": ["manager_id"],
        "res.company": [
            "performance_anonymity_threshold",
            "performance_monitor_scorecards",
            "performance_one_on_one_gap_days",
        ],
        "performance.coaching.log": [
            "cadence",
            "coach_id",
            "date_start",
            "employee_id",
            "kind",
            "previous_id",
            "state",
        ],
        "performance.coaching.talking.point": ["carried_over", "log_id", "name", "resolved"],
        "performance.coaching.action.item": ["date_deadline", "done", "log_id", "owner_id"],
        "performance.feedback": ["anonymous", "author_id", "date", "state"],
        "performance.recognition": ["date", "giver_id"],
        "performance.review": [
            "active",
            "date_manager_deadline",
            "date_manager_done",
            "manager_id",
            "state",
        ],
        "performance.goal": ["active", "employee_id", "state"],
        "performance.goal.checkin": ["date", "goal_id"],
        "performance.pulse.result": ["date", "dimension", "enps", "manager_id", "question_id"],
        "survey.question": ["performance_enps"],
    }

    level = fields.Selection(
        [("manager", "Manager"), ("department", "Department")],
        readonly=True,
        help="Manager: one manager's figures. Department: the sum of the figures of the "
        "department's managers, where the company allows team aggregates only.",
    )
    manager_id = fields.Many2one(
        "hr.employee",
        readonly=True,
        help="The manager, or for a department row the department's manager.",
    )
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    manager_count = fields.Integer(string="Managers", readonly=True)
    report_count = fields.Integer(
        string="Direct Reports", readonly=True, help="Active employees reporting directly."
    )
    one_on_one_expected = fields.Integer(
        string="1:1s Due",
        readonly=True,
        help="1:1s due with the direct reports over the last 90 days: at the cadence of each "
        "report's 1:1 series, or else every so many days as the company's 1:1 reminder says.",
    )
    one_on_one_done = fields.Integer(
        string="1:1s Held",
        readonly=True,
        help="1:1s with the direct reports marked done over the last 90 days.",
    )
    one_on_one_rate = FiniteFloat(
        string="1:1 Cadence Kept (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 0),
        help="1:1s held out of those due, each report counted up to his cadence.",
    )
    one_on_one_missed = fields.Integer(
        string="1:1s Missed",
        readonly=True,
        help="1:1s of the last 90 days cancelled, or still planned a day after their date.",
    )
    stale_topic_count = fields.Integer(
        string="Topics Carried Over Twice or More",
        readonly=True,
        help="Open talking points of the coming 1:1s already carried over from two meetings "
        "or more.",
    )
    overdue_action_count = fields.Integer(
        string="Overdue Action Items",
        readonly=True,
        help="1:1 action items the manager owns whose deadline has passed, not done.",
    )
    feedback_count = fields.Integer(
        string="Feedback Given",
        readonly=True,
        help="Feedback the manager gave under his name over the last 90 days (anonymous "
        "feedback is never counted per person).",
    )
    kudos_count = fields.Integer(
        string="Kudos Given", readonly=True, help="Kudos the manager gave over the last 90 days."
    )
    review_due_count = fields.Integer(
        string="Reviews Due",
        readonly=True,
        help="Manager reviews whose deadline passed in the last 12 months.",
    )
    review_on_time_count = fields.Integer(
        string="Reviews on Time",
        readonly=True,
        help="Of the reviews due, those the manager submitted by their deadline.",
    )
    review_on_time_rate = FiniteFloat(
        string="Reviews on Time (%)", readonly=True, aggregator="avg", digits=(16, 0)
    )
    goal_count = fields.Integer(
        string="Team Goals", readonly=True, help="Active goals of the direct reports."
    )
    goal_checked_count = fields.Integer(
        string="Goals Checked In",
        readonly=True,
        help="Of the team's active goals, those checked in over the last 30 days.",
    )
    checkin_rate = FiniteFloat(
        string="Team Check-in Rate (%)", readonly=True, aggregator="avg", digits=(16, 0)
    )
    team_enps = FiniteFloat(
        string="Team eNPS",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="The eNPS of the team in its last pulse round released, past the anonymity "
        "threshold: how the reports answer the upward questionnaire. Empty when no round "
        "was released for the team.",
    )
    has_team_enps = fields.Boolean(string="Team eNPS Released", readonly=True)
    score = FiniteFloat(
        readonly=True,
        aggregator="avg",
        digits=(16, 0),
        help="The mean of the three rates that apply: 1:1 cadence kept, reviews on time and "
        "team check-ins.",
    )
    next_steps = fields.Text(
        string="What to Do Next", compute="_compute_next_steps", help="One hint per weak figure."
    )

    @api.depends("manager_id", "department_id", "level")
    def _compute_display_name(self):
        for card in self:
            if card.level == "department":
                card.display_name = card.department_id.display_name
            else:
                card.display_name = card.manager_id.display_name

    def _compute_next_steps(self):
        for card in self:
            card.next_steps = "\n".join(card._get_next_steps()) or False

    def _get_next_steps(self):
        """The hints of the weak figures of this scorecard, most pressing first."""
        self.ensure_one()
        steps = []
        if self.one_on_one_expected and self.one_on_one_rate < TARGET_RATE:
            steps.append(
                self.env._(
                    "Meet your reports at the cadence you set: %(held)s of %(due)s 1:1s held.",
                    held=self.one_on_one_done,
                    due=self.one_on_one_expected,
                )
            )
        if self.one_on_one_missed:
            steps.append(
                self.env._(
                    "Mark held 1:1s as done, or plan again the %(count)s you missed.",
                    count=self.one_on_one_missed,
                )
            )
        if self.overdue_action_count:
            steps.append(
                self.env._(
                    "Close or reschedule your %(count)s overdue action items.",
                    count=self.overdue_action_count,
                )
            )
        if self.stale_topic_count:
            steps.append(
                self.env._(
                    "Settle the %(count)s talking points carried over again and again, or "
                    "drop them.",
                    count=self.stale_topic_count,
                )
            )
        if self.report_count and self.feedback_count + self.kudos_count < self.report_count:
            steps.append(self.env._("Give each report feedback or kudos at least once a quarter."))
        if self.review_due_count and self.review_on_time_rate < TARGET_RATE:
            steps.append(self.env._("Submit your manager reviews by the cycle's deadline."))
        if self.goal_count and self.checkin_rate < TARGET_CHECKIN_RATE:
            steps.append(
                self.env._(
                    "Ask your team to check in on their goals; go through them in your 1:1s."
                )
            )
        if self.team_enps < 0:
            steps.append(
                self.env._(
                    "Talk the last pulse results over with your team and agree on one change."
                )
            )
        return steps

    def _figures(self):
        """Per manager with direct reports: the raw counts each figure is made of."""
        return SQL(
            """
            WITH managers AS (
                SELECT m.id AS manager_id, m.company_id, v.department_id,
                       m.user_id, COUNT(r.id) AS report_count
                  FROM hr_employee m
                  JOIN hr_employee r ON r.parent_id = m.id AND r.id <> m.id AND r.active
                  LEFT JOIN hr_version v ON v.id = m.current_version_id
                 WHERE m.active
                 GROUP BY m.id, m.company_id, v.department_id, m.user_id
            ),
            series AS (
                -- the cadence of each pair's latest 1:1 series
                SELECT DISTINCT ON (l.coach_id, l.employee_id) l.coach_id, l.employee_id,
                       CASE l.cadence WHEN 'weekly' THEN 7
                                      WHEN 'biweekly' THEN 14
                                      WHEN 'monthly' THEN 30 END AS days
                  FROM performance_coaching_log l
                 WHERE l.kind = 'one_on_one' AND l.cadence <> 'none'
                   AND l.state <> 'cancelled'
                 ORDER BY l.coach_id, l.employee_id, l.date_start DESC, l.id DESC
            ),
            held AS (
                SELECT l.coach_id, l.employee_id, COUNT(*) AS held
                  FROM performance_coaching_log l
                 WHERE l.kind = 'one_on_one' AND l.state = 'done'
                   AND l.date_start >= NOW() - make_interval(days => %(window)s)
                   AND l.date_start <= NOW()
                 GROUP BY l.coach_id, l.employee_id
            ),
            cadences AS (
                SELECT r.parent_id AS manager_id,
                       COALESCE(s.days, NULLIF(c.performance_one_on_one_gap_days, 0)) AS days,
                       COALESCE(h.held, 0) AS held
                  FROM hr_employee r
                  JOIN res_company c ON c.id = r.company_id
                  LEFT JOIN series s ON s.coach_id = r.parent_id AND s.employee_id = r.id
                  LEFT JOIN held h ON h.coach_id = r.parent_id AND h.employee_id = r.id
                 WHERE r.active AND r.parent_id IS NOT NULL AND r.parent_id <> r.id
            ),
            one_on_ones AS (
                SELECT manager_id,
                       SUM(COALESCE(%(window)s / days, 0)) AS expected,
                       SUM(LEAST(held, COALESCE(%(window)s / days, 0))) AS kept,
                       SUM(held) AS held
                  FROM cadences
                 GROUP BY manager_id
            ),
            missed AS (
                SELECT coach_id AS manager_id, COUNT(*) AS missed
                  FROM performance_coaching_log
                 WHERE kind = 'one_on_one'
                   AND date_start >= NOW() - make_interval(days => %(window)s)
                   AND (state = 'cancelled' AND date_start <= NOW()
                        OR state = 'planned' AND date_start < NOW() - INTERVAL '1 day')
                 GROUP BY coach_id
            ),
            stale AS (
                SELECT l.coach_id AS manager_id, COUNT(*) AS stale
                  FROM performance_coaching_talking_point p
                  JOIN performance_coaching_log l ON l.id = p.log_id
                 WHERE l.state = 'planned' AND p.carried_over AND p.resolved IS NOT TRUE
                   AND EXISTS (
                       SELECT 1 FROM performance_coaching_talking_point q
                        WHERE q.log_id = l.previous_id AND q.carried_over AND q.name = p.name
                   )
                 GROUP BY l.coach_id
            ),
            overdue AS (
                SELECT l.coach_id AS manager_id, COUNT(*) AS overdue
                  FROM performance_coaching_action_item a
                  JOIN performance_coaching_log l ON l.id = a.log_id
                  JOIN hr_employee m ON m.id = l.coach_id
                 WHERE a.done IS NOT TRUE AND a.date_deadline < CURRENT_DATE
                   AND a.owner_id = m.user_id
                 GROUP BY l.coach_id
            ),
            feedback AS (
                SELECT author_id AS manager_id, COUNT(*) AS given
                  FROM performance_feedback
                 WHERE state = 'done' AND anonymous IS NOT TRUE
                   AND date >= CURRENT_DATE - %(window)s
                 GROUP BY author_id
            ),
            kudos AS (
                SELECT giver_id AS manager_id, COUNT(*) AS given
                  FROM performance_recognition
                 WHERE date >= NOW() - make_interval(days => %(window)s)
                 GROUP BY giver_id
            ),
            reviews AS (
                SELECT manager_id, COUNT(*) AS due,
                       COUNT(*) FILTER (
                           WHERE date_manager_done <= date_manager_deadline
                       ) AS on_time
                  FROM performance_review
                 WHERE active AND state <> 'cancel'
                   AND date_manager_deadline >= CURRENT_DATE - %(review_days)s
                   AND date_manager_deadline < CURRENT_DATE
                 GROUP BY manager_id
            ),
            checkins AS (
                SELECT e.parent_id AS manager_id, COUNT(*) AS goals,
                       COUNT(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM performance_goal_checkin c
                            WHERE c.goal_id = g.id
                              AND c.date >= CURRENT_DATE - %(checkin_days)s
                       )) AS checked
                  FROM performance_goal g
                  JOIN hr_employee e ON e.id = g.employee_id
                 WHERE g.active AND g.state = 'active' AND e.active AND e.parent_id <> e.id
                 GROUP BY e.parent_id
            ),
            enps AS (
                SELECT DISTINCT ON (pr.manager_id) pr.manager_id, pr.enps
                  FROM performance_pulse_result pr
                  JOIN survey_question q ON q.id = pr.question_id
                 WHERE pr.dimension = 'team' AND q.performance_enps
                 ORDER BY pr.manager_id, pr.date DESC, pr.id DESC
            ),
            -- one branch per source, summed per manager: PostgreSQL estimates a union
            -- by adding its branches, where a chain of joins multiplied them (and then
            -- spent seconds compiling the plan with JIT)
            parts AS (
                SELECT manager_id, expected, kept, held, 0 AS missed, 0 AS stale,
                       0 AS overdue, 0 AS feedback, 0 AS kudos, 0 AS reviews_due,
                       0 AS on_time, 0 AS goals, 0 AS checked, NULL::float AS enps
                  FROM one_on_ones
                UNION ALL
                SELECT manager_id, 0, 0, 0, missed, 0, 0, 0, 0, 0, 0, 0, 0, NULL FROM missed
                UNION ALL
                SELECT manager_id, 0, 0, 0, 0, stale, 0, 0, 0, 0, 0, 0, 0, NULL FROM stale
                UNION ALL
                SELECT manager_id, 0, 0, 0, 0, 0, overdue, 0, 0, 0, 0, 0, 0, NULL FROM overdue
                UNION ALL
                SELECT manager_id, 0, 0, 0, 0, 0, 0, given, 0, 0, 0, 0, 0, NULL FROM feedback
                UNION ALL
                SELECT manager_id, 0, 0, 0, 0, 0, 0, 0, given, 0, 0, 0, 0, NULL FROM kudos
                UNION ALL
                SELECT manager_id, 0, 0, 0, 0, 0, 0, 0, 0, due, on_time, 0, 0, NULL
                  FROM reviews
                UNION ALL
                SELECT manager_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, goals, checked, NULL
                  FROM checkins
                UNION ALL
                SELECT manager_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, enps FROM enps
            )
            SELECT m.manager_id, m.company_id, m.department_id, m.report_count,
                   COALESCE(SUM(p.expected), 0) AS expected,
                   COALESCE(SUM(p.kept), 0) AS kept, COALESCE(SUM(p.held), 0) AS held,
                   COALESCE(SUM(p.missed), 0) AS missed, COALESCE(SUM(p.stale), 0) AS stale,
                   COALESCE(SUM(p.overdue), 0) AS overdue,
                   COALESCE(SUM(p.feedback), 0) AS feedback,
                   COALESCE(SUM(p.kudos), 0) AS kudos,
                   COALESCE(SUM(p.reviews_due), 0) AS reviews_due,
                   COALESCE(SUM(p.on_time), 0) AS on_time,
                   COALESCE(SUM(p.goals), 0) AS goals,
                   COALESCE(SUM(p.checked), 0) AS checked, MAX(p.enps) AS enps
              FROM managers m
              LEFT JOIN parts p ON p.manager_id = m.manager_id
             GROUP BY m.manager_id, m.company_id, m.department_id, m.report_count
            """,
            window=WINDOW_DAYS,
            review_days=REVIEW_DAYS,
            checkin_days=CHECKIN_DAYS,
        )

    def _rates(self):
        """The rates and the score, from the sums of one row (a manager or a department)."""
        return SQL(
            """
            CASE WHEN SUM(expected) > 0 THEN 100.0 * SUM(kept) / SUM(expected) END
                AS one_on_one_rate,
            CASE WHEN SUM(reviews_due) > 0 THEN 100.0 * SUM(on_time) / SUM(reviews_due) END
                AS review_on_time_rate,
            CASE WHEN SUM(goals) > 0 THEN 100.0 * SUM(checked) / SUM(goals) END
                AS checkin_rate
            """
        )

    def init(self):
        create_report_view(
            self,
            SQL(
                """
                    WITH figures AS (%(figures)s),
                    rows AS (
                        SELECT f.manager_id * 2 AS id, 'manager' AS level, f.manager_id,
                               f.department_id, f.company_id, 1 AS manager_count,
                               f.report_count, f.expected, f.held, f.missed, f.stale,
                               f.overdue, f.feedback, f.kudos, f.reviews_due, f.on_time,
                               f.goals, f.checked, f.enps, %(rates)s
                          FROM figures f
                          JOIN res_company c ON c.id = f.company_id
                         WHERE c.performance_monitor_scorecards = 'individual'
                         GROUP BY f.manager_id, f.department_id, f.company_id,
                                  f.report_count, f.expected, f.held, f.missed, f.stale,
                                  f.overdue, f.feedback, f.kudos, f.reviews_due, f.on_time,
                                  f.goals, f.checked, f.enps
                        UNION ALL
                        -- team aggregates only: at least three managers in a row (the
                        -- company's anonymity threshold if higher), so that none of them
                        -- can take his own figures off the sum and read another's
                        SELECT f.department_id * 2 + 1, 'department', d.manager_id,
                               f.department_id, f.company_id, COUNT(*),
                               SUM(f.report_count), SUM(f.expected), SUM(f.held),
                               SUM(f.missed), SUM(f.stale), SUM(f.overdue), SUM(f.feedback),
                               SUM(f.kudos), SUM(f.reviews_due), SUM(f.on_time),
                               SUM(f.goals), SUM(f.checked), AVG(f.enps), %(rates)s
                          FROM figures f
                          JOIN res_company c ON c.id = f.company_id
                          JOIN hr_department d ON d.id = f.department_id
                         WHERE c.performance_monitor_scorecards = 'team'
                         GROUP BY f.department_id, d.manager_id, f.company_id
                        HAVING COUNT(*) >= GREATEST(3, MAX(c.performance_anonymity_threshold))
                    )
                    SELECT id, level, manager_id, department_id, company_id,
                           manager_count::int, report_count::int,
                           expected::int AS one_on_one_expected,
                           held::int AS one_on_one_done, one_on_one_rate,
                           missed::int AS one_on_one_missed, stale::int AS stale_topic_count,
                           overdue::int AS overdue_action_count,
                           feedback::int AS feedback_count, kudos::int AS kudos_count,
                           reviews_due::int AS review_due_count,
                           on_time::int AS review_on_time_count, review_on_time_rate,
                           goals::int AS goal_count, checked::int AS goal_checked_count,
                           checkin_rate,
                           enps AS team_enps, enps IS NOT NULL AS has_team_enps,
                           (COALESCE(one_on_one_rate, 0) + COALESCE(review_on_time_rate, 0)
                            + COALESCE(checkin_rate, 0))
                           / NULLIF((one_on_one_rate IS NOT NULL)::int
                                    + (review_on_time_rate IS NOT NULL)::int
                                    + (checkin_rate IS NOT NULL)::int, 0) AS score
                      FROM rows
                """,
                figures=self._figures(),
                rates=self._rates(),
            ),
        )
