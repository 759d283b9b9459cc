from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from .common import ReviewCase


class FairnessCase(ReviewCase):
    """Rated reviews of a cycle with a known gap: 10 women, 5 rated top (50 %); 10 men,
    2 rated top (20 %); 3 people of another gender and 3 with none (under the minimum)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_fairness_min_group = 5
        cls.cycle.state = "calibration"
        cls.top, cls.meets = cls.levels[4], cls.levels[2]
        cls.women = cls._rated(cls.cycle, "female", 10, 5)
        cls.men = cls._rated(cls.cycle, "male", 10, 2)
        cls.others = cls._rated(cls.cycle, "other", 3, 3)
        cls.unset = cls._rated(cls.cycle, False, 3, 0)
        # the women rate themselves at the top, their managers say "meets"
        for review in cls.women:
            cls._rate_lines(review, cls.top, cls.meets)

    @classmethod
    def _rated(cls, cycle, sex, count, top, department=None):
        employees = cls.env["hr.employee"].create(
            [
                {
                    "name": f"Fair {sex or 'unset'} {cycle.name} {index}",
                    "sex": sex,
                    "parent_id": cls.manager.id,
                    "department_id": (department or cls.department).id,
                    "company_id": cls.company.id,
                }
                for index in range(count)
            ]
        )
        reviews = cls.env["performance.review"].create(
            [
                {
                    "employee_id": employee.id,
                    "cycle_id": cycle.id,
                    "template_id": cls.template.id,
                    "company_id": cls.company.id,
                    "manager_id": cls.manager.id,
                    "date_start": cycle.date_start,
                    "date_end": cycle.date_end,
                    "state": "released",
                }
                for employee in employees
            ]
        )
        for index, review in enumerate(reviews):
            review.assessment_ids.final_rating_id = cls.top if index < top else cls.meets
        return reviews

    @classmethod
    def _rate_lines(cls, review, own, manager):
        cls.env["performance.review.line"].create(
            [
                {
                    "review_id": review.id,
                    "name": "Fair delivery",
                    "kind": "rating",
                    "role": role,
                    "rating_id": level.id,
                }
                for role, level in (("employee", own), ("manager", manager))
            ]
        )

    def analysis(self, attribute="gender", cycle=None, user=None):
        Analysis = self.env["performance.fairness.analysis"].with_user(user or self.user_officer)
        analysis = Analysis.create({"cycle_id": (cycle or self.cycle).id, "attribute": attribute})
        analysis.action_analyse()
        return analysis

    def group(self, analysis, key):
        return analysis.group_line_ids.filtered(lambda line: line.group_key == key)

    def opened_ids(self, action):
        return set(self.env[action["res_model"]].search(action["domain"]).ids)


class TestFairnessFigures(FairnessCase):
    def test_four_fifths_ratio_flags_the_gap(self):
        analysis = self.analysis()
        women, men = self.group(analysis, "female"), self.group(analysis, "male")
        self.assertEqual((women.count, women.top_count), (10, 5))
        self.assertAlmostEqual(women.top_share, 50.0)
        self.assertAlmostEqual(men.top_share, 20.0)
        self.assertAlmostEqual(women.ratio, 1.0)
        self.assertAlmostEqual(men.ratio, 0.4)
        self.assertTrue(men.flagged)
        self.assertFalse(women.flagged)
        # the self-versus-manager gap of the women: 100 against 50
        self.assertTrue(women.has_self_gap)
        self.assertAlmostEqual(women.self_gap, 50.0)
        self.assertFalse(men.has_self_gap)

    def test_small_groups_are_hidden(self):
        analysis = self.analysis()
        self.assertEqual(set(analysis.group_line_ids.mapped("group_key")), {"female", "male"})
        # 3 others and 3 unset: left out together (6, above the minimum), never as a 3
        self.assertNotIn("other", analysis.line_ids.mapped("group_key"))
        self.assertNotIn("", analysis.line_ids.mapped("group_key"))
        self.assertIn("6 people", analysis.summary)
        self.assertNotIn(3, analysis.group_line_ids.mapped("count"))

    def test_a_lone_small_group_is_not_derivable_by_subtraction(self):
        cycle = self.cycle.copy({"name": "Subtraction"})
        cycle.state = "calibration"
        self._rated(cycle, "female", 8, 4)
        self._rated(cycle, "male", 12, 2)
        self._rated(cycle, "other", 2, 2)
        analysis = self.analysis(cycle=cycle)
        shown = analysis.group_line_ids
        total = 8 + 12 + 2
        # showing the women and the men would leave the 2 others as their difference from
        # the cycle's total (shown by the drift): the smaller shown group goes too
        self.assertEqual(shown.mapped("group_key"), ["male"])
        left_out = total - sum(shown.mapped("count"))
        self.assertGreaterEqual(left_out, self.company.performance_fairness_min_group)
        self.assertIn("10 people", analysis.summary)
        drift = analysis.drift_line_ids.filtered(lambda line: line.cycle_id == cycle)
        self.assertEqual(drift.count, total)
        for line in analysis.line_ids:
            self.assertNotIn(line.group_key, ("other", "female"))
        # and the figures of the hidden groups cannot be opened by forging a line
        forged = shown.copy({"group_key": "other"})
        with self.assertRaises(UserError):
            forged.with_user(self.user_officer).action_open_records()

    def test_everything_hidden_under_the_minimum(self):
        cycle = self.cycle.copy({"name": "Tiny"})
        self._rated(cycle, "female", 2, 1)
        self._rated(cycle, "male", 2, 0)
        analysis = self.analysis(cycle=cycle)
        self.assertFalse(analysis.group_line_ids | analysis.distribution_line_ids)
        self.assertIn("Too few", analysis.summary)
        self.assertFalse(analysis.drift_line_ids.filtered(lambda line: line.cycle_id == cycle))

    def test_other_attributes(self):
        self._rated(self.cycle, "female", 6, 0, department=self.other_department)
        analysis = self.analysis("department_id")
        by_key = {line.group_key: line for line in analysis.group_line_ids}
        self.assertEqual(by_key[str(self.department.id)].count, 26)
        self.assertEqual(by_key[str(self.other_department.id)].count, 6)
        self.assertEqual(by_key[str(self.other_department.id)].ratio, 0.0)
        for attribute in ("age_band", "job_id", "resource_calendar_id", "work_location_id"):
            self.analysis(attribute)

    def test_distribution_and_drift(self):
        analysis = self.analysis()
        women = analysis.distribution_line_ids.filtered(lambda line: line.group_key == "female")
        self.assertEqual(
            {(line.level_id, line.count, round(line.share)) for line in women},
            {(self.top, 5, 50), (self.meets, 5, 50)},
        )
        later = self.cycle.copy({"name": "Next year"})
        later.write(
            {
                "date_start": "2027-01-01",
                "date_end": "2027-12-31",
                "date_self_deadline": "2027-11-15",
                "date_manager_deadline": "2027-11-30",
                "date_release": "2027-12-15",
            }
        )
        self._rated(later, "female", 10, 8)
        analysis = self.analysis()
        drift = analysis.drift_line_ids.sorted("sequence")
        self.assertEqual(drift.cycle_id, self.cycle | later)
        # 10 top of 26 this year, 8 of 10 the next: inflation
        self.assertAlmostEqual(drift[0].top_share, 1000 / 26, places=1)
        self.assertAlmostEqual(drift[1].top_share, 80.0)
        self.assertAlmostEqual(drift[1].top_delta, 80.0 - 1000 / 26, places=1)
        self.assertGreater(drift[1].mean_delta, 0)

    def test_mean_scores_on_each_scale(self):
        """The ratings on 0-100 between their own scale's bounds, per group and per cycle."""
        analysis = self.analysis()
        # women: 5 top (100) and 5 meets (50); men: 2 top, 8 meets
        self.assertAlmostEqual(self.group(analysis, "female").mean_score, 75.0)
        self.assertAlmostEqual(self.group(analysis, "male").mean_score, 60.0)
        # the cycle: 10 top of 26, the others meet
        drift = analysis.drift_line_ids
        self.assertAlmostEqual(drift.mean_score, (10 * 100 + 16 * 50) / 26, places=1)
        # a later cycle on another scale: its bounds, not the five levels'
        scale = self.env["performance.rating.scale"].create(
            {
                "name": "Uneven",
                "level_ids": [
                    Command.create({"value": value, "name": f"Uneven {value}"})
                    for value in (10, 20, 40)
                ],
            }
        )
        uneven = scale.level_ids.sorted("value")
        later = self.cycle.copy({"name": "Uneven year"})
        later.write(
            {
                "date_start": "2027-01-01",
                "date_end": "2027-12-31",
                "date_self_deadline": "2027-11-15",
                "date_manager_deadline": "2027-11-30",
                "date_release": "2027-12-15",
            }
        )
        reviews = self._rated(later, "female", 6, 0)
        for review, level in zip(reviews, [uneven[0], uneven[1], uneven[2]] * 2, strict=True):
            review.assessment_ids.final_rating_id = level
        drift = self.analysis().drift_line_ids.sorted("sequence")
        self.assertEqual(drift.cycle_id, self.cycle | later)
        self.assertAlmostEqual(drift[1].mean_score, (0 + 100 / 3 + 100) / 3, places=1)
        self.assertAlmostEqual(drift[0].mean_score, (10 * 100 + 16 * 50) / 26, places=1)


