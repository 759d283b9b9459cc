from datetime import timedelta

from odoo import fields
from odoo.fields import Command
from odoo.tests import HttpCase

from .common import PerformanceCase


class PerformancePortalCase(PerformanceCase, HttpCase):
    """Records of the portal employee (Paula) and of her peer (Pat), for the /my pages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        now = fields.Datetime.now()
        cls.company.performance_goal_proposal = True
        cls.levels = cls.env.ref("performance_management.rating_scale_five").level_ids.sorted(
            "value"
        )
        cls.template = cls.env.ref("performance_management.review_template_annual")
        cls.value = cls.env["performance.value"].create({"name": "Ownership", "icon": "🚀"})
        job = cls.env["hr.job"].create({"name": "Portal Analyst"})
        path = cls.env["performance.career.path"].create({"name": "Portal Path"})
        cls.step = cls.env["performance.career.step"].create(
            {"path_id": path.id, "job_id": job.id, "level": 1}
        )
        for who in ("portal", "peer"):
            employee = cls.portal_employee if who == "portal" else cls.peer
            label = "Paula" if who == "portal" else "Secret Pat"
            records = cls._make_records(employee, label, today, now)
            for key, record in records.items():
                setattr(cls, f"{who}_{key}", record)

    @classmethod
    def _make_records(cls, employee, label, today, now):
        env = cls.env
        goal = env["performance.goal"].create(
            {
                "name": f"{label} goal",
                "employee_id": employee.id,
                "state": "active",
                "date_deadline": today + timedelta(days=60),
                "key_result_ids": [
                    Command.create(
                        {
                            "name": f"{label} tickets",
                            "kind": "number",
                            "start_value": 0,
                            "target_value": 10,
                        }
                    ),
                    Command.create(
                        {
                            "name": f"{label} milestone",
                            "kind": "milestone",
                            "target_value": 1,
                        }
                    ),
                ],
            }
        )

        def review(state, title):
            lines = []
            for sequence, question in enumerate(("Quality", "Teamwork"), start=1):
                for role in ("employee", "manager"):
                    vals = {
                        "sequence": sequence,
                        "name": f"{question}",
                        "kind": "rating",
                        "role": role,
                    }
                    if role == "manager":
                        vals["answer"] = f"{label} manager says {question} {state}"
                        vals["rating_id"] = cls.levels[2].id
                    elif state != "self_review":
                        vals["rating_id"] = cls.levels[3].id
                    lines.append(Command.create(vals))
            record = env["performance.review"].create(
                {
                    "name": f"{label} {title}",
                    "employee_id": employee.id,
                    "manager_id": cls.manager.id,
                    "template_id": cls.template.id,
                    "review_type": "probation",
                    "date_start": today - timedelta(days=90),
                    "date_end": today,
                    "line_ids": lines,
                }
            )
            record.assessment_ids.write(
                {
                    "final_rating_id": cls.levels[2].id,
                    "manager_summary": f"{label} summary {state}",
                }
            )
            record.state = state
            return record

        request = env["performance.feedback"].create(
            {
                "employee_id": cls.other_employee.id,
                "author_id": employee.id,
                "requester_id": cls.manager.id,
                "state": "requested",
                "request_message": f"{label} question",
                "date_deadline": today + timedelta(days=5),
            }
        )
        anonymous_request = env["performance.feedback"].create(
            {
                "employee_id": cls.manager.id,
                "author_id": employee.id,
                "requester_id": cls.manager.id,
                "state": "requested",
                "anonymous": True,
                "request_message": f"{label} anonymous question",
                "date_deadline": today + timedelta(days=5),
            }
        )
        received = env["performance.feedback"].create(
            {
                "employee_id": employee.id,
                "author_id": cls.manager.id,
                "state": "done",
                "visibility": "shared",
                "message": f"<p>{label} received praise</p>",
            }
        )
        meeting = env["performance.coaching.log"].create(
            {
                "employee_id": employee.id,
                "coach_id": cls.manager.id,
                "date_start": now + timedelta(days=2),
                "shared_notes": f"<p>{label} shared notes</p>",
            }
        )
        meeting.with_user(cls.user_manager).private_note = f"<p>{label} private note</p>"
        improvement = env["performance.improvement.plan"].create(
            {
                "name": f"{label} improvement",
                "employee_id": employee.id,
                "date_end": today + timedelta(days=30),
                "hr_note": f"<p>{label} hr note</p>",
                "objective_ids": [Command.create({"name": f"{label} objective"})],
            }
        )
        improvement.action_activate()
        development = env["performance.development.plan"].create(
            {
                "employee_id": employee.id,
                "target_step_id": cls.step.id,
                "action_ids": [
                    Command.create(
                        {
                            "name": f"{label} course",
                            "date_deadline": today + timedelta(days=20),
                        }
                    )
                ],
            }
        )
        development.action_start()
        return {
            "goal": goal,
            "review_self": review("self_review", "self review"),
            "review_released": review("released", "released review"),
            "request": request,
            "anonymous_request": anonymous_request,
            "received": received,
            "meeting": meeting,
            "improvement": improvement,
            "development": development,
            "action": development.action_ids,
        }
