"""Manager chains on data shaped like Odoo's own demo, for every role.

Odoo accepts any manager graph on ``hr.employee``: its demo makes Mitchell Admin his own
manager, and nothing stops a loop. The addon must read such data as Odoo's ``child_of`` does
and must not refuse it.
"""

import random

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user, tagged, users, warmup


class DemoShapedCase(TransactionCase):
    """Company A: Mitch (his own manager, like Mitchell Admin) > Marc > Randall, Ronnie >
    Keith > Anita (a deep chain), Joel (a portal user) under Marc, Nora without a user;
    Mitch > Archie (archived) > Ursula; Lou and Lee manage each other (a loop). Company B:
    Bert, whose manager is Marc in company A. Every employee has one goal.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Chain Company B"})

        def user(login, groups="base.group_user", companies=cls.company):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=companies[0].id,
                company_ids=[Command.set(companies.ids)],
            )

        Employee = cls.env["hr.employee"]
        cls.users = {
            name: user(f"chain_{name}")
            for name in ("mitch", "marc", "randall", "ronnie", "keith", "anita", "lou", "lee")
        }
        cls.users["joel"] = user("chain_joel", groups="base.group_portal")
        cls.users["archie"] = user("chain_archie")
        cls.users["ursula"] = user("chain_ursula")
        cls.users["bert"] = user("chain_bert", companies=cls.company_b)
        cls.users["officer"] = user(
            "chain_officer", groups="performance_management.group_performance_officer"
        )

        def employee(name, parent=None, company=cls.company, with_user=True):
            return Employee.create(
                {
                    "name": name.title(),
                    "user_id": cls.users[name].id if with_user else False,
                    "parent_id": parent.id if parent else False,
                    "company_id": company.id,
                }
            )

        e = cls.e = {}
        e["mitch"] = employee("mitch")
        e["mitch"].parent_id = e["mitch"]  # Odoo's demo: Mitchell Admin manages himself
        e["marc"] = employee("marc", e["mitch"])
        e["randall"] = employee("randall", e["marc"])
        e["ronnie"] = employee("ronnie", e["marc"])
        e["keith"] = employee("keith", e["ronnie"])
        e["anita"] = employee("anita", e["keith"])
        e["joel"] = employee("joel", e["marc"])
        e["nora"] = Employee.create({"name": "Nora", "parent_id": e["marc"].id})
        e["archie"] = employee("archie", e["mitch"])
        e["ursula"] = employee("ursula", e["archie"])
        # archived as an import or a script does it (action_archive detaches the reports)
        e["archie"].write({"active": False})
        e["lou"] = employee("lou")
        e["lee"] = employee("lee", e["lou"])
        e["lou"].parent_id = e["lee"]  # a manager loop, accepted by the host
        e["bert"] = employee("bert", e["marc"], company=cls.company_b)
        cls.goals = {
            name: cls.env["performance.goal"].create(
                {
                    "name": f"Goal of {name}",
                    "employee_id": emp.id,
                    "company_id": emp.company_id.id,
                    # seen through the employee's chain alone (a goal keeps its manager)
                    "manager_id": False,
                    "state": "active",
                }
            )
            for name, emp in e.items()
        }

    def _visible_goals(self, login, companies=None):
        Goal = self.env["performance.goal"].with_user(self.users[login])
        if companies:
            Goal = Goal.with_context(allowed_company_ids=companies.ids)
        names = {name for name, goal in self.goals.items() if goal in Goal.search([])}
        return names

    def _host_child_of(self, employees):
        """What Odoo itself answers for "child_of" without the addon's help."""
        return (
            self.env["hr.employee"]
            .with_context(active_test=False)
            .search([("id", "child_of", employees.ids)])
        )


