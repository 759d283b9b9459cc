"""Forms that match the server: what a form lets a role change is what the server accepts.

For each role, the ``readonly`` expression of a field in the form view is evaluated on the
record as that role reads it, then the same change is written as that role: a field the form
leaves editable must be accepted, a read-only one refused.
"""

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import GoalCase


class _Accepted(Exception):
    """Rolls back an accepted write: each change is tried on the record as it was."""


@tagged("post_install", "-at_install")
class TestFormsMatchTheServer(GoalCase):
    def _form_readonly(self, record, user, fname):
        """Whether the form of ``record`` shows ``fname`` read-only to ``user``."""
        Model = record.with_user(user)
        arch = etree.fromstring(Model.get_view(view_type="form")["arch"])
        nodes = [
            node
            for node in arch.iter("field")
            if node.get("name") == fname
            # the record's own field, not one of a sub-list
            and not any(parent.tag in ("list", "kanban") for parent in node.iterancestors())
        ]
        self.assertTrue(nodes, f"{fname} is on the form")
        expression = nodes[0].get("readonly")
        if expression is None:
            return bool(Model._fields[fname].readonly)
        names = [name for name in Model._fields if name in expression] + ["id"]
        values = Model.read(sorted(set(names)))[0]
        values = {
            key: value[0] if isinstance(value, tuple) else value for key, value in values.items()
        }
        return bool(safe_eval(expression, {**values, "context": {}}))

    def _server_accepts(self, record, user, vals):
        """Whether ``user`` may write ``vals`` on ``record``; rolled back either way."""
        try:
            with self.env.cr.savepoint():
                record.with_user(user).write(vals)
                record.with_user(user).flush_recordset()
                raise _Accepted
        except _Accepted:
            return True
        except (AccessError, UserError, ValidationError):
            return False
        finally:
            self.env.invalidate_all()

    def assertFormMatchesServer(self, record, user, changes):
        for fname, value in changes.items():
            with self.subTest(user=user.login, state=record.state, field=fname):
                readonly = self._form_readonly(record, user, fname)
                accepted = self._server_accepts(record, user, {fname: value})
                self.assertEqual(
                    not readonly,
                    accepted,
                    f"the form shows {fname} {'read-only' if readonly else 'editable'} to "
                    f"{user.login}, the server {'accepts' if accepted else 'refuses'} it",
                )

    def _goal_changes(self, goal):
        return {
            "name": "Renamed goal",
            "weight": 3.0,
            "date_start": "2026-02-01",
            "date_deadline": "2026-11-30",
            "progress_mode": "manual",
            "parent_id": False,
            "scope": goal.scope,
            "employee_id": goal.employee_id.id,
            "manager_id": self.other_manager.id,
            "tag_ids": [],
        }

    def test_goal_form_for_each_role(self):
        draft = self._goal(self.employee, name="Draft goal")
        active = self._goal(self.employee, name="Active goal")
        active.action_activate()
        for goal in (draft, active):
            for user in (self.user_employee, self.user_manager, self.user_officer):
                self.assertFormMatchesServer(goal, user, self._goal_changes(goal))
        # the case of the issue: the owner of an active goal no longer edits what it is
        for fname in ("name", "weight", "date_start", "date_deadline"):
            self.assertTrue(self._form_readonly(active, self.user_employee, fname))
            self.assertFalse(self._form_readonly(draft, self.user_employee, fname))
            self.assertFalse(self._form_readonly(active, self.user_manager, fname))

    def test_key_results_follow_the_goal(self):
        active = self._goal(self.employee, name="Measured goal", key_results=[self._kr()])
        active.action_activate()
        kr = active.key_result_ids
        self.assertTrue(self._form_readonly(active, self.user_employee, "key_result_ids"))
        self.assertFalse(
            self._server_accepts(kr, self.user_employee, {"target_value": 50.0}),
            "the owner's key results change through check-ins",
        )
        self.assertFalse(self._form_readonly(active, self.user_manager, "key_result_ids"))
        self.assertTrue(self._server_accepts(kr, self.user_manager, {"target_value": 50.0}))

    def test_review_reviewer_for_each_role(self):
        scale = self.env["performance.rating.scale"].create({"name": "Form rights scale"})
        template = self.env["performance.review.template"].create(
            {
                "name": "Form rights template",
                "scale_id": scale.id,
                "question_weight": 0,
                "competency_weight": 0,
                "goal_weight": 100,
            }
        )
        review = self.env["performance.review"].create(
            {
                "employee_id": self.employee.id,
                "manager_id": self.manager.id,
                "template_id": template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        change = {"manager_id": self.other_manager.id}
        for user in (self.user_manager, self.user_employee, self.user_director):
            self.assertFormMatchesServer(review, user, change)
            self.assertTrue(self._form_readonly(review, user, "manager_id"))
        self.assertFormMatchesServer(review, self.user_officer, change)
        self.assertFalse(self._form_readonly(review, self.user_officer, "manager_id"))

    def test_key_result_added_from_its_goal(self):
        goal = self._goal(self.employee, name="Draft with results")
        form = Form(goal.with_user(self.user_employee))
        with form.key_result_ids.new() as kr:
            # the goal is not asked again: the line belongs to the goal of the form
            self.assertTrue(kr._get_modifier("goal_id", "invisible"))
            kr.name = "Bring the backlog down"
            kr.start_value = 30
            kr.target_value = -10
            # the direction follows the values as they are typed: no 75% preview
            self.assertEqual(kr.direction, "decrease")
            self.assertEqual(kr.progress, 0.0)
            kr.current_value = 10
            self.assertEqual(kr.progress, 50.0)
        form.save()
        self.assertEqual(goal.key_result_ids.direction, "decrease")
        self.assertEqual(goal.key_result_ids.progress, 50.0)

    def test_preview_never_shows_progress_the_server_refuses(self):
        goal = self._goal(self.employee, name="Preview goal")
        kr = self.env["performance.key.result"].new(
            {
                "goal_id": goal.id,
                "name": "Wrong way",
                "start_value": 30,
                "target_value": -10,
                "current_value": 0,
                "direction": "increase",
            }
        )
        self.assertEqual(kr.progress, 0.0)
        with self.assertRaises(ValidationError):
            self.env["performance.key.result"].create(
                {
                    "goal_id": goal.id,
                    "name": "Wrong way",
                    "start_value": 30,
                    "target_value": -10,
                    "direction": "increase",
                }
            )

    def test_fields_fixed_at_creation_are_read_only_on_saved_forms(self):
        """What write() refuses on a saved record (who, about whom, from which launch) is
        read-only on its form; readonly fields are the application's everywhere."""
        fixed = {
            "performance.feedback": ("author_id", "employee_id", "requester_id", "state"),
            "performance.review": (
                "employee_id",
                "company_id",
                "cycle_id",
                "template_id",
                "review_type",
                "state",
            ),
        }
        checked = 0
        for name, fnames in fixed.items():
            Model = self.env[name]
            arch = etree.fromstring(Model.get_view(view_type="form")["arch"])
            for node in arch.iter("field"):
                fname = node.get("name")
                if fname not in fnames or any(
                    parent.tag in ("list", "kanban", "form")
                    for parent in node.iterancestors()
                    if parent is not arch
                ):
                    continue
                with self.subTest(model=name, field=fname):
                    expression = node.get("readonly")
                    values = dict.fromkeys(Model._fields, False)
                    values.update(id=1)
                    self.assertTrue(
                        Model._fields[fname].readonly
                        if expression is None
                        else expression in ("1", "True") or safe_eval(expression, values),
                        f"{fname} of {name} is refused on a saved record but editable",
                    )
                    checked += 1
        self.assertGreater(checked, 6)

    def test_key_result_moves_between_goals_its_writer_defines(self):
        goal = self._goal(self.employee, name="Officer field goal", key_results=[self._kr()])
        kr = goal.key_result_ids
        other = self._goal(self.employee, name="Other goal")
        change = {"goal_id": other.id}
        for user in (self.user_officer, self.user_manager):
            self.assertFalse(self._form_readonly(kr, user, "goal_id"))
            self.assertTrue(self._server_accepts(kr, user, change))
        # a manager of another branch moves nothing there
        self.assertFalse(self._server_accepts(kr, self.user_other_manager, change))
