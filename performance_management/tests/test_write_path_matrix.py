"""What each role may write on the owner, link, computed and workflow fields of every model.

Next to the access matrix (which writes a harmless field): here each probe writes one
guarded field to a hostile value, as each role, through the same dispatcher as JSON-RPC
and JSON-2 (``odoo.service.model.call_kw``). A cell is one of:

  * ``w``: accepted, and the probe's value is one that role may cause (an officer
    fixing data, a manager reassigning within his team, an employee rating himself);
  * ``-``: refused with an AccessError (ACL or record rule, before or after the move);
  * ``!``: refused with a UserError / ValidationError (a business rule).

A readonly field is the application's (``_has_field_access``): refused with an AccessError.
An owner or link moved where its writer still may write it is accepted (the rules are
checked again on the records as written), unless a business rule says why not.

Roles: the portal employee (on her own records), Eli the employee (the subject), Pat his
peer, Mia their manager, Otto a manager of another branch, Olivia the officer, and an
officer of company B. "Elsewhere" is the same record of Pat's: moving a record there is
the attack of issue 17.
"""

import logging

from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import tagged

from .test_access_matrix import AccessMatrixCase

_logger = logging.getLogger(__name__)

ROLES = ("portal", "employee", "peer", "manager", "other_manager", "officer", "officer_b")


def elsewhere(test, model, fname, role):
    """The same kind of record, of Pat's: a move into a peer's data."""
    comodel = test.env[model]._fields[fname].comodel_name
    if comodel == "hr.employee":
        return test.peer.id
    return test.elsewhere[comodel].id


def writer(test, model, fname, role):
    """The writer himself: his employee, or his user."""
    user = test.users[role]
    if test.env[model]._fields[fname].comodel_name == "res.users":
        return user.id
    return user.employee_ids[:1].id


def value(literal):
    return lambda test, model, fname, role: literal


def to_other_employees(test, model, fname, role):
    return [Command.set(test.other_employee.ids)]


def record_of(attr):
    return lambda test, model, fname, role: getattr(test, attr).id