class TestFairnessDrillDown(FairnessCase):
    def test_figures_open_exactly_their_reviews(self):
        analysis = self.analysis()
        women = self.group(analysis, "female")
        self.assertEqual(self.opened_ids(women.action_open_records()), set(self.women.ids))
        top = self.women.filtered(lambda r: r.assessment_ids.final_rating_id == self.top)
        self.assertEqual(len(top), 5)
        self.assertEqual(self.opened_ids(women.action_open_top()), set(top.ids))
        men_meets = analysis.distribution_line_ids.filtered(
            lambda line: line.group_key == "male" and line.level_id == self.meets
        )
        self.assertEqual(
            self.opened_ids(men_meets.action_open_records()),
            set(self.men.filtered(lambda r: r.assessment_ids.final_rating_id == self.meets).ids),
        )
        drift = analysis.drift_line_ids.filtered(lambda line: line.cycle_id == self.cycle)
        self.assertEqual(
            self.opened_ids(drift.action_open_records()),
            set((self.women | self.men | self.others | self.unset).ids),
        )

    def test_drill_down_reads_with_the_officers_rights(self):
        analysis = self.analysis()
        action = self.group(analysis, "female").action_open_records()
        self.assertEqual(action["res_model"], "performance.review")
        # the officer of company B opens nothing of company A
        reviews = self.env["performance.review"].with_user(self.user_officer_b)
        self.assertFalse(reviews.search(action["domain"]))


