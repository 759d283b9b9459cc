from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tools import html2plaintext

from ..tools import is_officer

PEOPLE_MODELS = ("hr.employee", "res.users", "res.partner")
# the sensitive records an export reads: it leaves a line in the read log
LOGGED_MODELS = (
    "performance.improvement.plan",
    "performance.improvement.note",
    "performance.coaching.note",
    "performance.review.note",
    "performance.calibration.log",
    "performance.reward",
    "performance.review",
    "survey.user_input",
)


class PerformanceDataExport(models.AbstractModel):
    """Everything the addon holds about one employee, redacted, for his access request.

    Two scopes. ``officer``: an officer answers the employee's request, with what no
    single role reads (the private notes of his managers about him), read in sudo after
    the officer check. ``self``: the employee's own copy, read with his own rights, so it
    holds exactly what he may read. In both, anonymous raters leave no name, id or date,
    and other people are named only as his manager or as the named author of feedback
    about him; everyone else is redacted.
    """

    _name = "performance.data.export"
    _description = "One Employee's Performance Data"

    # Sections ----------------------------------------------------------------------------

    def _get_sections(self):
        """(key, model, domain on the employee, fields, children) of each section."""
        return [
            (
                "goals",
                "performance.goal",
                "employee_id",
                [
                    "name",
                    "description",
                    "scope",
                    "state",
                    "date_start",
                    "date_deadline",
                    "progress",
                    "confidence",
                    "manager_id",
                ],
                [
                    (
                        "key_results",
                        "key_result_ids",
                        [
                            "name",
                            "kind",
                            "start_value",
                            "target_value",
                            "current_value",
                            "unit",
                            "weight",
                            "progress",
                        ],
                    ),
                    (
                        "checkins",
                        "checkin_ids",
                        ["date", "user_id", "progress", "confidence", "note"],
                    ),
                ],
            ),
            (
                "reviews",
                "performance.review",
                "employee_id",
                [
                    "name",
                    "cycle_id",
                    "review_type",
                    "manager_id",
                    "date_start",
                    "date_end",
                    "state",
                    "final_rating_id",
                    "potential",
                    "manager_summary",
                    "date_released",
                    "acknowledgement",
                    "acknowledgement_comment",
                    "date_acknowledged",
                ],
                [
                    (
                        "lines",
                        "line_ids",
                        [
                            "name",
                            "kind",
                            "role",
                            "rating_id",
                            "skill_id",
                            "skill_level_id",
                            "answer",
                            "achievement",
                            "score",
                        ],
                    ),
                    (
                        "assessments",
                        "assessment_ids",
                        [
                            "overall_score",
                            "suggested_rating_id",
                            "final_rating_id",
                            "potential",
                            "nine_box",
                            "manager_summary",
                            # the suggested rating: why, and who kept or changed it
                            "suggestion_explanation",
                            "suggestion_decision",
                            "suggestion_decision_user_id",
                            "suggestion_decision_date",
                            "suggestion_decision_rating_id",
                        ],
                    ),
                ],
            ),
            (
                "review_private_notes",
                "performance.review.note",
                "employee_id",
                ["review_id", "author_id", "note", "create_date"],
                [],
            ),
            (
                "one_on_ones",
                "performance.coaching.log",
                "employee_id",
                ["name", "kind", "coach_id", "date_start", "state", "shared_notes"],
                [
                    ("talking_points", "talking_point_ids", ["name", "user_id", "resolved"]),
                    (
                        "action_items",
                        "action_item_ids",
                        ["name", "owner_id", "date_deadline", "done"],
                    ),
                ],
            ),
            (
                "one_on_one_private_notes",
                "performance.coaching.note",
                "log_id.employee_id",
                ["log_id", "user_id", "note"],
                [],
            ),
            (
                "improvement_plans",
                "performance.improvement.plan",
                "employee_id",
                [
                    "name",
                    "manager_id",
                    "reason",
                    "date_start",
                    "date_end",
                    "support",
                    "hr_note",
                    "state",
                    "outcome",
                    "outcome_note",
                    "acknowledged_date",
                    "acknowledgement_comment",
                    "outcome_acknowledged_date",
                    "outcome_comment",
                ],
                [
                    (
                        "objectives",
                        "objective_ids",
                        ["name", "success_criteria", "date_due", "status"],
                    ),
                    ("checkins", "checkin_ids", ["date", "notes", "done"]),
                    ("extensions", "extension_ids", ["previous_date_end", "date_end", "reason"]),
                ],
            ),
            (
                "improvement_plan_private_notes",
                "performance.improvement.note",
                "employee_id",
                ["plan_id", "author_id", "note", "create_date"],
                [],
            ),
            (
                "development_plans",
                "performance.development.plan",
                "employee_id",
                [
                    "name",
                    "manager_id",
                    "mentor_id",
                    "state",
                    "date_start",
                    "date_end",
                    "current_step_id",
                    "target_step_id",
                    "note",
                    "readiness",
                ],
                [
                    (
                        "actions",
                        "action_ids",
                        [
                            "name",
                            "kind",
                            "date_deadline",
                            "owner_id",
                            "state",
                            "date_done",
                            "note",
                        ],
                    ),
                ],
            ),
            (
                "kudos",
                "performance.recognition",
                "receiver_ids",
                # not its name, which lists the other receivers
                ["giver_id", "value_id", "message", "date", "badge_id", "receiver_count"],
                [],
            ),
            (
                "rewards",
                "performance.reward",
                "employee_id",
                [
                    "name",
                    "kind",
                    "source",
                    "review_id",
                    "amount",
                    "raise_percent",
                    "job_id",
                    "justification",
                    "recommender_id",
                    "state",
                    "approver_id",
                    "date_approved",
                    # the merit matrix's suggestion: the figures, the rule, who decided
                    "merit_rating",
                    "merit_attainment",
                    "merit_explanation",
                    "merit_suggested_percent",
                    "merit_decision",
                    "merit_decision_user_id",
                    "merit_decision_date",
                    "merit_decision_percent",
                ],
                [],
            ),
            (
                # the flags the rules raised about him, why, and who accepted or dismissed them
                "performance_issues",
                "performance.issue",
                "employee_id",
                [
                    "rule",
                    "date",
                    "reason",
                    "evidence_threshold",
                    "state",
                    "decision",
                    "decision_user_id",
                    "decision_date",
                    "dismiss_reason",
                    "date_closed",
                ],
                [],
            ),
            (
                "calibration_moves",
                "performance.calibration.log",
                "employee_id",
                [
                    "review_id",
                    "old_rating_id",
                    "new_rating_id",
                    "old_potential",
                    "new_potential",
                    "user_id",
                    "reason",
                    "create_date",
                ],
                [],
            ),
        ]

    # Entry points ------------------------------------------------------------------------

    @api.model
    def _check_scope(self, employee, scope):
        """Refuse unless the user may export ``employee`` in ``scope``."""
        user = self.env.user
        if scope == "officer":
            if not is_officer(user):
                raise AccessError(
                    self.env._("Only performance officers export an employee's data.")
                )
            # the officer's own rules on employees, and the companies he works in
            employee.check_access("read")
            if employee.company_id not in self.env.companies:
                raise AccessError(self.env._("This employee belongs to another company."))
            return
        # sudo: the user's own employees (portal users cannot read hr.employee)
        own = user.sudo().employee_ids.filtered(lambda e: e.company_id in user.company_ids)
        if scope != "self" or employee.id not in own.ids:
            raise AccessError(self.env._("You can only export your own performance data."))

    @api.model
    def _get_data(self, employee, scope):
        """The data of ``employee`` as a dict ready for JSON, after the scope's check."""
        employee.ensure_one()
        self._check_scope(employee, scope)
        if scope == "officer":
            # sudo: an access request is answered in full (private notes of the managers
            # included), the officer having been checked just above
            env = self.sudo().env
        else:
            env = self.env
        # archived goals and reviews are his data too
        env = env(context=dict(env.context, active_test=False))
        subject = employee.with_env(env)
        # sudo: names of the subject, his manager, job and department, to head the export
        head = employee.sudo()
        people = _People(self.env, head)
        records = {}
        for key, model, field, _fnames, _children in self._get_sections():
            records[key] = self._search_section(env, model, field, subject, scope)
        feedbacks = self._search_feedback(env, subject)
        answers = self._search_360(env, subject)
        people.allow_authors(records)
        # sudo: the named authors of the feedback and 360 answers just read
        people.employee_ids |= set(
            feedbacks.filtered(lambda f: not f.anonymous).sudo().author_id.ids
        )
        people.partner_ids |= set(
            answers.filtered(lambda a: not a.performance_anonymous).sudo().partner_id.ids
        )
        data = {
            "employee": {
                "name": head.name,
                "job": head.job_title or head.job_id.name or "",
                "department": head.department_id.name or "",
                "company": head.company_id.name,
                "manager": head.parent_id.name or "",
            },
            "scope": scope,
            "generated_on": fields.Datetime.to_string(fields.Datetime.now()),
        }
        logged = []
        for key, model, _field, fnames, children in self._get_sections():
            section = records[key]
            if model in LOGGED_MODELS:
                logged.append(section)
            data[key] = [
                self._serialize(record, fnames, children, people, scope) for record in section
            ]
        data["feedback"] = [self._serialize_feedback(feedback, people) for feedback in feedbacks]
        logged.append(answers)
        data["answers_360"] = [self._serialize_360(answer, people) for answer in answers]
        Log = self.env["performance.read.log"]
        for section in logged:
            Log._log_reads(section.with_env(self.env), "export")
        return data

    # Reading -----------------------------------------------------------------------------

    @api.model
    def _search_section(self, env, model, field, employee, scope):
        Model = env[model]
        if not env.su and not Model.has_access("read"):
            return Model
        domain = Domain(field, "in", employee.ids)
        if model == "performance.review":
            domain &= Domain("state", "!=", "cancel")
        if scope == "self" and model == "performance.improvement.plan":
            # a draft plan is still the managers' and HR's business (as in the portal)
            domain &= Domain("state", "in", ("active", "extended", "closed"))
        return Model.search(domain)

    @api.model
    def _search_feedback(self, env, employee):
        Feedback = env["performance.feedback"]
        if not env.su and not Feedback.has_access("read"):
            return Feedback
        # Given feedback only: a request, anonymous or not, says nothing about him, and an
        # anonymous answer counts only once released with its batch.
        return Feedback.search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "done"),
                "|",
                ("anonymous", "=", False),
                "&",
                ("anonymous_released", "=", True),
                ("author_id", "=", False),
            ]
        )

    @api.model
    def _serialize_feedback(self, feedback, people):
        if feedback.anonymous:
            # no id, date, author or requester: nothing that tells the rater
            return {
                "anonymous": True,
                "type": _selection(feedback, "feedback_type"),
                "message": _text(feedback.message),
            }
        return self._serialize(
            feedback,
            [
                "date",
                "author_id",
                "feedback_type",
                "visibility",
                "message",
                "review_id",
                "goal_id",
                "value_id",
            ],
            [],
            people,
            "",
        )

    @api.model
    def _search_360(self, env, employee):
        Input = env["survey.user_input"]
        if not env.su and not Input.has_access("read"):
            return Input
        return Input.search(
            [
                ("performance_review_id.employee_id", "=", employee.id),
                ("state", "=", "done"),
                "|",
                ("performance_anonymous", "=", False),
                ("performance_released", "=", True),
            ]
        )

    @api.model
    def _serialize_360(self, answer, people):
        if answer.performance_anonymous:
            # no id, rater, role or date: only what was answered, once released
            item = {"anonymous": True}
        else:
            item = {
                "id": answer.id,
                "rater": people.label(answer.partner_id),
                "role": _selection(answer, "performance_role"),
                "date": _value(answer, "end_datetime"),
            }
        item["review"] = answer.performance_review_id.display_name
        item["questionnaire"] = answer.survey_id.title
        item["answers"] = [
            {
                "question": line.question_id.title,
                "answer": _answer_value(line),
            }
            for line in answer.user_input_line_ids
            if not line.skipped
        ]
        return item

    @api.model
    def _serialize(self, record, fnames, children, people, scope):
        item = {"id": record.id}
        for fname in fnames:
            field = record._fields.get(fname)
            if field is None or not record._has_field_access(field, "read"):
                continue
            if field.comodel_name in PEOPLE_MODELS:
                item[fname] = people.label(record[fname])
            else:
                item[fname] = _value(record, fname)
        for key, fname, child_fnames in children:
            Lines = record.env[record._fields[fname].comodel_name]
            if not record.env.su and not Lines.has_access("read"):
                continue
            lines = record[fname]
            if not record.env.su:
                lines = lines._filtered_access("read")
            if record._name == "performance.review" and scope == "self":
                # before release the manager's lines are not his to read (as in the portal)
                if record.state not in ("released", "done") and key == "lines":
                    lines = lines.filtered(lambda line: line.role in ("employee", "shared"))
                if key == "assessments" and record.state not in ("released", "done"):
                    lines = lines.browse()
            item[key] = [self._serialize(line, child_fnames, [], people, scope) for line in lines]
        return item