# fmt: off
# (model, field, new value): portal employee peer manager other_manager officer officer_b
MATRIX = [
    # goals: the manager reassigns within his team only (or hands the approval to a fellow
    # manager); computed and workflow fields never
    ("performance.goal", "employee_id", record_of("peer"),                  "-!-w-w-"),
    ("performance.goal", "employee_id", record_of("other_employee"),        "-!---w-"),
    ("performance.goal", "manager_id", record_of("other_manager"),          "-!-w-w-"),
    ("performance.goal", "company_id", record_of("company_b"),              "-!-----"),
    ("performance.goal", "progress", value(100.0),                          "-------"),
    ("performance.goal", "confidence", value("on_track"),                   "-------"),
    ("performance.goal", "state", value("done"),                            "-!-!-!-"),
    ("performance.key.result", "goal_id", elsewhere,                        "!!-w-w-"),
    ("performance.key.result", "progress", value(100.0),                    "!!-----"),
    ("performance.goal.checkin", "goal_id", elsewhere,                      "!!!!!!!"),
    ("performance.goal.checkin", "user_id", writer,                         "!!!!!!!"),
    ("performance.goal.checkin", "progress", value(100.0),                  "!!!!!!!"),
    ("performance.goal.checkin.line", "key_result_id", elsewhere,           "-!-!-!-"),
    ("performance.goal.checkin.line", "progress", value(100.0),             "-------"),
    # reviews: the template's structure and the workflow are nobody's to rewrite
    ("performance.review", "employee_id", elsewhere,                        "-!-!-!-"),
    ("performance.review", "manager_id", record_of("other_manager"),        "-----w-"),
    ("performance.review", "state", value("done"),                          "-------"),
    ("performance.review", "date_released", value("2026-12-01"),            "-------"),
    ("performance.review.line", "role", value("manager"),                   "-!-!-!-"),
    ("performance.review.line", "weight", value(50.0),                      "-!-!-w-"),
    ("performance.review.line", "review_id", elsewhere,                     "-!-!-!-"),
    ("performance.review.line", "score", value(100.0),                      "---!---"),
    # the employee rates himself in his phase; an officer may answer for him
    ("performance.review.line", "rating_id", record_of("top_level"),        "-w-!-w-"),
    ("performance.review.assessment", "review_id", elsewhere,               "---!-!-"),
    ("performance.review.assessment", "overall_score", value(100.0),        "---!---"),
    ("performance.review.note", "review_id", elsewhere,                     "---w-w-"),
    ("performance.review.note", "author_id", writer,                        "-------"),
    ("performance.calibration.log", "assessment_id", elsewhere,             "-------"),
    # a writer's part stays on its review and role; what it cites is the application's
    ("performance.review.draft", "review_id", elsewhere,                    "!!---!-"),
    ("performance.review.draft", "role", value("manager"),                  "!!---!-"),
    ("performance.review.draft", "citations", value([]),                    "-------"),
    # calibration sessions: the workflow moves by its buttons; a vote keeps its voter and review
    ("performance.calibration.session", "state", value("closed"),           "-------"),
    ("performance.calibration.session", "date_opened", value("2026-12-01 10:00:00"), "-------"),
    ("performance.calibration.vote", "review_id", elsewhere,                "---!---"),
    ("performance.calibration.vote", "voter_id", writer,                    "-------"),
    # feedback: a signed statement keeps its author, subject and review
    ("performance.feedback", "author_id", record_of("manager"),             "--!--!-"),
    ("performance.feedback", "employee_id", record_of("other_employee"),    "--!--!-"),
    ("performance.feedback", "review_id", elsewhere,                        "--!--!-"),
    ("performance.feedback", "state", value("requested"),                   "--!--!-"),
    # 1:1s: the people meeting are re-checked, the calendar event is the application's
    ("performance.coaching.log", "employee_id", record_of("other_employee"), "-!-!-w-"),
    ("performance.coaching.log", "coach_id", writer,                        "-!-w-w-"),
    ("performance.coaching.log", "calendar_event_id", record_of("board_event"), "-------"),
    ("performance.coaching.log", "state", value("done"),                    "-------"),
    ("performance.coaching.action.item", "log_id", elsewhere,               "---w-w-"),
    ("performance.coaching.action.item", "activity_id", record_of("foreign_activity"), "-------"),
    ("performance.coaching.talking.point", "log_id", elsewhere,             "---w-w-"),
    ("performance.coaching.note", "log_id", elsewhere,                      "---!---"),
    # improvement plans: HR responsible only an officer; its employee fixed
    ("performance.improvement.plan", "employee_id", writer,                 "-----w-"),
    ("performance.improvement.plan", "hr_responsible_id", writer,           "---!-w-"),
    ("performance.improvement.plan", "hr_responsible_id", record_of("user_officer"), "---w-w-"),
    ("performance.improvement.plan", "state", value("active"),              "-------"),
    ("performance.improvement.plan", "acknowledged_date", value("2026-06-01 10:00:00"), "-------"),
    # an objective or a check-in moves between plans its writer may write (write rules)
    ("performance.improvement.objective", "plan_id", elsewhere,             "---w-w-"),
    ("performance.improvement.checkin", "plan_id", elsewhere,               "---w-w-"),
    ("performance.improvement.extension", "plan_id", elsewhere,             "-------"),
    # an issue is the detection's: whom it is about is set by the job, moved by nobody
    ("performance.issue", "employee_id", elsewhere,                         "-------"),
    ("performance.issue", "state", value("dismissed"),                      "-------"),
    ("performance.issue", "plan_id", elsewhere,                             "-------"),
    # development: the employee moves his actions along, never cancels them
    ("performance.development.plan", "employee_id", record_of("other_employee"), "-----w-"),
    ("performance.development.plan", "state", value("done"),                "-------"),
    ("performance.development.plan", "readiness", value(100.0),             "-------"),
    ("performance.development.action", "plan_id", elsewhere,                "---w-w-"),
    ("performance.development.action", "state", value("cancelled"),         "---w-w-"),
    # the portal employee too: /my/performance/development/action does exactly this
    ("performance.development.action", "state", value("done"),              "ww-w-w-"),
    # rewards: who recommends what for whom is fixed; the approval is the workflow's
    ("performance.reward", "employee_id", writer,                           "---!-w-"),
    ("performance.reward", "recommender_id", record_of("employee"),         "---!-!-"),
    ("performance.reward", "state", value("approved"),                      "-------"),
    ("performance.reward", "approver_id", writer,                           "-------"),
    # kudos: the giver signs them for good; he (Pat here) may still re-address his own kudos
    # to anyone in the company, as he could have given them
    ("performance.recognition", "giver_id", writer,                         "!!!!!!!"),
    ("performance.recognition", "receiver_ids", to_other_employees,         "--w--w-"),
    # cycles: the phases move through their buttons only
    ("performance.cycle", "state", value("closed"),                         "-------"),
    ("performance.cycle", "launch_state", value("done"),                    "-------"),
    # privacy: who approved, who placed a hold and when a rule ran are the system's stamps
    ("performance.principles.version", "approver_id", writer,               "-------"),
    ("performance.retention.rule", "last_run", value("2030-01-01 00:00:00"), "-------"),
    ("hr.employee", "performance_legal_hold_user_id", writer,               "-------"),
]
# fmt: on