class TestFairnessAccess(FairnessCase):
    def test_managers_and_employees_are_refused(self):
        for user in (self.user_manager, self.user_employee, self.user_portal):
            with self.assertRaises(AccessError):
                self.analysis(user=user)
            with self.assertRaises(AccessError):
                self.env["performance.fairness.report"].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["performance.reward.gap.report"].with_user(user).search([])

    def test_menu_only_for_officers(self):
        menu = self.env.ref("performance_management.performance_fairness_analysis_menu")
        Menu = self.env["ir.ui.menu"]
        for user in (self.user_manager, self.user_employee):
            self.assertNotIn(menu.id, Menu.with_user(user)._visible_menu_ids())
        self.assertIn(menu.id, Menu.with_user(self.user_officer)._visible_menu_ids())
        # a newer cycle with fewer final ratings than the smallest group shown: the menu
        # opens on the rated one
        newer = self.cycle.copy({"name": "Newer, hardly rated yet"})
        deadlines = [
            name
            for name, field in newer._fields.items()
            if field.type == "date" and field.store and name not in ("date_start", "date_end")
        ]
        newer.write(dict.fromkeys(deadlines, False))
        newer.write({"date_start": "2099-01-01", "date_end": "2099-12-31", "state": "running"})
        self._rated(newer, "female", 4, 4)
        action = (
            self.env["performance.fairness.analysis"]
            .with_user(self.user_officer)
            .action_open_analysis()
        )
        self.assertEqual(action["res_model"], "performance.fairness.analysis")
        # the breadcrumb names the analysis and its cycle, not the technical model
        analysis = self.env["performance.fairness.analysis"].browse(action["res_id"])
        self.assertEqual(
            analysis.with_user(self.user_officer).display_name,
            f"Fairness of Ratings - {analysis.cycle_id.display_name}",
        )
        self.assertEqual(analysis.cycle_id, self.cycle)

    def test_other_company_officer_sees_nothing(self):
        Report = self.env["performance.fairness.report"].with_user(self.user_officer_b)
        self.assertFalse(Report.search([("cycle_id", "=", self.cycle.id)]))