class _People:
    """Who may be named in an export: the employee, his managers and named authors."""

    def __init__(self, env, employee):
        self.env = env
        self.employee_ids = {employee.id, employee.parent_id.id} - {False}
        self.partner_ids = set()
        self.redacted = env._("(another person)")

    def allow_authors(self, records):
        # sudo: the people on the records just read (portal users cannot read employees)
        for key in ("reviews", "improvement_plans", "development_plans"):
            self.employee_ids |= set(records[key].sudo().manager_id.ids)
        self.employee_ids |= set(records["one_on_ones"].sudo().coach_id.ids)
        self.employee_ids |= set(records["kudos"].sudo().giver_id.ids)

    def label(self, people):
        # sudo: names of people linked to records the user was allowed to read
        people = people.sudo()
        if not people:
            return ""
        names = []
        for person in people:
            if person._name == "hr.employee":
                allowed = person.id in self.employee_ids
            elif person._name == "res.users":
                allowed = bool(set(person.employee_ids.ids) & self.employee_ids)
            else:
                allowed = person.id in self.partner_ids or bool(
                    set(person.user_ids.employee_ids.ids) & self.employee_ids
                )
            names.append(person.name if allowed else self.redacted)
        return ", ".join(names)


def _selection(record, fname):
    value = record[fname]
    if not value:
        return ""
    return dict(record._fields[fname]._description_selection(record.env)).get(value, value)


def _text(html):
    return html2plaintext(html or "").strip()


def _value(record, fname):
    field = record._fields[fname]
    value = record[fname]
    if field.type == "selection":
        return _selection(record, fname)
    if field.type == "html":
        return _text(value)
    if field.type in ("many2one", "many2many", "one2many"):
        # sudo: the names of what a record the user may read links to (a cycle, a rating)
        return ", ".join(value.sudo().mapped("display_name"))
    if field.type in ("date", "datetime"):
        return value.isoformat() if value else ""
    if value is False and field.type not in ("boolean",):
        return ""
    return value


def _answer_value(line):
    value = line._get_answer_value()
    if isinstance(value, models.BaseModel):
        return ", ".join(value.mapped("display_name"))
    if value is None or value is False:
        return ""
    return str(value)
