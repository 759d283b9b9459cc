from datetime import date, datetime

from freezegun import freeze_time

from odoo.fields import Command

from .test_review_common import ReviewCase


class EvidenceCase(ReviewCase):
    """The 2026 review of Eli Employee, with known evidence spread over the year.

    Seen by Eli (self review): a reached key result (June), an off-track goal (check-in in
    March), praise from Pat (February), two shared constructive remarks on "Simplicity"
    (March, May), two kudos for "Teamwork" (February, June), a 1:1 in April with its shared
    notes and Eli's private note, French from Basic to Fluent (April). Only the chain also
    reads a private constructive remark (April) and Mia's private note on the 1:1.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-01"):
            cls.cycle.with_user(cls.user_officer).action_launch()
        cls.review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.employee)
        cls.peer_review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.peer)
        cls.teamwork = cls.env["performance.value"].create({"name": "Evidence Teamwork"})
        cls.simplicity = cls.env["performance.value"].create({"name": "Evidence Simplicity"})
        Goal = cls.env["performance.goal"]
        cls.goal_reached = Goal.create(
            {
                "name": "Ship the API",
                "employee_id": cls.employee.id,
                "state": "active",
                "date_start": "2026-01-15",
                "date_deadline": "2026-06-30",
                "key_result_ids": [
                    Command.create(
                        {"name": "Endpoints live", "start_value": 0, "target_value": 10}
                    ),
                ],
            }
        )
        cls.kr_reached = cls.goal_reached.key_result_ids
        cls.kr_reached.current_value = 10
        cls.goal_off = Goal.create(
            {
                "name": "Write the guide",
                "employee_id": cls.employee.id,
                "state": "active",
                "date_start": "2026-02-01",
                "date_deadline": "2026-09-30",
            }
        )
        cls.checkin = cls.env["performance.goal.checkin"].create(
            {
                "goal_id": cls.goal_off.id,
                "user_id": cls.user_employee.id,
                "date": "2026-03-10",
                "confidence": "off_track",
            }
        )
        Feedback = cls.env["performance.feedback"]

        def feedback(author, kind, day, visibility="shared", value=None):
            return Feedback.create(
                {
                    "employee_id": cls.employee.id,
                    "author_id": author.id,
                    "feedback_type": kind,
                    "visibility": visibility,
                    "date": day,
                    "value_id": value.id if value else False,
                    "message": f"<p>{kind} of {day}</p>",
                }
            )

        cls.praise = feedback(cls.peer, "praise", "2026-02-10")
        cls.constructive_1 = feedback(
            cls.manager, "constructive", "2026-03-15", value=cls.simplicity
        )
        cls.constructive_2 = feedback(
            cls.director, "constructive", "2026-05-20", value=cls.simplicity
        )
        cls.private_feedback = feedback(cls.manager, "constructive", "2026-04-01", "private")
        # about somebody else: never the employee's evidence
        cls.peer_feedback = Feedback.create(
            {
                "employee_id": cls.peer.id,
                "author_id": cls.manager.id,
                "date": "2026-04-02",
                "message": "<p>About Pat</p>",
            }
        )
        Recognition = cls.env["performance.recognition"]

        def kudos(giver, day):
            return Recognition.create(
                {
                    "giver_id": giver.id,
                    "receiver_ids": [Command.set(cls.employee.ids)],
                    "value_id": cls.teamwork.id,
                    "message": "<p>Thanks</p>",
                    "date": day,
                }
            )

        cls.kudos_1 = kudos(cls.peer, datetime(2026, 2, 1, 10, 0))
        cls.kudos_2 = kudos(cls.manager, datetime(2026, 6, 1, 10, 0))
        cls.log = cls.env["performance.coaching.log"].create(
            {
                "employee_id": cls.employee.id,
                "coach_id": cls.manager.id,
                "date_start": datetime(2026, 4, 15, 9, 0),
                "shared_notes": "<p>Talked about the guide</p>",
            }
        )
        cls.log.state = "done"
        Note = cls.env["performance.coaching.note"]
        cls.manager_note = Note.create(
            {"log_id": cls.log.id, "user_id": cls.user_manager.id, "note": "<p>Mia only</p>"}
        )
        cls.employee_note = Note.create(
            {"log_id": cls.log.id, "user_id": cls.user_employee.id, "note": "<p>Eli only</p>"}
        )
        Skill = cls.env["hr.employee.skill"]
        base = {
            "employee_id": cls.employee.id,
            "skill_type_id": cls.skill_type.id,
            "skill_id": cls.skill.id,
        }
        cls.skill_before = Skill.create(
            {
                **base,
                "skill_level_id": cls.skill_levels[0].id,
                "valid_from": date(2025, 6, 1),
                "valid_to": date(2026, 3, 31),
            }
        )
        cls.skill_after = Skill.create(
            {**base, "skill_level_id": cls.skill_levels[1].id, "valid_from": date(2026, 4, 1)}
        )

    @staticmethod
    def keys(evidence, kind=None):
        return {
            (item["model"], item["id"])
            for group, items in evidence.items()
            if kind in (None, group)
            for item in items
        }

    @staticmethod
    def key(record):
        return (record._name, record.id)

    def to_manager_phase(self, review=None):
        review = review or self.review
        review.sudo().state = "manager_review"
