from freezegun import freeze_time

from odoo.fields import Command

from .common import PerformanceCase


class ReportCase(PerformanceCase):
    """A known cycle to evaluate, on a 1-5 scale whose guideline is 5/15/50/20/10%.

    Reviewer Mia Manager: Eli 3 calibrated to 4 (released), Pat 5 (acknowledged),
    Paula 4 and Noah 4 (calibration). Reviewer Otto Other: Olga 3 calibrated to 2 (released),
    Oscar 2 (calibration, manager review late). Reviewer Dana Director: Mia 3. Dana's own
    review is still in self review. Goal lines: Eli 80%, Pat 100%. 360 requests on Eli's
    review: 3 answered of 4.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scale = cls.env["performance.rating.scale"].create(
            {
                "name": "Report Scale",
                "level_ids": [
                    Command.create({"value": value, "name": name, "target_percent": target})
                    for value, name, target in (
                        (1, "Unsatisfactory", 5),
                        (2, "Below Expectations", 15),
                        (3, "Meets Expectations", 50),
                        (4, "Exceeds Expectations", 20),
                        (5, "Outstanding", 10),
                    )
                ],
            }
        )
        cls.levels = {int(level.value): level for level in cls.scale.level_ids}
        cls.template = cls.env["performance.review.template"].create(
            {
                "name": "Report Template",
                "scale_id": cls.scale.id,
                "question_weight": 0,
                "competency_weight": 50,
                "goal_weight": 50,
            }
        )
        cls.cycle = cls.env["performance.cycle"].create(
            {
                "name": "Annual Review 2026",
                "template_id": cls.template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "date_self_deadline": "2026-11-15",
                "date_manager_deadline": "2026-11-30",
            }
        )
        cls.cycle.state = "running"
        cls.oscar = cls.env["hr.employee"].create(
            {
                "name": "Oscar Other",
                "parent_id": cls.other_manager.id,
                "department_id": cls.other_department.id,
            }
        )
        Review = cls.env["performance.review"]

        def review(employee, manager, rating, state, calibrated_to=None, late=False):
            record = Review.create(
                {
                    "employee_id": employee.id,
                    "manager_id": manager.id if manager else False,
                    "cycle_id": cls.cycle.id,
                    "template_id": cls.template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "state": "manager_review" if rating else "self_review",
                    "date_self_done": "2026-11-10" if rating else False,
                    "date_manager_done": ("2026-12-05" if late else "2026-11-20")
                    if rating
                    else False,
                }
            )
            if not rating:
                return record
            record.assessment_ids.final_rating_id = cls.levels[rating]
            record.state = "calibration"
            if calibrated_to:
                record.assessment_ids.with_context(
                    calibration_reason="Calibrated against the department"
                ).final_rating_id = cls.levels[calibrated_to]
            record.state = state
            return record

        with freeze_time("2026-12-10"):
            cls.review_eli = review(cls.employee, cls.manager, 3, "released", calibrated_to=4)
            cls.review_pat = review(cls.peer, cls.manager, 5, "done")
            cls.review_paula = review(cls.portal_employee, cls.manager, 4, "calibration")
            cls.review_noah = review(cls.nouser_employee, cls.manager, 4, "calibration")
            cls.review_olga = review(
                cls.other_employee, cls.other_manager, 3, "released", calibrated_to=2
            )
            cls.review_oscar = review(cls.oscar, cls.other_manager, 2, "calibration", late=True)
            cls.review_mia = review(cls.manager, cls.director, 3, "calibration")
            cls.review_dana = review(cls.director, None, None, "self_review")
        Line = cls.env["performance.review.line"]
        for record, achievement in ((cls.review_eli, 80.0), (cls.review_pat, 100.0)):
            Line.create(
                {
                    "review_id": record.id,
                    "name": "Ship the analysis",
                    "kind": "goal",
                    "role": "manager",
                    "achievement": achievement,
                }
            )
        Feedback = cls.env["performance.feedback"]
        with freeze_time("2026-11-01"):
            requests = Feedback.create(
                [
                    {
                        "employee_id": cls.employee.id,
                        "author_id": author.id,
                        "requester_id": cls.manager.id,
                        "review_id": cls.review_eli.id,
                        "state": "requested",
                        "date_deadline": "2026-11-30",
                    }
                    for author in (cls.peer, cls.portal_employee, cls.nouser_employee, cls.officer)
                ]
            )
        requests[:3].write({"state": "done", "message": "<p>Reliable and kind.</p>"})
