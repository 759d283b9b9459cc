import time

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import ReviewCase

SECRET = "SECRET-ELI-7"

# The tables the rules of the test cover, and the column holding the person
COVERED = {
    "performance_review": "employee_id",
    "performance_review_line": "employee_id",
    "performance_review_note": "employee_id",
    "performance_review_assessment": "employee_id",
    "performance_feedback": "employee_id",
    "performance_goal": "employee_id",
    "performance_goal_checkin": "employee_id",
    "performance_improvement_plan": "employee_id",
    "performance_improvement_note": "employee_id",
    "performance_improvement_checkin": "employee_id",
    "performance_issue": "employee_id",
}


@tagged("post_install", "-at_install")
class TestRetention(ReviewCase):
    """Eli left 40 months ago: the rules erase him; Pat left too but is on legal hold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        Rule = cls.env["performance.retention.rule"]
        Rule.search([]).unlink()
        cls.rules = Rule.create(
            [
                {"record_type": "review", "event": "departure", "months": 24},
                {"record_type": "feedback", "months": 12, "action": "delete"},
                {"record_type": "goal", "months": 12},
                {"record_type": "improvement_plan", "months": 12},
                {"record_type": "issue", "months": 6, "action": "delete"},
            ]
        )
        cls.reviews = cls.launch()
        for index, review in enumerate(cls.reviews.sudo()):
            review.write(
                {
                    "final_rating_id": cls.levels[index % 5].id,
                    "manager_summary": f"{SECRET} summary of {review.employee_id.name}",
                }
            )
            review.line_ids.filtered(lambda line: line.kind == "text").write(
                {"answer": f"{SECRET} answer"}
            )
            review.message_post(body=f"{SECRET} in the chatter")
            cls.env["performance.review.note"].create(
                {"review_id": review.id, "note": f"{SECRET} private note"}
            )
        cls.review = cls.reviews.filtered(lambda review: review.employee_id == cls.employee)
        # a tracked value holding the text, as a tracked field leaves it
        message = cls.review.message_post(body="Tracked")
        cls.env["mail.tracking.value"].create(
            {
                "mail_message_id": message.id,
                "field_id": cls.env["ir.model.fields"]._get("performance.review", "name").id,
                "old_value_char": f"{SECRET} old name",
                "new_value_char": "new",
            }
        )
        cls.env["ir.attachment"].create(
            {
                "name": "notes.txt",
                "raw": SECRET.encode(),
                "res_model": "performance.review",
                "res_id": cls.review.id,
            }
        )
        for person in (cls.employee, cls.peer):
            cls.env["performance.feedback"].create(
                {
                    "employee_id": person.id,
                    "author_id": cls.manager.id,
                    "message": f"<p>{SECRET} feedback</p>",
                    "visibility": "shared",
                }
            )
            goal = cls.env["performance.goal"].create(
                {
                    "name": f"{SECRET} goal",
                    "description": f"<p>{SECRET}</p>",
                    "employee_id": person.id,
                    "state": "active",
                }
            )
            cls.env["performance.goal.checkin"].create(
                {"goal_id": goal.id, "note": f"<p>{SECRET} check-in</p>"}
            )
            cls.env["performance.improvement.plan"].create(
                {
                    "name": f"{SECRET} plan",
                    "employee_id": person.id,
                    "reason": f"<p>{SECRET}</p>",
                    "date_start": cls.today - relativedelta(months=8),
                    "date_end": cls.today - relativedelta(months=6),
                    "note_ids": [Command.create({"note": f"{SECRET} plan note"})],
                }
            )
            cls.env["performance.issue"].create(
                {
                    "company_id": cls.company.id,
                    "employee_id": person.id,
                    "rule": "low_rating",
                    "reason": f"{SECRET} issue",
                }
            )
        departure = cls.today - relativedelta(months=40)
        (cls.employee | cls.peer).sudo().action_archive()
        (cls.employee | cls.peer).sudo().write({"departure_date": departure})
        cls.peer.with_user(cls.user_officer).write(
            {"performance_legal_hold": True, "performance_legal_hold_reason": "Court case"}
        )

    def _left_of(self, employee, text):
        """Rows of the covered tables still linked to ``employee`` or holding ``text``."""
        left = {}
        for table, column in COVERED.items():
            self.env.cr.execute(
                SQL(
                    "SELECT count(*) FROM %(table)s t WHERE %(column)s = %(employee)s "
                    "OR t::text ILIKE %(text)s",
                    table=SQL.identifier(table),
                    column=SQL.identifier(column),
                    employee=employee.id,
                    text=f"%{text}%",
                )
            )
            count = self.env.cr.fetchone()[0]
            if count:
                left[table] = count
        return left

    def _chatter_text(self, text):
        self.env.flush_all()
        self.env.cr.execute(
            """SELECT (SELECT count(*) FROM mail_message WHERE body::text ILIKE %(t)s)
                    + (SELECT count(*) FROM mail_tracking_value
                        WHERE old_value_char ILIKE %(t)s OR new_value_char ILIKE %(t)s)
                    + (SELECT count(*) FROM ir_attachment WHERE name ILIKE %(t)s
                        OR (res_model LIKE 'performance.%%' AND index_content ILIKE %(t)s))""",
            {"t": f"%{text}%"},
        )
        return self.env.cr.fetchone()[0]

    def _distribution(self):
        groups = self.env["performance.review.assessment"]._read_group(
            [("cycle_id", "=", self.cycle.id)], ["final_rating_id"], ["__count"]
        )
        return {rating.id: count for rating, count in groups}

    def test_erases_the_person_keeps_the_statistics_and_the_hold(self):
        self.env.flush_all()
        self.assertTrue(self._left_of(self.employee, self.employee.name))
        distribution = self._distribution()
        departments = self.reviews.mapped("department_id")
        peer_left = self._left_of(self.peer, self.peer.name)

        self.rules._apply_rules(batch_size=2)
        self.env.flush_all()
        self.env.invalidate_all()

        self.assertEqual(self._left_of(self.employee, self.employee.name), {})
        self.assertEqual(self._left_of(self.employee, SECRET + " summary of Eli"), {})
        self.assertEqual(self._chatter_text(f"{SECRET} in the chatter"), len(self.reviews) - 1)
        self.assertEqual(self._chatter_text(f"{SECRET} old name"), 0)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "performance.review"), ("res_id", "=", self.review.id)]
            )
        )
        # statistics stay: the cycle's distribution, the department, the rating
        self.assertEqual(self._distribution(), distribution)
        self.assertEqual(self.reviews.mapped("department_id"), departments)
        self.assertTrue(self.review.exists().final_rating_id)
        self.assertTrue(self.review.employee_id.name, "the company's anonymised employee")
        self.assertNotEqual(self.review.employee_id, self.employee)
        # the legal hold: Pat keeps everything
        self.assertEqual(self._left_of(self.peer, self.peer.name), peer_left)
        # the rule's chatter and Eli's tell what went, not the content
        log = self.rules.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertTrue(log)
        self.assertNotIn(SECRET, " ".join(log.mapped("body")))
        employee_log = self.employee.message_ids.filtered(lambda m: "Retention rule" in m.body)
        self.assertEqual(len(employee_log), 5, "one entry per batch of each rule about him")
        self.assertNotIn(SECRET, " ".join(employee_log.mapped("body")))
        # the other reviews of the cycle keep their own text
        self.assertTrue(
            (self.reviews - self.review).filtered(
                lambda r: r.employee_id != self.peer and SECRET in (r.manager_summary or "")
            )
        )

    def test_preview_matches_the_run(self):
        action = self.env["performance.retention.preview"].with_user(self.user_admin)._open()
        preview = self.env["performance.retention.preview"].browse(action["res_id"])
        previewed = {(line.res_model, line.res_id) for line in preview.line_ids}
        self.assertEqual(preview.total, len(previewed))
        before = {
            (rule._spec()["model"], record_id)
            for rule in self.rules
            for record_id in rule._get_pending_records().ids
        }
        self.assertEqual(previewed, before)
        self.assertIn(("performance.review", self.review.id), previewed)
        previewed_reviews = self.reviews.browse(
            [record_id for model, record_id in previewed if model == "performance.review"]
        )
        self.assertNotIn(self.peer, previewed_reviews.employee_id)
        self.rules._apply_rules()
        for model, record_id in previewed:
            record = self.env[model].with_context(active_test=False).browse(record_id).exists()
            if record:
                self.assertNotIn(record.employee_id, self.employee | self.peer, model)
        self.assertFalse(any(rule._get_pending_records() for rule in self.rules))
        # one rule's preview, from its form
        rule_preview = self.rules[0].with_user(self.user_admin).action_preview()
        self.assertFalse(
            self.env["performance.retention.preview"].browse(rule_preview["res_id"]).line_ids
        )

    def test_resumable_in_batches_nothing_twice(self):
        rule = self.rules.filtered(lambda r: r.record_type == "review")
        pending = rule._get_pending_records()
        self.assertEqual(len(pending), 1)
        goal_rule = self.rules.filtered(lambda r: r.record_type == "goal")
        goals = goal_rule._get_pending_records()
        # a run stopped after its first batch: one rule done
        rule._erase(pending)
        self.assertFalse(rule._get_pending_records())
        # the next run resumes with what is left, a record at a time
        self.rules._apply_rules(batch_size=1)
        self.assertFalse(any(r._get_pending_records() for r in self.rules))
        self.assertEqual(len(rule.message_ids.filtered(lambda m: m.message_type == "comment")), 1)
        self.assertEqual(
            len(goal_rule.message_ids.filtered(lambda m: m.message_type == "comment")),
            len(goals),
        )
        # a third run touches nothing and logs nothing
        messages = self.env["mail.message"].search_count([])
        self.env["performance.retention.rule"]._cron_apply(batch_size=1)
        self.assertEqual(self.env["mail.message"].search_count([]), messages)

    def _run_as_cron(self, time_left, batch_size=1):
        """Run the retention job as the scheduler does, with this many seconds left; return
        the progress it reported (done, remaining)."""
        cron = self.env.ref("performance_management.ir_cron_retention")
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr, context={"cron_id": cron.id})
            cron, progress = env["ir.cron"].browse(cron.id)._add_progress()
            model = cron.env["performance.retention.rule"].with_context(
                cron_end_time=time.monotonic() + time_left
            )
            model._cron_apply(batch_size=batch_size)
            done, remaining = progress.done, progress.remaining
        self.env.invalidate_all()
        return done, remaining

    def test_the_cron_stops_when_its_time_is_up_and_resumes(self):
        self.env["performance.feedback"].create(
            [
                {"employee_id": self.employee.id, "message": f"<p>{SECRET} more {i}</p>"}
                for i in range(2)
            ]
        )
        pending = {rule: len(rule._get_pending_records()) for rule in self.rules}
        # the feedback rule (the first) has 3 records of Eli, the four others one each
        self.assertEqual(sorted(pending.values()), [1, 1, 1, 1, 3])
        distribution = self._distribution()
        # no time left: a run erases a batch (of one record), commits it and stops; a rule
        # that has just finished goes on to the next rule's batch
        runs = []
        while len(runs) < 7:
            runs.append(self._run_as_cron(time_left=-1))
            if not runs[-1][1]:
                break
        self.assertEqual(runs, [(1, 2), (1, 1), (5, 0)])
        self.assertFalse(any(rule._get_pending_records() for rule in self.rules))
        self.env.flush_all()
        self.assertEqual(self._left_of(self.employee, self.employee.name), {})
        self.assertEqual(self._distribution(), distribution)
        # one log line per batch of each rule: nothing was erased twice
        for rule, count in pending.items():
            logged = rule.message_ids.filtered(lambda m: m.message_type == "comment")
            self.assertEqual(len(logged), count, rule.name)
        self.assertEqual(self._run_as_cron(time_left=3600), (0, 0))

    def test_lifting_the_hold_lets_the_rules_erase(self):
        self.peer.with_user(self.user_officer).performance_legal_hold = False
        self.rules._apply_rules()
        self.env.flush_all()
        self.assertEqual(self._left_of(self.peer, self.peer.name), {})

    def test_legal_hold_records_who_and_when(self):
        peer = self.peer.with_user(self.user_officer)
        self.assertEqual(peer.performance_legal_hold_user_id, self.user_officer)
        self.assertTrue(peer.performance_legal_hold_date)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model")
    def test_refusals(self):
        for user in (self.user_manager, self.user_employee, self.user_director):
            with self.assertRaises(AccessError):
                self.other_employee.with_user(user).write({"performance_legal_hold": True})
            with self.assertRaises(AccessError):
                self.other_employee.with_user(user).read(["performance_legal_hold"])
        for user in (self.user_manager, self.user_employee, self.user_officer):
            with self.assertRaises(AccessError):
                self.rules[0].with_user(user).write({"months": 1})
            with self.assertRaises(AccessError):
                self.env["performance.retention.rule"].with_user(user).create(
                    {"record_type": "issue", "event": "record_date", "action": "delete"}
                )
            with self.assertRaises(AccessError):
                self.rules[0].with_user(user).action_run()
            with self.assertRaises(AccessError):
                self.env["performance.retention.preview"].with_user(user)._open()
        # the officer reads them; an administrator of another company does not reach them
        self.assertTrue(self.rules.with_user(self.user_officer).read(["months"]))
        with self.assertRaises(AccessError):
            self.rules[0].with_user(self.user_officer_b).read(["months"])
        # an administrator changes them, within what each record type allows
        self.rules[0].with_user(self.user_admin).months = 30
        with self.assertRaises(ValidationError):
            self.rules[0].with_user(self.user_admin).action = "delete"
        with self.assertRaises(ValidationError):
            self.rules[1].with_user(self.user_admin).event = "cycle_close"

    def test_default_rules_per_company(self):
        Rule = self.env["performance.retention.rule"].with_user(self.user_admin)
        company = self.env["res.company"].create({"name": "Retention Newco"})
        self.user_admin.company_ids |= company
        settings = self.env["res.config.settings"].with_company(company).create({})
        settings.action_performance_retention_defaults()
        Rule = Rule.with_context(allowed_company_ids=company.ids)
        self.assertEqual(Rule.search_count([("company_id", "=", company.id)]), 12)
        # again: nothing twice, and the administrator's own call adds nothing either
        settings.action_performance_retention_defaults()
        Rule._create_default_rules(company)
        self.assertEqual(Rule.search_count([("company_id", "=", company.id)]), 12)
