"""The web client's own ways to set a field, as each role: forms, onchange, mass edit, chatter.

The attack suite (``test_access_attacks``) creates, writes, copies and imports; here the
same hostile values go through what the web client calls: ``web_save`` (a form saved, with
``default_*`` keys of the action's context), ``onchange`` then ``web_save`` (a form being
filled), a ``write`` on many records at once (mass edit from a list), and ``message_post``
on a record the role may only read. Whatever the call answers, every record the role
leaves behind must pass that role's record rules and hold none of the hostile values.
"""

from contextlib import closing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_access_attacks import ROLES, AccessAttackCase
from .test_survey_360 import Survey360Case

WEB_PATHS = ("web_save", "web_save_default", "onchange_save", "web_save_write", "mass_write")


@tagged("post_install", "-at_install")
class TestWebClientPaths(AccessAttackCase):
    def _call(self, role, model, path, fname, value, record):
        """The web client's call for one hostile value: (method, args, kwargs)."""
        Model = self.env[model].with_user(self.users[role])
        base = dict(self._base_vals(model, role))
        spec = {"display_name": {}}
        if path == "web_save":
            return "web_save", [[], {**base, fname: value}], {"specification": spec}
        if path == "web_save_default":
            base.pop(fname, None)
            context = {f"default_{fname}": value}
            return "web_save", [[], base], {"specification": spec, "context": context}
        if path == "onchange_save":
            vals = {**base, fname: value}
            # the form asks the server what the values bring, then saves what it shows
            call_kw(Model, "onchange", [[], vals, [fname], {key: {} for key in vals}], {})
            return "web_save", [[], vals], {"specification": spec}
        if path == "web_save_write":
            return "web_save", [record.ids, {fname: value}], {"specification": spec}
        # mass edit: the role's record and the same of Pat's, in one write
        records = record | self.elsewhere[model]
        return "write", [records.ids, {fname: value}], {}

    def _run_web(self, role, model, path, fname, kind, value, record):
        user = self.users[role]
        holes = []
        self.env.flush_all()
        with closing(self.env.cr.savepoint()), mute_logger("odoo.sql_db"):
            try:
                method, args, kwargs = self._call(role, model, path, fname, value, record)
                result = call_kw(self.env[model].with_user(user), method, args, kwargs)
                self.env.flush_all()
            except (AccessError, UserError, ValidationError):
                result = None
            except Exception:  # noqa: BLE001 - the ORM refusing a malformed value
                result = None
            if result is not None:
                if path in ("web_save_write", "mass_write"):
                    left = self.env[model].browse(args[0])
                    operation = "write"
                else:
                    left = self.env[model].browse([row["id"] for row in result])
                    operation = "read"
                holes = self._holes(user, left, operation, fname, kind, value)
        self.env.invalidate_all()
        self.env.transaction.clear()
        return [f"{role} {path}: {hole}" for hole in holes]

    def _attack_web(self, model, role, path):
        user = self.users[role]
        record = self._pool(role)[model]
        if path.startswith(("web_save", "onchange")) and path != "web_save_write":
            if not self.env[model].with_user(user).has_access("create"):
                return []
        elif not record.with_user(user).has_access("write"):
            return []
        holes = []
        for fname, kind in self._attacked_fields(model):
            computed = self.env[model]._fields[fname].compute
            current = record.sudo()[fname] if "write" in path or computed else None
            current = getattr(current, "id", current)
            for value in self._hostile(model, fname, kind, user, current)[:1]:
                holes += self._run_web(role, model, path, fname, kind, value, record)
        return holes

    @settings(
        max_examples=60,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def test_web_client_paths_leave_nothing_forged(self, data):
        """Any model, role and web path: refused, or nothing forged left behind."""
        model = data.draw(st.sampled_from(self._models()))
        role = data.draw(st.sampled_from(ROLES))
        path = data.draw(st.sampled_from(WEB_PATHS))
        holes = self._attack_web(model, role, path)
        self.assertEqual(holes, [], f"{role} {path} on {model}")

    def test_forms_saved_with_default_keys(self):
        """The holes of issue 26, through a saved form: nothing of the application's set."""
        cases = [
            # (role, model, field): a flag, a signature, a workflow state
            ("colleague", "performance.feedback", "anonymous_released"),
            ("colleague", "performance.feedback", "is_request"),
            ("manager", "performance.review.note", "author_id"),
            ("employee", "performance.coaching.talking.point", "user_id"),
            ("manager", "performance.goal", "state"),
            ("manager", "performance.coaching.log", "state"),
        ]
        for role, model, fname in cases:
            with self.subTest(role=role, model=model, field=fname):
                # is_request is set by create() from the state (fixed after): system too
                kind = self._kind(model, fname) or "system"
                before = self.env[model].search_count([])
                for path in ("web_save", "web_save_default", "onchange_save"):
                    self.assertEqual(
                        self._attack_fields_once(model, role, path, fname, kind), [], path
                    )
                self.assertEqual(self.env[model].search_count([]), before)

    def _attack_fields_once(self, model, role, path, fname, kind):
        user = self.users[role]
        record = self._pool(role)[model]
        holes = []
        for value in self._hostile(model, fname, kind, user)[:1]:
            holes += self._run_web(role, model, path, fname, kind, value, record)
        return holes

    def test_mass_edit_is_all_or_nothing(self):
        """A list's mass edit over the role's record and a peer's: refused as a whole."""
        for role, model, vals in (
            ("employee", "performance.goal", {"description": "<p>Mass</p>"}),
            ("manager", "performance.coaching.action.item", {"name": "Mass"}),
            ("colleague", "performance.feedback", {"message": "<p>Mass</p>"}),
        ):
            with self.subTest(role=role, model=model):
                mine = self._pool(role)[model]
                theirs = self.env["performance.feedback"].search(
                    [("author_id.user_id", "!=", self.users[role].id)], limit=1
                )
                theirs = theirs if model == "performance.feedback" else self.elsewhere[model]
                records = (mine | theirs).with_user(self.users[role])
                if all(rec.has_access("write") for rec in records):
                    continue  # the role writes both: nothing to refuse
                fname = next(iter(vals))
                before = {rec.id: rec.sudo()[fname] for rec in mine | theirs}
                with self.assertRaises(UserError):  # AccessError is one too
                    call_kw(records, "write", [records.ids, vals], {})
                self.env.invalidate_all()
                self.assertEqual({rec.id: rec.sudo()[fname] for rec in mine | theirs}, before)

    def test_private_note_tells_no_id_apart(self):
        """A private note on a 1:1 that does not exist fails as on one you may not read."""
        hidden = self.elsewhere["performance.coaching.log"]
        Note = self.env["performance.coaching.note"].with_user(self.user_employee)
        missing = self.env["performance.coaching.log"].search([], order="id desc", limit=1).id + 1
        errors = []
        for log_id in (hidden.id, missing):
            with self.assertRaises(AccessError) as catcher, mute_logger("odoo.sql_db"):
                call_kw(Note, "create", [[{"log_id": log_id, "note": "<p>Mine</p>"}]], {})
            errors.append(str(catcher.exception))
        self.assertEqual(errors[0], errors[1])
        self.assertFalse(self.env["performance.coaching.note"].search([("log_id", "=", missing)]))

    def test_message_post_needs_the_right_to_write(self):
        """Commenting on a record the role only reads: refused, and no message left."""
        posted = []
        for model in self._models():
            if "message_post" not in dir(self.env[model]) or (
                self.env[model]._mail_post_access == "read"
            ):
                continue
            for role in ROLES:
                user = self.users[role]
                record = self._pool(role)[model].with_user(user)
                follower = self.env["mail.followers"].search_count(
                    [
                        ("res_model", "=", model),
                        ("res_id", "=", record.id),
                        ("partner_id", "=", user.partner_id.id),
                    ]
                )
                # a follower of the record may post on it, by Odoo's own mail rules
                if not record.has_access("read") or record.has_access("write") or follower:
                    continue
                before = self.env["mail.message"].search_count(
                    [("model", "=", model), ("res_id", "=", record.id)]
                )
                self.env.flush_all()
                with closing(self.env.cr.savepoint()), mute_logger("odoo.sql_db"):
                    try:
                        call_kw(
                            record,
                            "message_post",
                            [record.ids],
                            {"body": "Forged comment", "message_type": "comment"},
                        )
                        self.env.flush_all()
                        accepted = True
                    except (AccessError, UserError):
                        accepted = False
                self.env.invalidate_all()
                after = self.env["mail.message"].search_count(
                    [("model", "=", model), ("res_id", "=", record.id)]
                )
                if accepted or after != before:
                    posted.append(f"{role} on {model} ({accepted=}, {after - before} left)")
        self.maxDiff = None
        self.assertEqual(posted, [], "posted on a record the role only reads")


@tagged("post_install", "-at_install")
class TestRaterWithoutUser(Survey360Case, HttpCase):
    """A 360 rater with no user answers by token only: the routes give him nothing more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nouser_employee.work_email = "noah@example.com"
        cls._launch_today()
        cls.noah_review = cls.cycle.review_ids.filtered(
            lambda r: r.employee_id == cls.nouser_employee
        )

    def _inputs(self):
        return self.UserInput.search([("survey_id", "in", (self.survey | self.self_survey).ids)])

    def test_token_routes_create_nothing_and_name_nobody(self):
        own = self.input_of(self.noah_review, role="self")
        self.assertTrue(own.access_token)
        self.assertFalse(own.partner_id)
        survey = own.survey_id
        start = self.url_open(
            f"/survey/start/{survey.access_token}", params={"answer_token": own.access_token}
        )
        self.assertEqual(start.status_code, 200)
        public = self.env.ref("base.public_user")
        self.answer_as(own, public)
        before = self._inputs()
        for url in (
            f"/survey/retry/{survey.access_token}/{own.access_token}",
            f"/survey/start/{survey.access_token}?answer_token={own.access_token}",
            f"/survey/print/{survey.access_token}?answer_token={own.access_token}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertLess(response.status_code, 500)
                for name in ("Pat Peer", "pm_peer", "Eli", "pm_employee"):
                    self.assertNotIn(name, response.text)
        # nothing new, nobody's name on what exists
        self.assertEqual(self._inputs(), before)
        self.assertFalse(own.partner_id)
        # another rater's token is not reached through Noah's
        pat = self.input_of(self.review, self.peer)
        response = self.url_open(f"/survey/retry/{pat.survey_id.access_token}/{own.access_token}")
        self.assertLess(response.status_code, 500)
        self.assertEqual(self._inputs(), before)
        self.assertFalse(pat.sudo().user_input_line_ids)

    def answer_as(self, user_input, user):
        """The self questionnaire, answered as the survey controller does for a token."""
        answer = user_input.with_user(user).sudo()
        answer._mark_in_progress()
        for question in self.self_survey.question_ids.sorted("sequence"):
            value = (
                question.suggested_answer_ids[:1].id
                if question.question_type == "simple_choice"
                else "Fine"
            )
            answer._save_lines(question, value)
        answer._mark_done()
        self.env.flush_all()