@tagged("post_install", "-at_install")
class TestManagerChainDemoShape(DemoShapedCase):
    def test_host_accepts_what_it_accepted(self):
        """A self-managed employee and a loop are saved as Odoo alone saves them."""
        self.assertEqual(self.e["mitch"].parent_id, self.e["mitch"])
        self.assertEqual(self.e["lou"].parent_id, self.e["lee"])
        fresh = self.env["hr.employee"].create({"name": "Selfie"})
        fresh.parent_id = fresh
        self.assertEqual(fresh.parent_id, fresh)

    def test_chains_read_as_odoo_child_of(self):
        Employee = self.env["hr.employee"].with_context(active_test=False)
        for name, employee in self.e.items():
            with self.subTest(employee=name):
                self.assertEqual(
                    Employee.search([("performance_chain_ids", "in", employee.ids)]),
                    self._host_child_of(employee),
                )

    def test_what_each_person_sees(self):
        everyone_a = set(self.goals) - {"bert"}
        below_marc = {"marc", "randall", "ronnie", "keith", "anita", "joel", "nora"}
        expected = {
            # the self-managed top sees the whole tree, through the archived manager too
            "mitch": below_marc | {"mitch", "archie", "ursula"},
            "marc": below_marc,
            "ronnie": {"ronnie", "keith", "anita"},
            "keith": {"keith", "anita"},
            "anita": {"anita"},
            "randall": {"randall"},
            "ursula": {"ursula"},
            # a loop: each manages the other, as Odoo's child_of reads it
            "lou": {"lou", "lee"},
            "lee": {"lou", "lee"},
            "officer": everyone_a,
        }
        for login, names in expected.items():
            with self.subTest(login=login):
                self.assertEqual(self._visible_goals(login), names)

    def test_other_company_stays_in_its_company(self):
        # Marc manages Bert across companies, but sees his goal only where he may work
        self.assertNotIn("bert", self._visible_goals("marc"))
        self.assertEqual(self._visible_goals("bert"), {"bert"})
        self.users["marc"].company_ids = [Command.link(self.company_b.id)]
        self.assertIn("bert", self._visible_goals("marc", self.company | self.company_b))

    def test_portal_employee_sees_his_own(self):
        self.assertEqual(self._visible_goals("joel"), {"joel"})

    def test_reports_to(self):
        e = self.e
        self.assertTrue(e["anita"]._performance_reports_to(e["marc"]))
        self.assertTrue((e["anita"] | e["keith"])._performance_reports_to(e["ronnie"]))
        self.assertFalse(e["marc"]._performance_reports_to(e["ronnie"]))
        self.assertTrue(e["ursula"]._performance_reports_to(e["mitch"]))
        # nobody reports to himself, not even a self-managed employee
        self.assertFalse(e["mitch"]._performance_reports_to(e["mitch"]))
        self.assertTrue(e["lou"]._performance_reports_to(e["lee"]))
        self.assertTrue(e["lee"]._performance_reports_to(e["lou"]))

    def test_what_each_manager_may_do(self):
        Goal = self.env["performance.goal"]
        # a manager sets goals deep in his chain, not above or beside it
        Goal.with_user(self.users["marc"]).create(
            {"name": "Deep", "employee_id": self.e["anita"].id}
        )
        for login, target in (("ronnie", "marc"), ("ronnie", "randall"), ("anita", "keith")):
            with (
                self.subTest(login=login, target=target),
                self.assertRaises(UserError),
            ):
                Goal.with_user(self.users[login]).create(
                    {"name": "Not mine", "employee_id": self.e[target].id}
                )

    def test_my_team_filter_and_department_panel(self):
        """The search filter and the department panel of goals and reviews, as Marc."""
        view = self.env.ref("performance_management.performance_review_view_search")
        self.assertIn("performance_chain_ids.user_id", view.arch)
        Goal = self.env["performance.goal"].with_user(self.users["marc"])
        uid = self.users["marc"].id
        team = Goal.search(
            [
                ("employee_id.performance_chain_ids.user_id", "=", uid),
                ("employee_id.user_id", "!=", uid),
            ]
        )
        self.assertEqual(
            {name for name, goal in self.goals.items() if goal in team},
            {"randall", "ronnie", "keith", "anita", "joel", "nora"},
        )
        for model in ("performance.goal", "performance.review"):
            with self.subTest(model=model):
                panel = (
                    self.env[model]
                    .with_user(self.users["marc"])
                    .search_panel_select_range("department_id")
                )
                self.assertIn("values", panel)

    def test_public_employee_show_private(self):
        Public = self.env["hr.employee.public"].with_user(self.users["ronnie"])
        shown = Public.browse([self.e[n].id for n in ("keith", "anita", "marc", "randall")])
        self.assertEqual([p.performance_show_private for p in shown], [True, True, False, False])