class TestRewardGap(FairnessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rewards = cls.env["performance.reward"]
        for reviews, percent in ((cls.women, 4.0), (cls.men, 2.0), (cls.others, 9.0)):
            cls.rewards |= cls.env["performance.reward"].create(
                [
                    {
                        "employee_id": review.employee_id.id,
                        "recommender_id": cls.manager.id,
                        "cycle_id": cls.cycle.id,
                        "kind": "raise",
                        "raise_percent": percent,
                        "state": "submitted",
                    }
                    for review in reviews
                ]
            )

    def test_gap_shown_before_approval(self):
        action = self.cycle.with_user(self.user_officer).action_open_reward_approval()
        analysis = self.env["performance.fairness.analysis"].browse(action["res_id"])
        lines = {line.group_key: line for line in analysis.reward_line_ids}
        # the 3 others (9 %) are the only ones left out: one of the two groups of 10 goes
        # too, or the cycle's total would give the others away
        self.assertNotIn("other", lines)
        self.assertNotIn(9.0, analysis.reward_line_ids.mapped("raise_mean"))
        self.assertEqual(len(lines), 1)
        self.assertIn("13 people", analysis.summary)
        self.assertEqual(analysis.reward_count, 23)
        self.assertTrue(all(r.state == "submitted" for r in self.rewards))
        analysis.action_approve_rewards()
        self.assertTrue(all(r.state == "approved" for r in self.rewards))

    def test_gap_ratio_between_shown_groups(self):
        others = self.rewards.filtered(lambda r: r.employee_id.sex == "other")
        others.action_refuse()
        # the 3 unset: none rewarded; now women (10) and men (10) are both shown
        action = self.cycle.with_user(self.user_officer).action_open_reward_approval()
        analysis = self.env["performance.fairness.analysis"].browse(action["res_id"])
        lines = {line.group_key: line for line in analysis.reward_line_ids}
        self.assertEqual(set(lines), {"female", "male"})
        self.assertAlmostEqual(lines["male"].ratio, 0.5)
        self.assertTrue(lines["male"].flagged)
        opened = lines["male"].action_open_records()
        self.assertEqual(opened["res_model"], "performance.reward")
        self.assertEqual(
            self.opened_ids(opened),
            set(self.rewards.filtered(lambda r: r.employee_id.sex == "male").ids),
        )

    def test_form_approve_shows_the_gap_first(self):
        reward = self.rewards.filtered(lambda r: r.employee_id.sex == "female")[:1]
        arch = self.env["performance.reward"].get_view(view_type="form")["arch"]
        self.assertIn('name="action_open_approval"', arch)
        self.assertNotIn('name="action_approve"', arch)
        action = reward.with_user(self.user_officer).action_open_approval()
        # nothing approved yet: the officer sees the same gap as from the cycle
        self.assertEqual(reward.state, "submitted")
        self.assertEqual(action["res_model"], "performance.fairness.analysis")
        self.assertEqual(action["target"], "new")
        analysis = self.env["performance.fairness.analysis"].browse(action["res_id"])
        from_cycle = self.env["performance.fairness.analysis"].browse(
            self.cycle.with_user(self.user_officer).action_open_reward_approval()["res_id"]
        )
        self.assertEqual(analysis.mode, "reward")
        self.assertEqual(analysis.cycle_id, self.cycle)
        self.assertEqual(analysis.summary, from_cycle.summary)
        self.assertEqual(
            analysis.reward_line_ids.mapped(lambda line: (line.group_key, line.raise_mean)),
            from_cycle.reward_line_ids.mapped(lambda line: (line.group_key, line.raise_mean)),
        )
        self.assertIn("13 people", analysis.summary)
        self.assertEqual(analysis.reward_ids, reward)
        self.assertEqual(analysis.reward_count, 1)
        # approving from there approves this reward alone
        analysis.with_user(self.user_officer).action_approve_rewards()
        self.assertEqual(reward.state, "approved")
        self.assertEqual(reward.approver_id, self.user_officer)
        self.assertEqual(set((self.rewards - reward).mapped("state")), {"submitted"})
        with self.assertRaises(UserError):
            reward.with_user(self.user_officer).action_open_approval()

    def test_form_approve_refused_to_a_manager_without_approval(self):
        reward = self.rewards[:1]
        Analysis = self.env["performance.fairness.analysis"]
        before = Analysis.search_count([])
        # the manager of the recommender, while the setting keeps approval to officers
        self.company.performance_reward_manager_approval = False
        for user in (self.user_director, self.user_manager, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                reward.with_user(user).action_open_approval()
        self.assertEqual(reward.state, "submitted")
        self.assertEqual(Analysis.search_count([]), before, "no gap shown to them")
        # allowed by the setting, he approves at once: the gap is the officers'
        self.company.performance_reward_manager_approval = True
        self.assertIs(reward.with_user(self.user_director).action_open_approval(), True)
        self.assertEqual(reward.state, "approved")
        self.assertEqual(reward.approver_id, self.user_director)

    def test_reward_gap_refused_to_managers(self):
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_manager).action_open_reward_approval()

    def test_manager_cannot_approve_through_the_wizard(self):
        analysis = (
            self.env["performance.fairness.analysis"]
            .with_user(self.user_officer)
            .create({"mode": "reward", "cycle_id": self.cycle.id})
        )
        with self.assertRaises(AccessError):
            analysis.with_user(self.user_manager).action_approve_rewards()
        analysis.reward_ids = [Command.set(self.rewards[:1].ids)]
        analysis.action_approve_rewards()
        self.assertEqual(self.rewards[:1].state, "approved")


class TestRaterAgreement(FairnessCase):
    def _answer(self, survey, review, role, value, anonymous=False):
        question = survey.question_ids
        user_input = self.env["survey.user_input"].create(
            {
                "survey_id": survey.id,
                "performance_review_id": review.id,
                "performance_role": role,
                "performance_anonymous": anonymous,
                "state": "done",
            }
        )
        self.env["survey.user_input.line"].create(
            {
                "user_input_id": user_input.id,
                "question_id": question.id,
                "answer_type": "scale",
                "value_scale": value,
            }
        )

    def test_spread_of_the_360_raters(self):
        survey = self.env["survey.survey"].create(
            {
                "title": "Fair 360",
                "survey_type": "performance",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Overall",
                            "question_type": "scale",
                            "scale_min": 0,
                            "scale_max": 10,
                        }
                    )
                ],
            }
        )
        split, agreed = self.men[0], self.men[1]
        # two peers at 0 and 10 of 10: a spread of 50 on 0-100; the self answer, an
        # unreleased anonymous one and a single rater do not count
        self._answer(survey, split, "peer", 0)
        self._answer(survey, split, "report", 10)
        self._answer(survey, split, "self", 10)
        self._answer(survey, split, "peer", 10, anonymous=True)
        self._answer(survey, agreed, "peer", 6)
        self._answer(survey, agreed, "peer", 6)
        self._answer(survey, self.men[2], "peer", 3)
        analysis = self.analysis()
        lines = analysis.agreement_line_ids.sorted("sequence")
        self.assertEqual(lines.review_id, split | agreed)
        self.assertEqual(lines.mapped("rater_count"), [2, 2])
        self.assertAlmostEqual(lines[0].rater_spread, 50.0)
        self.assertAlmostEqual(lines[1].rater_spread, 0.0)
        self.assertEqual(self.opened_ids(lines[0].action_open_records()), set(split.ids))
        # two reviews with a spread among the men: under the minimum, no group figure
        self.assertFalse(self.group(analysis, "male").has_rater_spread)