class WritePathCase(AccessMatrixCase):
    """The access matrix's records, the same of Pat's, and records nobody here may reach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["peer"] = cls.user_peer
        cls.elsewhere = cls._build(cls.peer, giver=cls.user_employee)
        cls.top_level = cls.levels[-1]
        cls.board_event = cls.env["calendar.event"].create(
            {
                "name": "Board meeting",
                "start": "2026-06-01 09:00:00",
                "stop": "2026-06-01 10:00:00",
                "privacy": "private",
            }
        )
        cls.foreign_activity = cls.elsewhere["performance.review"].activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.user_peer.id, summary="Peer's to-do"
        )
        # the subject's records in the phase where their owners work on them
        for rec in cls.records.values():
            rec["performance.review"].sudo().state = "self_review"
        # the legal hold's stamps, on the employee himself
        cls.records["employee"]["hr.employee"] = cls.employee
        cls.records["portal"]["hr.employee"] = cls.portal_employee

    def rpc(self, user, records, method, *args, **kwargs):
        """Call ``method`` as ``user`` through the JSON-RPC / JSON-2 dispatcher."""
        Model = self.env[records._name].with_user(user)
        if method == "create":
            return Model.browse(call_kw(Model, method, list(args), kwargs))
        return call_kw(Model, method, [records.ids, *args], kwargs)


@tagged("post_install", "-at_install")
class TestWritePathMatrix(WritePathCase):
    def _probe(self, model, fname, make_value, role):
        user = self.users[role]
        rec = self.records["portal" if role == "portal" else "employee"]
        record = rec[model]
        new_value = make_value(self, model, fname, role)
        Model = self.env[model].with_user(user)
        outcome = self._attempt(
            lambda: call_kw(Model, "write", [record.ids, {fname: new_value}], {})
        )
        return "w" if outcome == "ok" else outcome

    def test_write_path_matrix(self):
        mismatches = []
        for model, fname, make_value, expected in MATRIX:
            got = "".join(self._probe(model, fname, make_value, role) for role in ROLES)
            for role, want, cell in zip(ROLES, expected, got, strict=True):
                with self.subTest(model=model, field=fname, role=role):
                    self.assertEqual(cell, want)
            if got != expected:
                mismatches.append(f"    {model} {fname}: {got!r} (expected {expected!r})")
        if mismatches:
            _logger.error("ACTUAL WRITE-PATH MATRIX\n%s", "\n".join(mismatches))

    def test_every_model_keeping_fields_is_probed(self):
        """Each model whose readonly fields are the application's has its row here."""
        keeping = {
            name
            for name, model in self.env.registry.items()
            if not model._abstract
            and any(
                "_has_field_access" in vars(cls)
                for cls in model.__mro__
                if cls.__module__.startswith("odoo.addons.performance_management")
            )
        }
        self.assertEqual(keeping - {model for model, *_rest in MATRIX}, set())

    def test_accepted_moves_stay_within_reach(self):
        """What the matrix accepts lands where the writer may reach, nowhere else."""
        goal = self.records["employee"]["performance.goal"]
        goal.with_user(self.user_manager).employee_id = self.peer
        self.assertEqual(goal.manager_id, self.manager)
        goal.with_user(self.user_manager).check_access("write")
        kr = self.records["employee"]["performance.key.result"]
        kr.with_user(self.user_officer).goal_id = self.elsewhere["performance.goal"]
        self.assertEqual(kr.employee_id, self.peer)
        # not even an officer files a key result under a goal of another company
        goal_b = self.env["performance.goal"].create(
            {"name": "B goal", "employee_id": self.employee_b.id, "company_id": self.company_b.id}
        )
        self.assertEqual(
            self._attempt(
                lambda: call_kw(
                    kr.with_user(self.user_officer), "write", [kr.ids, {"goal_id": goal_b.id}], {}
                )
            ),
            "-",
        )