@tagged("post_install", "-at_install")
class TestManagerChainChanges(DemoShapedCase):
    def test_moving_a_manager_moves_access_and_never_widens_it(self):
        # Ronnie's team moves from Marc to Randall
        self.e["ronnie"].parent_id = self.e["randall"]
        self.assertEqual(self._visible_goals("randall"), {"randall", "ronnie", "keith", "anita"})
        self.assertEqual(self._visible_goals("ronnie"), {"ronnie", "keith", "anita"})
        # Marc still sees them: Randall reports to him
        self.assertIn("anita", self._visible_goals("marc"))
        # Keith to the top; Ronnie loses him and Anita, nobody else gains them
        self.e["keith"].parent_id = False
        self.assertEqual(self._visible_goals("ronnie"), {"ronnie"})
        self.assertEqual(self._visible_goals("keith"), {"keith", "anita"})
        self.assertNotIn("anita", self._visible_goals("marc"))
        self.assertNotIn("joel", self._visible_goals("keith"))

    def test_a_routine_edit_on_demo_data_widens_nothing(self):
        # the walkthrough: Randall's manager from Marc to Keith; Joel stays Marc's alone
        self.e["randall"].parent_id = self.e["keith"]
        for login in ("keith", "ronnie", "randall", "lou", "anita"):
            with self.subTest(login=login):
                self.assertNotIn("joel", self._visible_goals(login))
        self.assertIn("joel", self._visible_goals("marc"))
        self.assertIn("randall", self._visible_goals("keith"))

    def test_loops_made_and_broken(self):
        e = self.e
        e["marc"].parent_id = e["anita"]  # Marc > ... > Anita > Marc: a loop
        self.assertIn("marc", self._visible_goals("anita"))
        self.assertNotIn("marc", self._visible_goals("mitch"))
        e["marc"].parent_id = e["mitch"]
        self.assertEqual(self._visible_goals("anita"), {"anita"})
        self.assertIn("anita", self._visible_goals("mitch"))

    def test_department_manager_change_and_import(self):
        department = self.env["hr.department"].create(
            {"name": "Chain Dept", "manager_id": self.e["marc"].id}
        )
        (self.e["randall"] | self.e["joel"]).department_id = department
        # hr moves the department's employees under its new manager
        department.manager_id = self.e["keith"]
        self.assertEqual(self.e["randall"].parent_id, self.e["keith"])
        self.assertIn("randall", self._visible_goals("keith"))
        self.assertIn("joel", self._visible_goals("ronnie"))
        # an import through Odoo's load() names a manager by external id
        result = self.env["hr.employee"].load(
            ["name", "parent_id/.id"], [["Imported Ivy", str(self.e["anita"].id)]]
        )
        self.assertFalse(result["messages"])
        ivy = self.env["hr.employee"].browse(result["ids"])
        self.assertTrue(ivy._performance_reports_to(self.e["ronnie"]))

    def test_archiving_a_manager_as_odoo_does(self):
        # Odoo empties the manager of the archived person's reports; the chains follow
        self.e["ronnie"].with_context(no_wizard=True).action_archive()
        self.assertFalse(self.e["keith"].parent_id)
        self.assertEqual(self._visible_goals("marc") & {"ronnie", "keith", "anita"}, {"ronnie"})
        self.assertEqual(self._visible_goals("keith"), {"keith", "anita"})

    def test_deleting_a_manager_leaves_no_stale_chain(self):
        nora = self.e["nora"]
        temp = self.env["hr.employee"].create({"name": "Temp", "parent_id": nora.id})
        below = self.env["hr.employee"].create({"name": "Below", "parent_id": temp.id})
        self.assertTrue(below._performance_reports_to(self.e["marc"]))
        temp.unlink()
        self.assertFalse(below.parent_id)
        self.assertFalse(below._performance_reports_to(self.e["marc"]))
        self.assertEqual(
            self.env["hr.employee"].search([("performance_chain_ids", "in", self.e["marc"].ids)])
            & below,
            self.env["hr.employee"],
        )

    def test_manager_written_in_sql_changes_access_at_once(self):
        """A parent_id written past the ORM (an SQL import, a migration) is read as it is."""
        cr = self.env.cr
        self.env.flush_all()
        # Keith's team (Keith, Anita) moves under Randall, in SQL
        cr.execute(
            "UPDATE hr_employee SET parent_id = %s WHERE id = %s",
            (self.e["randall"].id, self.e["keith"].id),
        )
        self.env.invalidate_all()
        self.assertEqual(self._visible_goals("randall"), {"randall", "keith", "anita"})
        self.assertEqual(self._visible_goals("ronnie"), {"ronnie"})
        self.assertTrue(self.e["anita"]._performance_reports_to(self.e["randall"]))
        self.assertFalse(self.e["anita"]._performance_reports_to(self.e["ronnie"]))
        # a loop and a self-managed employee written in SQL read as Odoo's child_of too
        cr.execute("UPDATE hr_employee SET parent_id = id WHERE id = %s", (self.e["randall"].id,))
        cr.execute(
            "UPDATE hr_employee SET parent_id = %s WHERE id = %s",
            (self.e["anita"].id, self.e["ronnie"].id),
        )
        self.env.invalidate_all()
        self.assertEqual(self._visible_goals("randall"), {"randall", "keith", "anita", "ronnie"})
        self.assertEqual(self._visible_goals("ronnie"), {"ronnie"})
        self.assertNotIn("randall", self._visible_goals("marc"))
        Public = self.env["hr.employee.public"].with_user(self.users["randall"])
        self.assertTrue(Public.browse(self.e["ronnie"].id).performance_show_private)
        self.assertFalse(Public.browse(self.e["marc"].id).performance_show_private)

    def test_random_manager_changes_match_odoo(self):
        """Any sequence of manager changes Odoo accepts: the chain reads as child_of."""
        rng = random.Random(19)
        people = self.env["hr.employee"].create([{"name": f"Rnd {i}"} for i in range(9)])
        Employee = self.env["hr.employee"].with_context(active_test=False)
        for step in range(40):
            employee = rng.choice(people)
            choice = rng.random()
            if choice < 0.15:
                employee.parent_id = employee
            elif choice < 0.3:
                employee.parent_id = False
            else:
                employee.parent_id = rng.choice(people)
            if step % 3 == 0:
                rng.choice(people).write({"active": rng.random() < 0.7})
            for manager in people:
                with self.subTest(step=step, manager=manager.name):
                    self.assertEqual(
                        Employee.search(
                            [
                                ("performance_chain_ids", "in", manager.ids),
                                ("id", "in", people.ids),
                            ]
                        ),
                        self._host_child_of(manager) & people,
                    )


