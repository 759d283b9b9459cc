# ruff: noqa: E501 (the matrix is a table, one model a line)
"""Who may read, write, create and delete what: every model of the addon x every role.

The matrix is written once, below, and each cell runs as a subTest. A cell holds four
characters, for read, write, create and unlink, each one of:

  * the letter (r, w, c, u): allowed;
  * ``-``: refused with an AccessError (ACL or record rule);
  * ``X`` never: a database error (IntegrityError) instead of a clear message;
  * ``!``: refused with a UserError / ValidationError (a business rule, e.g. an
    employee cannot give themselves feedback or delete a launched cycle).

The subject of every row is one employee's record (Eli, who reports to Mia the manager);
the portal column works on the portal employee's own record (Paula, also Mia's report).
"""

import logging
from contextlib import closing

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ReviewCase

ROLES = ("portal", "employee", "manager", "other_manager", "officer", "admin", "officer_b")

# fmt: off
MATRIX = {
    # model                                 portal  employee manager other_mgr officer admin officer_b
    # configuration: everyone reads it, officers (admins for scales and merit) change it
    "performance.rating.scale":             ("r---", "r---", "r---", "r---", "r---", "rwc!", "----"),
    "performance.rating.scale.level":       ("r---", "r---", "r---", "r---", "r---", "rwcu", "----"),
    "performance.review.template":          ("----", "r---", "r---", "r---", "rwc!", "rwc!", "--!-"),
    "performance.review.template.line":     ("----", "r---", "r---", "r---", "rwcu", "rwcu", "----"),
    "performance.cycle":                    ("r---", "r---", "r---", "r---", "rwc!", "rwc!", "--!-"),
    "performance.career.path":              ("r---", "r---", "r---", "r---", "rwc!", "rwc!", "--c-"),
    "performance.career.step":              ("r---", "r---", "r---", "r---", "rwc!", "rwc!", "----"),
    "performance.career.step.skill":        ("----", "r---", "r---", "r---", "rwcu", "rwcu", "----"),
    "performance.value":                    ("r---", "r---", "r---", "r---", "rwcu", "rwcu", "--c-"),
    "performance.goal.tag":                 ("r---", "r---", "r---", "r---", "rwcu", "rwcu", "rwcu"),
    "performance.merit.matrix":             ("----", "----", "----", "----", "r---", "rwcu", "----"),
    "performance.reward.budget":            ("----", "----", "----", "----", "rwcu", "rwcu", "--c-"),
    # goals: the manager runs them, the owner checks in
    "performance.goal":                     ("r---", "r!c!", "rwcu", "----", "rwcu", "rwcu", "--!-"),
    "performance.key.result":               ("r!--", "r!!!", "rwcu", "----", "rwcu", "rwcu", "----"),
    "performance.goal.checkin":             ("r-c-", "rwc-", "rwc-", "----", "rwcu", "rwcu", "----"),
    "performance.goal.checkin.line":        ("r---", "rwc-", "rwc-", "----", "rwcu", "rwcu", "----"),
    # reviews (in the self-review phase, calibrated once): blind until released
    "performance.review":                   ("r---", "r---", "r!--", "----", "rwc!", "rwc!", "--!-"),
    "performance.review.line":              ("r---", "rw--", "r!--", "----", "rwcu", "rwcu", "----"),
    "performance.review.assessment":        ("----", "----", "r!--", "----", "rw!u", "rw!u", "--!-"),
    "performance.review.note":              ("----", "----", "rwcu", "----", "rwcu", "rwcu", "----"),
    "performance.calibration.log":          ("----", "----", "----", "----", "r---", "r---", "----"),
    # each writer's strengths and areas to grow: the employee's part, in the self review
    "performance.review.draft":             ("rw--", "rw--", "r-!-", "----", "rw!u", "rw!u", "----"),
    # feedback and 1:1s
    "performance.feedback":                 ("r---", "r-!-", "r-c-", "--c-", "rwcu", "rwcu", "--!-"),
    "performance.coaching.log":             ("rw--", "rwcu", "rwcu", "----", "rwcu", "rwcu", "----"),
    "performance.coaching.note":            ("----", "--c-", "rw!u", "----", "--c-", "--c-", "----"),
    "performance.coaching.talking.point":   ("r-c-", "rwcu", "rwcu", "----", "rwcu", "rwcu", "----"),
    "performance.coaching.action.item":     ("r-c-", "rwcu", "rwcu", "----", "rwcu", "rwcu", "----"),
    # improvement plans and issues: HR, the manager chain, the employee reads
    "performance.improvement.plan":         ("r---", "r---", "rwc-", "----", "rwcu", "rwcu", "--!-"),
    "performance.improvement.objective":    ("r---", "r---", "rwcu", "----", "rwcu", "rwcu", "----"),
    "performance.improvement.checkin":      ("r---", "r---", "rwcu", "----", "rwcu", "rwcu", "----"),
    # an extension is history: written only by the extend action (its fields are readonly)
    "performance.improvement.extension":    ("r---", "r---", "r---", "----", "r--u", "r--u", "----"),
    # the notes the chain and HR keep on a plan: never its employee's
    "performance.improvement.note":         ("----", "----", "rwcu", "----", "rwcu", "rwcu", "----"),
    # an issue's signal, reason and day are the detection's: the chain and HR decide on it
    "performance.issue":                    ("----", "----", "r---", "----", "r--u", "r--u", "----"),
    # career development
    "performance.development.plan":         ("r---", "r---", "rwcu", "----", "rwcu", "rwcu", "--!-"),
    "performance.development.action":       ("r---", "r---", "rwcu", "----", "rwcu", "rwcu", "----"),
    "performance.development.plan.skill":   ("----", "r---", "r---", "----", "rwcu", "rwcu", "----"),
    # recognition and rewards
    "performance.recognition":              ("r-c-", "r-c-", "r-c-", "r-c-", "rwcu", "rwcu", "--!-"),
    "performance.reward":                   ("----", "--!-", "rwcu", "--!-", "rwcu", "rwcu", "--!-"),
    # the review-text check's word lists: internal users read them, administrators edit them
    "performance.text.rule":                ("----", "r---", "r---", "r---", "r---", "rwcu", "r---"),
    # anonymous "was this review useful?" answers: nobody reads a row, templates show counts
    "performance.review.usefulness":        ("----", "----", "----", "----", "----", "----", "----"),
    # calibration sessions (in pre-rating): the vote is the manager's, blind to all others
    # (the employee may not vote on his own review, the other manager on one he may not read)
    "performance.calibration.session":      ("----", "----", "r---", "r---", "rwcu", "rwcu", "--!-"),
    "performance.calibration.vote":         ("----", "--!-", "rw!u", "--!-", "----", "----", "--!-"),
    "performance.calibration.disagreement": ("----", "----", "r---", "r---", "r---", "r---", "----"),
    # privacy: administrators keep the retention rules and the appraisal principles
    "performance.retention.rule":           ("----", "----", "----", "----", "r---", "rwcu", "----"),
    "performance.principles.version":       ("----", "----", "----", "----", "r---", "rwcu", "----"),
    # pulse surveys: administrators keep schedules; rounds, invitations and results are the job's
    "performance.pulse.schedule":           ("----", "----", "----", "----", "r---", "rwcu", "----"),
    "performance.pulse.round":              ("----", "r---", "r---", "r---", "r---", "r--u", "----"),
    "performance.pulse.participant":        ("----", "r---", "----", "----", "r---", "r---", "----"),
    "performance.pulse.result":             ("----", "----", "r---", "----", "r---", "r---", "----"),
    # the read log: written by the logger alone, read by officers and (some rows) its subject,
    # portal employees included
    "performance.read.log":                 ("r---", "r---", "----", "----", "r---", "r---", "----"),
    # the nudges: written by their job alone, read by their user and officers
    "performance.nudge":                    ("----", "r---", "----", "----", "r---", "r---", "----"),
}
# fmt: on

