from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestGoalAutomaticKeyResults(GoalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Event = cls.env["calendar.event"].with_context(no_mail_to_attendees=True)

        def event(name, user, start, duration=1.0):
            return Event.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "start": start,
                    "stop": start.replace("09:", "10:"),
                    "duration": duration,
                    "partner_ids": [],
                }
            )

        event("Demo A", cls.user_employee, "2026-02-01 09:00:00", 1.5)
        event("Demo B", cls.user_employee, "2026-03-01 09:00:00", 2.0)
        event("Internal", cls.user_employee, "2026-03-02 09:00:00", 3.0)
        event("Demo old", cls.user_employee, "2025-12-01 09:00:00", 4.0)
        event("Demo peer", cls.user_peer, "2026-03-01 09:00:00", 0.5)
        event("Demo other", cls.user_other_employee, "2026-03-01 09:00:00", 0.25)
        cls.event = staticmethod(event)
        cls.model = cls.env["ir.model"]._get("calendar.event")
        cls.fields = {
            name: cls.env["ir.model.fields"]._get("calendar.event", name)
            for name in ("user_id", "start", "duration")
        }

    def _automatic(self, goal_values=None, user=None, **values):
        kr = {
            "name": "Customer demos",
            "source": "automatic",
            "model_id": self.model.id,
            "computation_mode": "count",
            "domain": "[('name', 'ilike', 'Demo')]",
            "owner_field_id": self.fields["user_id"].id,
            "date_field_id": self.fields["start"].id,
            "target_value": 10,
            **values,
        }
        goal = self._goal(self.employee, state="active", **(goal_values or {}))
        return (
            self.env["performance.key.result"]
            .with_user(user or self.user_admin)
            .create(dict(kr, goal_id=goal.id))
        )

    def test_count_for_the_owner_in_the_period(self):
        kr = self._automatic()
        self.assertEqual(kr.current_value, 2)
        self.assertAlmostEqual(kr.progress, 20.0)
        self.assertAlmostEqual(kr.goal_id.progress, 20.0)
        self.assertTrue(kr.last_computed)

    def test_sum_of_a_field(self):
        kr = self._automatic(computation_mode="sum", field_id=self.fields["duration"].id)
        self.assertAlmostEqual(kr.current_value, 3.5)

    def test_team_goal_counts_its_members(self):
        kr = self._automatic(
            goal_values={
                "employee_id": False,
                "scope": "department",
                "department_id": self.department.id,
            }
        )
        # Eli's two demos and Pat's one; Olga works in another department.
        self.assertEqual(kr.current_value, 3)

    def test_recomputed_by_cron_once_a_day_and_on_demand(self):
        with freeze_time("2026-03-10 08:00:00"):
            kr = self._automatic()
            self.event("Demo C", self.user_employee, "2026-03-09 09:00:00")
            self.env["performance.key.result"]._cron_update_automatic_values()
            self.assertEqual(kr.current_value, 2)
            kr.goal_id.action_compute_key_results()
            self.assertEqual(kr.current_value, 3)
            self.event("Demo D", self.user_employee, "2026-03-09 09:00:00")
        with freeze_time("2026-03-11 08:00:00"):
            self.env["performance.key.result"]._cron_update_automatic_values()
            self.assertEqual(kr.current_value, 4)

    def test_only_administrators_define_automatic_key_results(self):
        for user in (self.user_manager, self.user_officer):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "Only performance administrators"),
            ):
                self._automatic(user=user)
        kr = self._automatic()
        self.assertEqual(kr.definer_id, self.user_admin)
        for user in (self.user_manager, self.user_officer):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "Only performance administrators"):
                    kr.with_user(user).domain = "[]"
                with self.assertRaisesRegex(UserError, "Only performance administrators"):
                    kr.with_user(user).definer_id = user

    def test_bad_definitions_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "domain .* is invalid"):
            self._automatic(domain="[('no_such_field', '=', 1)]")
        with self.assertRaisesRegex(ValidationError, "numeric field"):
            self._automatic(computation_mode="sum")
        with self.assertRaisesRegex(ValidationError, "needs a model"):
            self._automatic(model_id=False, owner_field_id=False, date_field_id=False)
        with self.assertRaisesRegex(ValidationError, "not a field of"):
            self._automatic(
                owner_field_id=self.env["ir.model.fields"]._get("res.partner", "user_id").id
            )


