from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import users, warmup

from .common import PerformanceCase

COUNTS = {
    "action_open_performance_goals": "performance_goal_count",
    "action_open_performance_reviews": "performance_review_count",
    "action_open_performance_feedback": "performance_feedback_count",
    "action_open_performance_coaching": "performance_coaching_count",
    "action_open_performance_improvement_plans": "performance_improvement_plan_count",
    "action_open_performance_development_plans": "performance_development_plan_count",
    "action_open_performance_recognitions": "performance_recognition_count",
    "action_open_performance_rewards": "performance_reward_count",
}
ALL_BUTTONS = set(COUNTS) | {"action_open_performance_journal"}


@tagged("post_install", "-at_install")
class TestEmployeePublicForm(PerformanceCase):
    """The smart buttons of the public employee form, seen by each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.goal = env["performance.goal"].create(
            {"name": "Ship the API", "employee_id": cls.employee.id}
        )
        env["performance.goal"].create({"name": "Peer goal", "employee_id": cls.peer.id})
        scale = env["performance.rating.scale"].create({"name": "Public form scale"})
        template = env["performance.review.template"].create(
            {
                "name": "Public form template",
                "scale_id": scale.id,
                "question_weight": 0,
                "competency_weight": 0,
                "goal_weight": 100,
            }
        )
        cls.review = env["performance.review"].create(
            {
                "employee_id": cls.employee.id,
                "manager_id": cls.manager.id,
                "template_id": template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        Feedback = env["performance.feedback"]
        cls.feedback_shared = Feedback.create(
            {"employee_id": cls.employee.id, "author_id": cls.director.id, "message": "Nice"}
        )
        cls.feedback_private = Feedback.create(
            {
                "employee_id": cls.employee.id,
                "author_id": cls.director.id,
                "message": "Between managers",
                "visibility": "private",
            }
        )
        cls.feedback_public = Feedback.create(
            {
                "employee_id": cls.employee.id,
                "author_id": cls.director.id,
                "message": "Well done, everyone should know",
                "visibility": "public",
            }
        )
        cls.coaching = env["performance.coaching.log"].create(
            {"employee_id": cls.employee.id, "coach_id": cls.manager.id}
        )
        cls.plan = env["performance.improvement.plan"].create(
            {
                "name": "Delivery plan",
                "employee_id": cls.employee.id,
                "date_end": "2030-03-31",
                "objective_ids": [(0, 0, {"name": "Deliver"})],
            }
        )
        cls.plan.action_activate()  # the employee never sees a draft plan
        path = env["performance.career.path"].create({"name": "Public form path"})
        step = env["performance.career.step"].create(
            {"path_id": path.id, "job_id": env["hr.job"].create({"name": "PF Senior"}).id}
        )
        cls.development = env["performance.development.plan"].create(
            {
                "employee_id": cls.employee.id,
                "target_step_id": step.id,
                "mentor_id": cls.other_manager.id,
            }
        )
        cls.recognition = env["performance.recognition"].create(
            {
                "giver_id": cls.peer.id,
                "receiver_ids": cls.employee.ids,
                "message": "<p>Thanks for the help</p>",
            }
        )
        cls.reward = env["performance.reward"].create(
            {"employee_id": cls.employee.id, "recommender_id": cls.manager.id, "amount": 100}
        )

    def _public(self, user, employee=None):
        return (
            self.env["hr.employee.public"].with_user(user).browse((employee or self.employee).id)
        )

    def _visible_buttons(self, user, employee=None):
        """The areas of the overview ``user`` sees on ``employee``, named by their buttons.

        The form has one Performance button, for everyone; the overview it opens shows an area
        per former smart button, when the reader may see it.
        """
        public = self._public(user, employee)
        view = public.get_view(self.env.ref("hr.hr_employee_public_view_form").id, "form")
        buttons = etree.fromstring(view["arch"]).xpath(
            "//div[@name='button_box']/button[starts-with(@name, 'action_open_performance')]"
        )
        self.assertEqual([b.get("name") for b in buttons], ["action_open_performance_overview"])
        action = public.action_open_performance_overview()
        self.assertEqual(action["tag"], "performance_employee_overview")
        overview = public.get_performance_overview()
        sections = {section["button"] for section in overview["sections"]}
        if overview["employee"]["show_private"]:
            sections.add("action_open_performance_journal")
        for section in overview["sections"]:
            # each area lists what its button opens, as many as its count says
            opened = self._opened(user, section["button"], employee)
            self.assertEqual(section["count"], len(opened))
            self.assertEqual({row["id"] for row in section["rows"]}, set(opened.ids[:5]))
        return sections

    def _counts(self, user, employee=None):
        public = self._public(user, employee)
        return {method: public[field] for method, field in COUNTS.items()}

    def _opened(self, user, method, employee=None):
        """The records the button ``method`` opens for ``user``, searched with their rights."""
        action = getattr(self._public(user, employee), method)()
        return self.env[action["res_model"]].with_user(user).search(action["domain"])

    def test_manager_sees_the_chain(self):
        self.assertTrue(self._public(self.user_manager).performance_show_private)
        self.assertEqual(self._visible_buttons(self.user_manager), ALL_BUTTONS)
        counts = self._counts(self.user_manager)
        self.assertEqual(counts["action_open_performance_feedback"], 3, "private one included")
        self.assertEqual(set(counts.values()) - {3}, {1})
        # The director manages the chain above: same buttons, one level up.
        self.assertEqual(self._visible_buttons(self.user_director), ALL_BUTTONS)
        # The manager's own manager chain is not theirs.
        self.assertFalse(self._public(self.user_manager, self.director).performance_show_private)

    def test_employee_sees_own_without_manager_secrets(self):
        self.assertTrue(self._public(self.user_employee).performance_show_private)
        self.assertEqual(self._visible_buttons(self.user_employee), ALL_BUTTONS)
        counts = self._counts(self.user_employee)
        self.assertEqual(counts["action_open_performance_feedback"], 2, "no private feedback")
        self.assertEqual(counts["action_open_performance_rewards"], 0, "a draft reward is HR's")
        self.assertEqual(counts["action_open_performance_improvement_plans"], 1)
        self.assertNotIn(
            self.feedback_private,
            self._opened(self.user_employee, "action_open_performance_feedback"),
        )
        self.assertFalse(self._opened(self.user_employee, "action_open_performance_rewards"))

    def test_peer_sees_only_what_is_public(self):
        public = self._public(self.user_peer)
        self.assertFalse(public.performance_show_private)
        self.assertEqual(
            self._visible_buttons(self.user_peer),
            {"action_open_performance_feedback", "action_open_performance_recognitions"},
        )
        counts = self._counts(self.user_peer)
        self.assertEqual(counts.pop("action_open_performance_feedback"), 1, "the public one")
        self.assertEqual(counts.pop("action_open_performance_recognitions"), 1, "they gave it")
        self.assertEqual(set(counts.values()), {0})
        self.assertEqual(
            self._opened(self.user_peer, "action_open_performance_feedback"),
            self.feedback_public,
        )
        # The action opens nothing the count hides, and the records stay closed.
        self.assertFalse(self._opened(self.user_peer, "action_open_performance_improvement_plans"))
        self.assertFalse(self._opened(self.user_peer, "action_open_performance_reviews"))
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_peer).read(["name"])
        with self.assertRaises(AccessError):
            self.review.with_user(self.user_peer).read(["name"])

    def test_mentor_sees_the_plan_they_mentor(self):
        self.assertFalse(self._public(self.user_other_manager).performance_show_private)
        self.assertEqual(
            self._visible_buttons(self.user_other_manager),
            {
                "action_open_performance_development_plans",
                "action_open_performance_feedback",
                "action_open_performance_recognitions",
            },
        )
        self.assertEqual(
            self._opened(self.user_other_manager, "action_open_performance_development_plans"),
            self.development,
        )

    def test_officer_sees_everything(self):
        self.assertTrue(self._public(self.user_officer).performance_show_private)
        self.assertEqual(self._visible_buttons(self.user_officer), ALL_BUTTONS)
        self.assertEqual(self._counts(self.user_officer), self._counts(self.user_manager))
        # Another company's officer does not even open the employee.
        with self.assertRaises(AccessError):
            self._public(self.user_officer_b).read(["performance_goal_count"])

    def test_form_loads_for_each_reader(self):
        # What the web client does: load the form, then read every field it shows.
        for user in (self.user_manager, self.user_employee, self.user_peer):
            with self.subTest(user=user.login):
                Public = self.env["hr.employee.public"].with_user(user)
                views = Public.get_views([(False, "form")])
                spec = {
                    name: {}
                    for name in views["models"]["hr.employee.public"]["fields"]
                    if Public._fields[name].type != "one2many"
                }
                values = Public.browse(self.employee.id).web_read(spec)[0]
                self.assertIn("performance_goal_count", values)

    def test_one_performance_button_on_the_employee_form(self):
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        view = Employee.get_view(self.env.ref("hr.view_employee_form").id)
        arch = etree.fromstring(view["arch"])
        ours = [
            button.get("name")
            for button in arch.xpath("//div[@name='button_box']/button")
            if "performance" in (button.get("name") or "")
        ]
        self.assertEqual(ours, ["action_open_performance_overview"])
        # the officer's overview from hr.employee is the public one's: same areas
        action = Employee.browse(self.employee.id).action_open_performance_overview()
        self.assertEqual(action["params"], {"employee_id": self.employee.id})
        self.assertEqual(self._visible_buttons(self.user_officer), ALL_BUTTONS)

    def test_overview_rows_say_what_they_are(self):
        overview = self._public(self.user_manager).get_performance_overview()
        self.assertEqual(overview["employee"]["name"], self.employee.name)
        goals = next(s for s in overview["sections"] if s["key"] == "goal")
        self.assertEqual(goals["model"], "performance.goal")
        self.assertEqual(goals["rows"][0]["name"], "Ship the API")
        self.assertEqual(goals["rows"][0]["progress"], 0)
        self.assertIn("Draft", [detail["value"] for detail in goals["rows"][0]["details"]])
        # a reader who may not open the employee gets no overview
        with self.assertRaises(AccessError):
            self._public(self.user_officer_b).get_performance_overview()

    def test_improvement_plans_hidden_when_none(self):
        self.assertNotIn(
            "action_open_performance_improvement_plans",
            self._visible_buttons(self.user_manager, self.peer),
        )
        self.assertIn(
            "action_open_performance_goals", self._visible_buttons(self.user_manager, self.peer)
        )

    def test_actions_open_the_counted_records(self):
        expected = {
            "action_open_performance_goals": self.goal,
            "action_open_performance_reviews": self.review,
            "action_open_performance_coaching": self.coaching,
            "action_open_performance_improvement_plans": self.plan,
            "action_open_performance_development_plans": self.development,
            "action_open_performance_recognitions": self.recognition,
            "action_open_performance_rewards": self.reward,
        }
        counts = self._counts(self.user_manager)
        for method, records in expected.items():
            with self.subTest(method=method):
                opened = self._opened(self.user_manager, method)
                self.assertEqual(opened, records)
                self.assertEqual(len(opened), counts[method])
        feedback = self._opened(self.user_manager, "action_open_performance_feedback")
        self.assertEqual(
            feedback, self.feedback_shared | self.feedback_private | self.feedback_public
        )
        action = self._public(self.user_manager).action_open_performance_goals()
        self.assertEqual(action["context"]["default_employee_id"], self.employee.id)
        journal = self._public(self.user_manager).action_open_performance_journal()
        self.assertEqual(journal["res_model"], "performance.journal")
        self.assertEqual(journal["context"], {"default_employee_id": self.employee.id})

    def test_counts_follow_the_reader_in_one_transaction(self):
        # Same records, several readers: a cached count must never leak to the next reader.
        employees = self.env["hr.employee.public"].browse(self.employee.id)
        self.assertEqual(employees.with_user(self.user_manager).performance_reward_count, 1)
        self.assertEqual(employees.with_user(self.user_employee).performance_reward_count, 0)
        self.assertEqual(employees.with_user(self.user_peer).performance_coaching_count, 0)
        self.assertEqual(employees.with_user(self.user_manager).performance_coaching_count, 1)

    @users("pm_manager", "pm_officer")
    @warmup
    def test_counts_query_count(self):
        """Reading the counters of a list costs the same for two employees as for six.

        One grouped query per counter; a manager pays more than an officer for the record
        rules, which expand their chain (child_of) level by level, not employee by employee.
        """
        fields = [*COUNTS.values(), "performance_show_private"]
        Public = self.env["hr.employee.public"]
        few = Public.browse((self.employee | self.peer).ids)
        many = Public.browse(
            (
                self.employee
                | self.peer
                | self.portal_employee
                | self.nouser_employee
                | self.manager
                | self.director
            ).ids
        )
        with self.assertQueryCount(pm_manager=38, pm_officer=9):
            few.read(fields)
        self.env.invalidate_all()
        with self.assertQueryCount(pm_manager=38, pm_officer=9):
            values = many.read(fields)
        if self.env.user == self.user_manager:
            self.assertEqual(
                [value["performance_show_private"] for value in values],
                [True, True, True, True, True, False],
            )


@tagged("post_install", "-at_install")
class TestEmployeeMirroredFields(PerformanceCase):
    def test_plain_user_reads_every_mirrored_field_of_another_employee(self):
        # Odoo's rule (hr's test_self_user_access): what hr.employee.public offers, a plain
        # user reads on hr.employee too; our counters must not break it.
        public = self.env["hr.employee.public"]._fields
        names = [name for name in self.env["hr.employee"]._fields if name in public]
        self.assertIn("performance_goal_count", names)
        other = self.other_employee.with_user(self.user_employee)
        self.assertEqual(len(other.read(names)[0]), len(names))
        self.assertEqual(other.performance_improvement_plan_count, 0)