_logger = logging.getLogger(__name__)


class AccessMatrixCase(ReviewCase):
    """One record of every model for Eli and for the portal employee, and each role's user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "portal": cls.user_portal,
            "employee": cls.user_employee,
            "manager": cls.user_manager,
            "other_manager": cls.user_other_manager,
            "officer": cls.user_officer,
            "admin": cls.user_admin,
            "officer_b": cls.user_officer_b,
        }
        cls.skill_type_m = cls.env["hr.skill.type"].create(
            {
                "name": "Matrix Skills",
                "skill_ids": [Command.create({"name": "Matrix Skill"})],
                "skill_level_ids": [
                    Command.create({"name": "Low", "level_progress": 10}),
                    Command.create({"name": "High", "level_progress": 90}),
                ],
            }
        )
        cls.path = cls.env["performance.career.path"].create({"name": "Matrix Path"})
        cls.job_a = cls.env["hr.job"].create({"name": "Matrix Job A"})
        cls.job_b = cls.env["hr.job"].create({"name": "Matrix Job B"})
        cls.step_a = cls.env["performance.career.step"].create(
            {"path_id": cls.path.id, "job_id": cls.job_a.id, "level": 1}
        )
        cls.step_b = cls.env["performance.career.step"].create(
            {"path_id": cls.path.id, "job_id": cls.job_b.id, "level": 2}
        )
        cls.step_a.next_step_ids = cls.step_b
        cls.step_skill = cls.env["performance.career.step.skill"].create(
            {
                "step_id": cls.step_b.id,
                "skill_type_id": cls.skill_type_m.id,
                "skill_id": cls.skill_type_m.skill_ids.id,
                "skill_level_id": cls.skill_type_m.skill_level_ids[0].id,
            }
        )
        cls.tag = cls.env["performance.goal.tag"].create({"name": "Matrix tag"})
        cls.value = cls.env["performance.value"].create({"name": "Matrix value"})
        cls.budget = cls.env["performance.reward.budget"].create(
            {"name": "Matrix budget", "amount": 10000}
        )
        cls.merit = cls.env["performance.merit.matrix"].create(
            {"rating_min": 3.3, "attainment_min": 0, "raise_percent": 2}
        )
        cls.retention_rule = cls.env["performance.retention.rule"].create(
            {"record_type": "coaching", "event": "record_date", "months": 60, "action": "delete"}
        )
        cls.principles = cls.env["performance.principles.version"].create(
            {"name": "Matrix principles"}
        )
        cls.records = {
            "employee": cls._build(cls.employee),
            "portal": cls._build(cls.portal_employee),
        }

    @classmethod
    def _build(cls, subject, giver=None):
        env = cls.env
        giver = giver or cls.user_peer  # who gives the feedback and the kudos
        rec = {}
        rec["performance.rating.scale"] = cls.scale
        rec["performance.rating.scale.level"] = cls.levels[0]
        rec["performance.review.template"] = cls.template
        rec["performance.review.template.line"] = cls.template.line_ids[1]
        rec["performance.cycle"] = cls.cycle
        goal = env["performance.goal"].create(
            {"name": "Ship it", "employee_id": subject.id, "state": "active"}
        )
        rec["performance.goal"] = goal
        kr = env["performance.key.result"].create({"name": "Releases", "goal_id": goal.id})
        rec["performance.key.result"] = kr
        checkin = env["performance.goal.checkin"].create(
            {"goal_id": goal.id, "user_id": subject.user_id.id}
        )
        rec["performance.goal.checkin"] = checkin
        rec["performance.goal.checkin.line"] = env["performance.goal.checkin.line"].create(
            {"checkin_id": checkin.id, "key_result_id": kr.id, "value": 10}
        )
        rec["performance.goal.tag"] = cls.tag
        if not cls.cycle.review_ids:
            cls.cycle.with_user(cls.user_officer).action_launch()
        review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == subject)
        rec["performance.review"] = review
        rec["performance.review.line"] = review.line_ids.filtered(
            lambda line: line.role == "employee" and not line.display_type
        )[:1]
        assessment = review.assessment_ids[:1] or env["performance.review.assessment"].create(
            {"review_id": review.id}
        )
        rec["performance.review.assessment"] = assessment
        rec["performance.review.note"] = env["performance.review.note"].create(
            {"review_id": review.id, "note": "Private", "author_id": cls.user_manager.id}
        )
        rec["performance.review.draft"] = env["performance.review.draft"].create(
            {"review_id": review.id, "role": "employee", "strengths": "S"}
        )
        rec["performance.calibration.log"] = env["performance.calibration.log"].create(
            {"assessment_id": assessment.id, "user_id": cls.user_officer.id, "reason": "Shift"}
        )
        rec["performance.feedback"] = (
            env["performance.feedback"]
            .with_user(giver)
            .create(
                {
                    "employee_id": subject.id,
                    "message": "<p>Good job</p>",
                    "feedback_type": "praise",
                    "visibility": "shared",
                }
            )
            .with_env(env)
        )
        log = env["performance.coaching.log"].create(
            {"employee_id": subject.id, "coach_id": cls.manager.id}
        )
        rec["performance.coaching.log"] = log
        rec["performance.coaching.note"] = env["performance.coaching.note"].create(
            {"log_id": log.id, "note": "<p>Mine</p>", "user_id": cls.user_manager.id}
        )
        rec["performance.coaching.talking.point"] = env[
            "performance.coaching.talking.point"
        ].create({"log_id": log.id, "name": "Topic"})
        rec["performance.coaching.action.item"] = env["performance.coaching.action.item"].create(
            {"log_id": log.id, "name": "Do it", "owner_id": cls.user_manager.id}
        )
        plan = env["performance.improvement.plan"].create(
            {
                "name": "Improve",
                "employee_id": subject.id,
                "manager_id": cls.manager.id,
                "date_end": "2027-06-30",
            }
        )
        rec["performance.improvement.plan"] = plan
        rec["performance.improvement.objective"] = env["performance.improvement.objective"].create(
            {"plan_id": plan.id, "name": "Objective"}
        )
        # a started plan: its employee never reads a draft (see test_improvement_plan)
        plan.action_activate()
        rec["performance.improvement.checkin"] = env["performance.improvement.checkin"].create(
            {"plan_id": plan.id, "date": "2027-01-15"}
        )
        rec["performance.improvement.extension"] = env["performance.improvement.extension"].create(
            {"plan_id": plan.id, "previous_date_end": "2027-03-31", "date_end": "2027-06-30"}
        )
        rec["performance.improvement.note"] = env["performance.improvement.note"].create(
            {"plan_id": plan.id, "note": "Private"}
        )
        rec["performance.issue"] = env["performance.issue"].create(
            {
                "company_id": subject.company_id.id,
                "employee_id": subject.id,
                "rule": "low_rating",
                "reason": "Low",
            }
        )
        rec["performance.career.path"] = cls.path
        rec["performance.career.step"] = cls.step_a
        rec["performance.career.step.skill"] = cls.step_skill
        dplan = env["performance.development.plan"].create(
            {
                "employee_id": subject.id,
                "current_step_id": cls.step_a.id,
                "target_step_id": cls.step_b.id,
            }
        )
        rec["performance.development.plan"] = dplan
        rec["performance.development.action"] = env["performance.development.action"].create(
            {"name": "Course", "plan_id": dplan.id}
        )
        rec["performance.development.plan.skill"] = dplan.skill_line_ids[:1] or env[
            "performance.development.plan.skill"
        ].create(
            {
                "plan_id": dplan.id,
                "skill_id": cls.skill_type_m.skill_ids.id,
                "required_level_id": cls.skill_type_m.skill_level_ids[1].id,
            }
        )
        rec["performance.value"] = cls.value
        rec["performance.recognition"] = (
            env["performance.recognition"]
            .with_user(giver)
            .create({"receiver_ids": [Command.set(subject.ids)], "message": "<p>Thanks</p>"})
            .with_env(env)
        )
        rec["performance.reward"] = (
            env["performance.reward"]
            .with_user(cls.user_manager)
            .create({"employee_id": subject.id, "kind": "bonus", "amount": 1000.0})
            .with_env(env)
        )
        rec["performance.reward.budget"] = cls.budget
        rec["performance.merit.matrix"] = cls.merit
        rec["performance.text.rule"] = env["performance.text.rule"].create(
            {"lang": "en", "category": "absolute", "pattern": f"matrix{subject.id}"}
        )
        rec["performance.review.usefulness"] = env["performance.review.usefulness"].create(
            {"template_id": cls.template.id, "company_id": subject.company_id.id, "answer": "yes"}
        )
        session = env["performance.calibration.session"].create(
            {
                "name": "Matrix session",
                "cycle_id": cls.cycle.id,
                "facilitator_id": cls.user_officer.id,
                "participant_ids": [Command.set((cls.user_manager | cls.user_other_manager).ids)],
            }
        )
        session.action_start_pre_rating()
        rec["performance.calibration.session"] = session
        rec["performance.calibration.vote"] = (
            env["performance.calibration.vote"]
            .with_user(cls.user_manager)
            .create(
                {"session_id": session.id, "review_id": review.id, "rating_id": cls.levels[2].id}
            )
            .with_env(env)
        )
        rec["performance.calibration.disagreement"] = env[
            "performance.calibration.disagreement"
        ].create({"session_id": session.id, "review_id": review.id, "employee_id": subject.id})
        rec["performance.retention.rule"] = cls.retention_rule
        rec["performance.principles.version"] = cls.principles
        # pulse and read log: written by their jobs (in sudo), one of each about the subject
        schedule = env["performance.pulse.schedule"].create(
            {
                "name": f"Matrix pulse {subject.id}",
                "company_id": subject.company_id.id,
                "survey_id": env.ref("performance_management.performance_pulse_survey_default").id,
                "cadence": "monthly",
            }
        )
        pulse_round = env["performance.pulse.round"].create(
            {
                "schedule_id": schedule.id,
                "company_id": subject.company_id.id,
                "survey_id": schedule.survey_id.id,
                "date_start": "2026-01-01",
                "date_deadline": "2026-01-15",
            }
        )
        rec["performance.pulse.schedule"] = schedule
        rec["performance.pulse.round"] = pulse_round
        rec["performance.pulse.participant"] = env["performance.pulse.participant"].create(
            {"round_id": pulse_round.id, "employee_id": subject.id}
        )
        rec["performance.pulse.result"] = env["performance.pulse.result"].create(
            {
                "round_id": pulse_round.id,
                "dimension": "team",
                "manager_id": subject.parent_id.id,
                "question_id": schedule.survey_id.question_ids[0].id,
                "answer_count": 5,
                "mean": 3.0,
            }
        )
        rec["performance.read.log"] = env["performance.read.log"].create(
            {
                "date": "2026-01-02 10:00:00",
                "user_id": cls.user_officer.id,
                "res_model": "performance.review",
                "res_id": review.id,
                "res_name": "Matrix review",
                "employee_id": subject.id,
                "company_id": subject.company_id.id,
                "path": "backend",
                "employee_visible": True,
            }
        )
        rec["performance.nudge"] = env["performance.nudge"].create(
            {
                "user_id": subject.user_id.id,
                "company_id": subject.company_id.id,
                "kind": "feedback",
                "res_model": "hr.employee",
                "res_id": subject.id,
                "channel": "discuss",
            }
        )
        return rec

    # what each role writes and creates, per model -----------------------------------
    def _write_vals(self, model):
        return {
            "performance.goal": {"name": "Renamed"},
            "performance.key.result": {"name": "Renamed"},
            "performance.goal.checkin": {"note": "<p>Edited</p>"},
            "performance.goal.checkin.line": {"value": 20},
            "performance.goal.tag": {"name": "Renamed tag"},
            "performance.rating.scale": {"name": "Renamed"},
            "performance.rating.scale.level": {"name": "Renamed"},
            "performance.review.template": {"name": "Renamed"},
            "performance.review.template.line": {"name": "Renamed"},
            "performance.cycle": {"name": "Renamed"},
            "performance.review": {"manager_summary": "Edited"},
            "performance.review.line": {"answer": "Edited"},
            "performance.review.assessment": {"manager_summary": "Edited"},
            "performance.review.note": {"note": "Edited"},
            "performance.calibration.log": {"reason": "Edited"},
            "performance.review.draft": {"strengths": "Edited"},
            "performance.feedback": {"message": "<p>Edited</p>"},
            "performance.coaching.log": {"shared_notes": "<p>Edited</p>"},
            "performance.coaching.note": {"note": "<p>Edited</p>"},
            "performance.coaching.talking.point": {"name": "Edited"},
            "performance.coaching.action.item": {"name": "Edited"},
            "performance.improvement.plan": {"support": "<p>Edited</p>"},
            "performance.improvement.objective": {"name": "Edited"},
            "performance.improvement.checkin": {"notes": "<p>Edited</p>"},
            "performance.improvement.extension": {"reason": "Edited"},
            "performance.improvement.note": {"note": "Edited"},
            "performance.issue": {"reason": "Edited"},
            "performance.career.path": {"name": "Renamed"},
            "performance.career.step": {"level": 5},
            "performance.career.step.skill": {
                "skill_level_id": self.skill_type_m.skill_level_ids[1].id
            },
            "performance.development.plan": {"note": "<p>Edited</p>"},
            "performance.development.action": {"name": "Edited"},
            "performance.development.plan.skill": {
                "required_level_id": self.skill_type_m.skill_level_ids[0].id
            },
            "performance.value": {"name": "Renamed"},
            "performance.recognition": {"message": "<p>Edited</p>"},
            "performance.reward": {"justification": "<p>Edited</p>"},
            "performance.reward.budget": {"name": "Renamed"},
            "performance.merit.matrix": {"raise_percent": 3},
            "performance.text.rule": {"reason": "Edited"},
            "performance.review.usefulness": {"answer": "no"},
            "performance.calibration.session": {"name": "Renamed"},
            "performance.calibration.vote": {"rating_id": self.levels[3].id},
            "performance.calibration.disagreement": {"vote_summary": "Edited"},
            "performance.retention.rule": {"months": 30},
            "performance.pulse.schedule": {"duration": 7},
            "performance.pulse.round": {"date_deadline": "2026-01-20"},
            "performance.pulse.participant": {"employee_id": self.employee.id},
            "performance.pulse.result": {"mean": 5.0},
            "performance.read.log": {"res_name": "Forged"},
            "performance.nudge": {"date": "2026-01-01"},
            "performance.principles.version": {"name": "Renamed"},
        }[model]

    def _create_vals(self, model, subject, rec):
        return {
            "performance.goal": {"name": "New goal", "employee_id": subject.id},
            "performance.key.result": {"name": "New", "goal_id": rec["performance.goal"].id},
            "performance.goal.checkin": {"goal_id": rec["performance.goal"].id},
            "performance.goal.checkin.line": {
                "checkin_id": rec["performance.goal.checkin"].id,
                "key_result_id": rec["performance.key.result"].id,
            },
            "performance.goal.tag": {"name": "New tag"},
            "performance.rating.scale": {"name": "New scale"},
            "performance.rating.scale.level": {
                "scale_id": self.scale.id,
                "name": "New",
                "value": 6,
            },
            "performance.review.template": {
                "name": "New",
                "scale_id": self.scale.id,
                "line_ids": [Command.create({"name": "Q", "question_type": "rating"})],
            },
            "performance.review.template.line": {"template_id": self.template.id, "name": "Q"},
            "performance.cycle": {
                "name": "New cycle",
                "template_id": self.template.id,
                "date_start": "2027-01-01",
                "date_end": "2027-12-31",
            },
            "performance.review": {
                "employee_id": subject.id,
                "template_id": self.template.id,
                "date_start": "2027-01-01",
                "date_end": "2027-12-31",
            },
            "performance.review.line": {"review_id": rec["performance.review"].id, "name": "Q"},
            "performance.review.assessment": {"review_id": rec["performance.review"].id},
            "performance.review.note": {"review_id": rec["performance.review"].id, "note": "N"},
            "performance.review.draft": {
                "review_id": rec["performance.review"].id,
                "role": "manager",
            },
            "performance.calibration.log": {
                "assessment_id": rec["performance.review.assessment"].id,
                "user_id": self.env.uid,
                "reason": "R",
            },
            "performance.feedback": {
                "employee_id": subject.id,
                "message": "<p>More</p>",
                "feedback_type": "praise",
                "visibility": "shared",
            },
            "performance.coaching.log": {"employee_id": subject.id},
            "performance.coaching.note": {
                "log_id": rec["performance.coaching.log"].id,
                "note": "<p>N</p>",
            },
            "performance.coaching.talking.point": {
                "log_id": rec["performance.coaching.log"].id,
                "name": "T",
            },
            "performance.coaching.action.item": {
                "log_id": rec["performance.coaching.log"].id,
                "name": "A",
            },
            "performance.improvement.plan": {
                "name": "New plan",
                "employee_id": subject.id,
                "date_end": "2027-09-30",
            },
            "performance.improvement.objective": {
                "plan_id": rec["performance.improvement.plan"].id,
                "name": "O",
            },
            "performance.improvement.checkin": {
                "plan_id": rec["performance.improvement.plan"].id,
                "date": "2027-02-15",
            },
            "performance.improvement.extension": {
                "plan_id": rec["performance.improvement.plan"].id,
                "previous_date_end": "2027-06-30",
                "date_end": "2027-08-31",
            },
            "performance.improvement.note": {
                "plan_id": rec["performance.improvement.plan"].id,
                "note": "N",
            },
            "performance.issue": {
                "company_id": subject.company_id.id,
                "employee_id": subject.id,
                "rule": rec["performance.issue"].rule,
                "reason": "R",
            },
            "performance.career.path": {"name": "New path"},
            "performance.career.step": {
                "path_id": self.path.id,
                "job_id": self.env["hr.job"].create({"name": "Matrix New Job"}).id,
            },
            "performance.career.step.skill": {
                "step_id": self.step_a.id,
                "skill_type_id": self.skill_type_m.id,
                "skill_id": self.skill_type_m.skill_ids.id,
                "skill_level_id": self.skill_type_m.skill_level_ids[1].id,
            },
            "performance.development.plan": {
                "employee_id": subject.id,
                "current_step_id": self.step_a.id,
                "target_step_id": self.step_b.id,
            },
            "performance.development.action": {
                "name": "A",
                "plan_id": rec["performance.development.plan"].id,
            },
            "performance.development.plan.skill": {
                "plan_id": rec["performance.development.plan"].id,
                "skill_id": self.skill.id,
                "required_level_id": self.skill_levels[2].id,
            },
            "performance.value": {"name": "New value"},
            "performance.recognition": {
                "receiver_ids": [Command.set(self.peer.ids)],
                "message": "<p>Kudos</p>",
            },
            "performance.reward": {"employee_id": subject.id, "kind": "bonus", "amount": 10},
            "performance.reward.budget": {"name": "New budget"},
            "performance.merit.matrix": {
                "rating_min": 4.5,
                "attainment_min": 50,
                "raise_percent": 5,
            },
            "performance.text.rule": {"lang": "en", "category": "absolute", "pattern": "newword"},
            "performance.review.usefulness": {
                "template_id": self.template.id,
                "company_id": subject.company_id.id,
                "answer": "no",
            },
            "performance.calibration.session": {"name": "New", "cycle_id": self.cycle.id},
            "performance.calibration.vote": {
                "session_id": rec["performance.calibration.session"].id,
                "review_id": rec["performance.review"].id,
                "rating_id": self.levels[1].id,
            },
            "performance.calibration.disagreement": {
                "session_id": rec["performance.calibration.session"].id,
                "review_id": rec["performance.review"].id,
                "employee_id": subject.id,
            },
            "performance.retention.rule": {
                "record_type": "recognition",
                "event": "record_date",
                "months": 60,
                "action": "delete",
            },
            "performance.principles.version": {"name": "New principles"},
            "performance.pulse.schedule": {
                "name": "New pulse",
                "survey_id": rec["performance.pulse.schedule"].survey_id.id,
                "cadence": "monthly",
            },
            "performance.pulse.round": {
                "schedule_id": rec["performance.pulse.schedule"].id,
                "company_id": subject.company_id.id,
                "survey_id": rec["performance.pulse.schedule"].survey_id.id,
                "date_start": "2026-02-01",
                "date_deadline": "2026-02-15",
            },
            "performance.pulse.participant": {
                "round_id": rec["performance.pulse.round"].id,
                "employee_id": subject.id,
            },
            "performance.pulse.result": {
                "round_id": rec["performance.pulse.round"].id,
                "dimension": "company",
                "question_id": rec["performance.pulse.result"].question_id.id,
            },
            "performance.read.log": {
                "date": "2026-01-03 10:00:00",
                "user_id": self.env.uid,
                "res_model": "performance.review",
                "res_id": rec["performance.review"].id,
                "path": "backend",
                "employee_id": subject.id,
            },
            "performance.nudge": {
                "user_id": self.env.uid,
                "company_id": subject.company_id.id,
                "kind": "feedback",
                "res_model": "hr.employee",
                "res_id": subject.id,
                "channel": "discuss",
            },
        }[model]

    # running one cell ----------------------------------------------------------------
    def _attempt(self, action):
        self.env.flush_all()
        # a database error is an outcome of the matrix, not an error of the run
        with closing(self.env.cr.savepoint()), mute_logger("odoo.sql_db"):
            try:
                action()
                self.env.flush_all()
                outcome = "ok"
            except AccessError:
                outcome = "-"
            except (UserError, ValidationError):
                outcome = "!"
            except psycopg2.IntegrityError as error:
                # a named constraint with a message reaches the user as a ValidationError
                outcome = (
                    "!" if self._constraint_message(error) else "X"
                )  # a database error is a hole: it must never reach the user
        self.env.invalidate_all()
        self.env.transaction.clear()
        return outcome

    def _constraint_message(self, error):
        name = error.diag.constraint_name
        for model in self.env.registry.values():
            constraint = model._table_objects.get(name) if name else None
            if constraint is not None and getattr(constraint, "message", None):
                return constraint.message
        return None

    def _cell(self, model, role):
        user = self.users[role]
        subject = self.portal_employee if role == "portal" else self.employee
        rec = self.records["portal" if role == "portal" else "employee"]
        record = rec[model].with_user(user)
        Model = self.env[model].with_user(user)

        def read():
            record.read(["display_name"])
            if not Model.search([("id", "=", record.id)]):
                raise AccessError(self.env._("read but not found"))

        actions = (
            read,
            lambda: record.write(self._write_vals(model)),
            lambda: Model.create(self._create_vals(model, subject, rec)),
            lambda: record.unlink(),
        )
        return "".join(
            letter if (outcome := self._attempt(action)) == "ok" else outcome
            for letter, action in zip("rwcu", actions, strict=True)
        )


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase):
    def test_every_model_is_in_the_matrix(self):
        models = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("performance.")
            and not model._transient
            and not model._abstract
            and model._auto
        }
        self.assertEqual(set(MATRIX), models)

    def test_access_matrix(self):
        actual = {}
        for model in sorted(self.records["employee"]):
            actual[model] = tuple(self._cell(model, role) for role in ROLES)
        for model, row in MATRIX.items():
            for role, expected, got in zip(ROLES, row, actual.get(model, ()), strict=False):
                with self.subTest(model=model, role=role):
                    self.assertEqual(got, expected)
        # printed once so a changed rule shows the whole picture
        if any(actual.get(model) != row for model, row in MATRIX.items()):
            lines = [f'    "{m}": {r},' for m, r in sorted(actual.items())]
            _logger.error("ACTUAL MATRIX\n%s", "\n".join(lines))