@tagged("post_install", "-at_install")
class TestManagerChainQueries(DemoShapedCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        boss = cls.e["anita"]
        cls.deep = Employee
        for level in range(10):
            boss = Employee.create({"name": f"Level {level}", "parent_id": boss.id})
            cls.deep |= boss
        cls.env["performance.goal"].create(
            [{"name": f"Deep goal {i}", "employee_id": emp.id} for i, emp in enumerate(cls.deep)]
        )

    @users("chain_marc", "chain_keith")
    @warmup
    def test_team_search_costs_the_same_at_any_depth(self):
        """No query per level of the tree: Marc (15 levels below) pays what Keith pays."""
        Goal = self.env["performance.goal"]
        with self.assertQueryCount(chain_marc=2, chain_keith=2):
            Goal.search([])
        with self.assertQueryCount(chain_marc=2, chain_keith=2):
            Goal.search_count(
                [("employee_id.performance_chain_ids", "in", self.env.user.employee_ids.ids)]
            )


@tagged("post_install", "-at_install")
class TestManagerChainEveryModel(DemoShapedCase):
    """A self-managed top and a manager loop, read by every role on every chained model."""

    SUBJECTS = ("mitch", "marc", "anita", "joel", "ursula", "lou", "lee")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        scale = cls.env["performance.rating.scale"].create(
            {
                "name": "Chain Scale",
                "level_ids": [Command.create({"value": v, "name": f"L{v}"}) for v in (1, 2, 3)],
            }
        )
        template = cls.env["performance.review.template"].create(
            {
                "name": "Chain Template",
                "scale_id": scale.id,
                "line_ids": [Command.create({"name": "Delivery"})],
            }
        )
        nora = cls.e["nora"]  # no user: as author and coach, she shows nobody anything
        cls.records = {"performance.goal": {n: cls.goals[n] for n in cls.SUBJECTS}}
        cls.records["performance.review"] = {
            n: cls.env["performance.review"].create(
                {
                    "employee_id": cls.e[n].id,
                    "template_id": template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "manager_id": nora.id,
                }
            )
            for n in cls.SUBJECTS
        }
        cls.records["performance.feedback"] = {
            n: cls.env["performance.feedback"].create(
                {
                    "employee_id": cls.e[n].id,
                    "author_id": nora.id,
                    "visibility": "private",
                    "message": "<p>For the managers</p>",
                }
            )
            for n in cls.SUBJECTS
        }
        cls.records["performance.coaching.log"] = {
            n: cls.env["performance.coaching.log"].create(
                {"employee_id": cls.e[n].id, "coach_id": nora.id}
            )
            for n in cls.SUBJECTS
        }

    def _visible(self, model, login):
        found = self.env[model].with_user(self.users[login]).search([])
        return {name for name, record in self.records[model].items() if record in found}

    def test_every_role_on_every_model(self):
        below = {
            # self-managed: his own and the whole tree, the archived manager's report too
            "mitch": {"mitch", "marc", "anita", "joel", "ursula"},
            "marc": {"marc", "anita", "joel"},
            "anita": {"anita"},
            "ursula": {"ursula"},
            # a loop: each is the other's manager
            "lou": {"lou", "lee"},
            "lee": {"lou", "lee"},
        }
        everyone = set(self.SUBJECTS)
        for model in self.records:
            for login, names in below.items():
                if model == "performance.feedback":
                    # private feedback: the chain above the employee, never the employee
                    names = names - {login}
                with self.subTest(model=model, login=login):
                    self.assertEqual(self._visible(model, login), names)
            with self.subTest(model=model, login="officer"):
                self.assertEqual(self._visible(model, "officer"), everyone)
            with self.subTest(model=model, login="joel"):
                # the portal employee: at most his own, however the tree is shaped
                self.assertLessEqual(self._visible(model, "joel"), {"joel"})

    def test_loop_made_in_sql_for_every_role(self):
        """Marc > ... > Anita > Marc written in SQL: read at once, and no search loops."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_employee SET parent_id = %s WHERE id = %s",
            (self.e["anita"].id, self.e["marc"].id),
        )
        self.env.invalidate_all()
        for model in self.records:
            with self.subTest(model=model):
                seen = self._visible(model, "anita")
                self.assertIn("marc", seen)
                self.assertIn("joel", seen)
                self.assertNotIn("mitch", self._visible(model, "marc"))
                self.assertNotIn("marc", self._visible(model, "mitch"))