@tagged("post_install", "-at_install")
class TestAutomaticKeyResultsCountWithTheDefinersRights(GoalCase):
    """Issue 17: automatic key results counted anything in sudo (secrets, wages, private
    notes, chat messages, other companies). They count allowed models, as their definer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Model = cls.env["ir.model"]
        log = cls.env["performance.coaching.log"].create(
            {"employee_id": cls.employee.id, "coach_id": cls.manager.id}
        )
        cls.env["performance.coaching.note"].create(
            {"log_id": log.id, "user_id": cls.user_manager.id, "note": "<p>SECRET</p>"}
        )
        cls.goal = cls._goal(cls.employee, state="active")

    def _define(self, user, model, **values):
        return (
            self.env["performance.key.result"]
            .with_user(user)
            .create(
                {
                    "name": "Probe",
                    "goal_id": values.pop("goal", self.goal).id,
                    "source": "automatic",
                    "model_id": self.Model._get(model).id,
                    "computation_mode": "count",
                    "domain": "[]",
                    "target_value": 10,
                    **values,
                }
            )
        )

    def _allow(self, *models, company=None):
        (company or self.env.company).performance_kr_model_ids |= self.Model.search(
            [("model", "in", models)]
        )

    def test_officer_cannot_probe_the_database_secret(self):
        domain = "[('key', '=', 'database.secret'), ('value', 'ilike', 'a')]"
        # refused on the new key result, before anything is counted (the model's list or
        # the administrators' right, whichever is checked first)
        with self.assertRaises(UserError):
            self._define(self.user_officer, "ir.config_parameter", domain=domain)
        # not over an existing key result either
        kr = self._define(self.user_admin, "calendar.event")
        for vals in (
            {"model_id": self.Model._get("ir.config_parameter").id, "domain": domain},
            {"domain": "[('name', 'ilike', 'x')]"},
            {"definer_id": self.user_officer.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                kr.with_user(self.user_officer).write(vals)

    def test_only_allowed_models(self):
        for model in ("ir.config_parameter", "res.users", "mail.message", "hr.version"):
            with (
                self.subTest(model=model),
                self.assertRaisesRegex(ValidationError, "not among the models"),
            ):
                self._define(self.user_admin, model)
        # A model taken off the list is no longer counted, not even by the cron.
        kr = self._define(self.user_admin, "calendar.event")
        self.env.company.performance_kr_model_ids -= self.Model._get("calendar.event")
        kr.sudo().write({"current_value": 7, "last_computed": False})
        self.env["performance.key.result"]._cron_update_automatic_values()
        self.assertEqual(kr.current_value, 7)
        self.assertTrue(kr.last_computed, "counted as done: the cron moves on")

    def test_private_notes_and_chats_stay_private(self):
        self._allow("performance.coaching.note", "mail.message")
        notes = self._define(self.user_admin, "performance.coaching.note")
        self.assertEqual(notes.current_value, 0, "another user's private 1:1 note")
        channel = (
            self.env["discuss.channel"]
            .with_user(self.user_manager)
            ._get_or_create_chat(self.user_employee.partner_id.ids)
        )
        channel.message_post(body="SECRET chat", message_type="comment")
        chats = self._define(
            self.user_admin,
            "mail.message",
            domain=f"[('model', '=', 'discuss.channel'), ('res_id', '=', {channel.id})]",
        )
        self.assertEqual(chats.current_value, 0, "a direct chat between two others")
        # The cron (superuser) counts with the definer's rights too.
        self.env["performance.key.result"].search(
            [("id", "in", (notes | chats).ids)]
        ).last_computed = False
        self.env["performance.key.result"]._cron_update_automatic_values()
        self.assertEqual((notes | chats).mapped("current_value"), [0, 0])
        # The manager, defining it himself, would count his own note: rights, not sudo.
        self.user_manager.group_ids += self.env.ref(
            "performance_management.group_performance_admin"
        )
        own = self._define(self.user_manager, "performance.coaching.note")
        self.assertEqual(own.current_value, 1)

    def test_wages_need_the_definers_own_rights(self):
        self._allow("hr.version")
        wage = self.env["ir.model.fields"]._get("hr.version", "wage")
        self.env["hr.version"].search([("employee_id", "=", self.manager.id)]).wage = 9000
        if self.user_admin.has_group("hr.group_hr_manager"):
            self.skipTest("the administrator reads wages himself")
        with self.assertRaisesRegex(UserError, "may not read"):
            self._define(self.user_admin, "hr.version", computation_mode="sum", field_id=wage.id)

    def test_counted_within_the_goals_company(self):
        self._allow("performance.goal")
        self._allow("performance.goal", company=self.company_b)
        self.user_admin.company_ids += self.company_b
        goal_b = self.env["performance.goal"].create(
            {
                "name": "Company B goal",
                "scope": "company",
                "company_id": self.company_b.id,
                "state": "active",
                "date_start": "2026-01-01",
                "date_deadline": "2026-12-31",
            }
        )
        kr = self._define(
            self.user_admin.with_company(self.company_b), "performance.goal", goal=goal_b
        )
        goals_b = self.env["performance.goal"].search_count(
            [("company_id", "=", self.company_b.id)]
        )
        self.assertEqual(kr.current_value, goals_b)
        self.assertLess(kr.current_value, self.env["performance.goal"].search_count([]))
        # Once the definer loses the company, the cron leaves the value alone.
        self.user_admin.company_ids -= self.company_b
        kr.sudo().write({"current_value": 42, "last_computed": False})
        self.env["performance.key.result"]._cron_update_automatic_values()
        self.assertEqual(kr.current_value, 42)
        self.assertTrue(kr.last_computed, "counted as done: the cron moves on")
