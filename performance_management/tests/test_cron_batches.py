import time

from freezegun import freeze_time

from odoo.tests import tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-05")
class TestCronBatches(GoalCase):
    """The crons' batch loop: committed slice by slice in a cron, stopped when the cron's
    time is up and resumed by the next run; never committed outside a cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_goal_checkin_days = 14
        cls.goals = cls.env["performance.goal"]
        for index in range(5):
            cls.goals |= cls._goal(cls.employee, name=f"Quiet {index}", state="active")

    def run_as_cron(self, time_left, batch_size=2):
        """Run the goal reminders as the scheduler does, with this many seconds left;
        return the progress the job reported (done, remaining)."""
        cron = self.env.ref("performance_management.ir_cron_goal_reminders")
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr, context={"cron_id": cron.id})
            cron, progress = env["ir.cron"].browse(cron.id)._add_progress()
            model = cron.env["performance.goal"].with_context(
                cron_end_time=time.monotonic() + time_left
            )
            model._cron_goal_reminders(batch_size=batch_size)
            done, remaining = progress.done, progress.remaining
        self.env.invalidate_all()
        return done, remaining

    def reminded(self):
        return self.goals.filtered("reminder_date")

    def test_stops_when_time_is_up_and_resumes(self):
        # no time left: one slice is done and committed, the rest is reported as remaining
        self.assertEqual(self.run_as_cron(time_left=-1), (2, 3))
        self.assertEqual(len(self.reminded()), 2)
        # the scheduler runs the job again: it goes on with the goals not reminded yet
        self.assertEqual(self.run_as_cron(time_left=-1), (2, 1))
        self.assertEqual(len(self.reminded()), 4)
        # with time left, it finishes: nothing remains, nothing is sent twice
        done, remaining = self.run_as_cron(time_left=3600)
        self.assertEqual((done, remaining), (1, 0))
        self.assertEqual(self.reminded(), self.goals)
        mails = self.env["mail.mail"].search_count(
            [("model", "=", "performance.goal"), ("res_id", "in", self.goals.ids)]
        )
        self.assertEqual(mails, len(self.goals))
        self.assertEqual(self.run_as_cron(time_left=3600), (0, 0))

    def test_no_commit_outside_a_cron(self):
        """Run from a button, a shell or a test, every cron of the addon does all its work in
        the caller's transaction: a test cursor refuses any commit."""
        crons = (
            self.env["ir.model.data"]
            .search([("module", "=", "performance_management"), ("model", "=", "ir.cron")])
            .mapped(lambda data: self.env["ir.cron"].browse(data.res_id))
        )
        self.assertGreaterEqual(len(crons), 9)
        for cron in crons:
            with self.subTest(cron=cron.name):
                cron.ir_actions_server_id.run()
        self.assertEqual(self.reminded(), self.goals)
