import random

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, html2plaintext

from ..tools import process_cron_batches, settable

FEEDBACK_TYPES = [("praise", "Praise"), ("constructive", "Constructive"), ("general", "General")]
VISIBILITIES = [
    ("private", "Private to the manager chain"),
    ("shared", "Shared with the receiver"),
    ("public", "Public in the company"),
]


class PerformanceFeedback(models.Model):
    """Continuous feedback, feedback requests and their answers."""

    _name = "performance.feedback"
    _description = "Performance Feedback"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "performance.company.check.mixin",
    )
    _order = "date desc, id desc"
    _check_company_auto = True
    # A signed statement keeps who wrote it, about whom and for whom (as a posted entry
    # keeps its lines); its state moves through the actions only: reopening an answered
    # request would allow a second anonymous answer.
    # the question of a request is its requester's, asked once: the one asked does not
    # rewrite it under his answer
    _SIGNED_FIELDS = frozenset(
        {"author_id", "employee_id", "requester_id", "state", "is_request", "request_message"}
    )

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="About",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    author_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        string="From",
        index=True,
        ondelete="set null",
        help="Left empty on anonymous answers: their author is never stored with them.",
    )
    requester_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        string="Requested By",
        index=True,
        ondelete="set null",
    )
    # the day it was given (or answered): the application's, so that no author moves his
    # feedback in or out of the window a flag counts (readonly: refused to users, see
    # _has_field_access)
    date = fields.Date(default=fields.Date.context_today, required=True, readonly=True, copy=False)
    date_deadline = fields.Date(string="Deadline", tracking=True)
    date_reminded = fields.Date(string="Last Reminder", readonly=True, copy=False)
    anonymous = fields.Boolean(
        help="The answer is stored without its author: nobody, HR included, can tell who wrote it."
    )
    message = fields.Html(sanitize_style=True)
    request_message = fields.Text(string="Question")
    feedback_type = fields.Selection(
        FEEDBACK_TYPES,
        string="Type",
        default="general",
        required=True,
    )
    visibility = fields.Selection(
        VISIBILITIES,
        default="shared",
        required=True,
        help="Private: the receiver's managers only. Shared: the receiver too. "
        "Public: everyone in the company.",
    )
    state = fields.Selection(
        help="An anonymous request, once answered, only says so: its answer is a separate "
        "feedback, given, without author.",
        selection=[
            ("requested", "Requested"),
            ("done", "Given"),
            ("answered", "Answered Anonymously"),
            ("cancelled", "Cancelled"),
        ],
        default="done",
        required=True,
        index=True,
        tracking=True,
    )
    # set by create() from the state it starts in, fixed after (_SIGNED_FIELDS)
    is_request = fields.Boolean(copy=False)
    anonymous_released = fields.Boolean(
        readonly=True,
        copy=False,
        help="Anonymous answers show only once enough of them came in for the same request.",
    )
    anonymous_answered = fields.Boolean(
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="An anonymous request answered, its answer not released yet: the request itself "
        "stays open to everyone's eyes until its batch of answers is released.",
    )
    goal_id = fields.Many2one("performance.goal", ondelete="set null", index="btree_not_null")
    value_id = fields.Many2one("performance.value", ondelete="set null", check_company=True)
    review_id = fields.Many2one("performance.review", ondelete="set null", index="btree_not_null")
    color = fields.Integer(compute="_compute_color")
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    can_answer = fields.Boolean(compute="_compute_can_answer", search="_search_can_answer")
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        readonly=True,
        ondelete="restrict",
        groups="performance_management.group_performance_officer",
        help="Answered through this 360 questionnaire instead of a free text.",
        copy=False,
    )
    survey_start_url = fields.Char(
        compute="_compute_survey_start_url",
        help="Where the person asked answers the request's questionnaire.",
    )

    @api.depends("employee_id", "feedback_type", "state", "is_request", "message")
    def _compute_name(self):
        types = dict(self._fields["feedback_type"]._description_selection(self.env))
        for feedback in self:
            if feedback.state in ("requested", "answered") or (
                feedback.is_request and not feedback.message
            ):
                feedback.name = self.env._(
                    "Feedback request about %(name)s", name=feedback.employee_id.name or ""
                )
            else:
                feedback.name = self.env._(
                    "%(type)s for %(name)s",
                    type=types.get(feedback.feedback_type),
                    name=feedback.employee_id.name or "",
                )

    @api.depends("feedback_type")
    def _compute_color(self):
        colors = {"praise": 10, "constructive": 2, "general": 4}
        for feedback in self:
            feedback.color = colors.get(feedback.feedback_type, 0)

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for feedback in self:
            feedback.is_overdue = (
                feedback.state == "requested"
                and feedback.date_deadline
                and feedback.date_deadline < today
            )

    @api.depends_context("uid")
    @api.depends("state", "author_id")
    def _compute_can_answer(self):
        employees = self.env.user.employee_ids
        for feedback in self:
            feedback.can_answer = (
                feedback.state == "requested"
                and feedback.author_id in employees
                # sudo: the author learns only that he answered his own request
                and not feedback.sudo().anonymous_answered
            )

    def _search_can_answer(self, operator, value):
        if operator in ("=", "!="):
            operator, value = ("in" if operator == "=" else "not in"), [value]
        if operator not in ("in", "not in"):
            return NotImplemented
        mine = self.env.user.employee_ids.ids
        # sudo: the ids of the user's own answered requests, nobody else's
        answered = (
            self.sudo().search([("author_id", "in", mine), ("anonymous_answered", "=", True)]).ids
        )
        domain = Domain(
            [("state", "=", "requested"), ("author_id", "in", mine), ("id", "not in", answered)]
        )
        return domain if (True in value) == (operator == "in") else ~domain

    @api.depends_context("uid")
    @api.depends("can_answer")
    def _compute_survey_start_url(self):
        # sudo: the open answer of the user's own request, for its token link
        inputs = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("performance_request_id", "in", self.filtered("can_answer").ids),
                    ("state", "!=", "done"),
                ]
            )
        )
        urls = {i.performance_request_id.id: i.get_start_url() for i in inputs}
        for feedback in self:
            feedback.survey_start_url = urls.get(feedback.id, False)

    @api.constrains("employee_id", "author_id", "requester_id", "is_request", "state")
    def _check_not_self(self):
        for feedback in self:
            if feedback.author_id and feedback.author_id == feedback.employee_id:
                if feedback.state == "requested" and feedback.requester_id == feedback.author_id:
                    raise ValidationError(
                        self.env._("You cannot ask yourself for feedback about yourself.")
                    )
                # feedback about oneself only answers what someone else asked
                asked = (
                    feedback.is_request
                    and feedback.requester_id
                    and feedback.requester_id != feedback.author_id
                )
                if feedback.state != "requested" and not asked:
                    raise ValidationError(self.env._("You cannot give feedback to yourself."))

    @api.constrains("review_id", "employee_id")
    def _check_review_subject(self):
        # quoted only in a review of its subject (sudo: the review's employee, a yes or no)
        for feedback in self.sudo():
            if feedback.review_id and feedback.review_id.employee_id != feedback.employee_id:
                raise ValidationError(
                    self.env._(
                        "A feedback is filed only under a review of the person it is about."
                    )
                )

    @api.constrains("message", "state")
    def _check_message(self):
        for feedback in self:
            if feedback.state == "done" and not html2plaintext(feedback.message or "").strip():
                raise ValidationError(self.env._("Feedback cannot be empty: write a message."))

    def _check_deadline_vals(self, vals):
        deadline = vals.get("date_deadline")
        if deadline and fields.Date.to_date(deadline) < fields.Date.context_today(self):
            raise ValidationError(
                self.env._("The deadline of a feedback request cannot be in the past.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        my_employees = self.env.user.employee_ids
        for vals in vals_list:
            if vals.get("state") == "requested":
                self._check_deadline_vals(vals)
                vals["is_request"] = True
                if not vals.get("requester_id") and my_employees:
                    vals["requester_id"] = my_employees[:1].id
            elif not vals.get("author_id") and not vals.get("anonymous") and my_employees:
                vals["author_id"] = my_employees[:1].id
        # who may give or ask, and what a new feedback may hold, are the create rules'
        feedbacks = super().create(vals_list)
        if not self.env.su:
            # feedback is tied only to goals and reviews its writer may read
            feedbacks._check_links_readable()
        return feedbacks

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        if vals.keys() & self._SIGNED_FIELDS and not self.env.su:
            self.check_access("write")
            raise UserError(
                self.env._(
                    "The author, subject, question and status of a feedback are not changed "
                    "by hand."
                )
            )
        if "date_deadline" in vals:
            self._check_deadline_vals(vals)
        links = {} if self.env.su else {f: (f.review_id, f.goal_id) for f in self}
        res = super().write(vals)
        if not self.env.su:
            # the rules on the records as written: release and anonymity are the
            # application's (the rules checked them as they were before the write)
            self.check_access("write")
            self.filtered(lambda f: (f.review_id, f.goal_id) != links[f])._check_links_readable()
        return res

    def _check_links_readable(self):
        """Feedback is quoted only under a review or a goal its writer may read."""
        self.review_id.check_access("read")
        self.goal_id.check_access("read")

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # the feedback requests of a launch: their authors follow them from one insert
        if self.env.context.get("performance_followers_set"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    @api.model
    def _prepare_given_feedback(
        self, employee, message, feedback_type, visibility, goal=None, value=None
    ):
        """Values of a feedback given to ``employee`` unasked; its writer is its author."""
        return {
            "employee_id": employee.id,
            "company_id": employee.company_id.id,
            "feedback_type": feedback_type,
            "visibility": visibility,
            "message": message,
            "goal_id": goal.id if goal else False,
            "value_id": value.id if value else False,
            "state": "done",
        }

    def _get_answer_visibility(self):
        self.ensure_one()
        return "shared" if self.requester_id == self.employee_id else "private"

    def action_answer(self, message, feedback_type="general"):
        """Answer a request; anonymous answers are split from their author."""
        self.ensure_one()
        if not self.can_answer:
            raise UserError(self.env._("Only the person asked can answer an open request."))
        # sudo: whether the request is answered through a questionnaire, a yes or no
        if self.sudo().survey_id:
            raise UserError(self.env._("This request is answered through its questionnaire."))
        if not html2plaintext(message or "").strip():
            raise ValidationError(self.env._("Feedback cannot be empty: write a message."))
        if not self.anonymous:
            self.check_access("write")
            return self._answer_named(message, feedback_type)
        self._answer_anonymously(message, feedback_type)._release_anonymous_answers()
        # the request, not the answer: a released answer is replaced by its batch's copy
        return self

    def action_open_survey(self):
        """Open the request's questionnaire, survey's own page, with the rater's token."""
        self.ensure_one()
        if not self.survey_start_url:
            raise UserError(self.env._("Only the person asked can answer an open request."))
        return {"type": "ir.actions.act_url", "url": self.survey_start_url, "target": "self"}

    def _answer_named(self, message, feedback_type="general"):
        """Mark a named request answered; its caller checked who answers."""
        self.ensure_one()
        # sudo: state and visibility move only through the answer; the caller checked access
        self.sudo().write(
            {
                "message": message,
                "feedback_type": feedback_type,
                "state": "done",
                "date": fields.Date.context_today(self),
                "visibility": self._get_answer_visibility(),
            }
        )
        return self

    def _answer_anonymously(self, message, feedback_type="general"):
        """Answer an anonymous request by an answer split from its author; return it.

        Its caller checked that the author answers (action_answer) or that the answer
        comes through the request's questionnaire token, and releases its batch
        (``_release_anonymous_answers``): until then the answer is nobody's to read.
        """
        self.ensure_one()
        if self.state != "requested" or self.sudo().anonymous_answered:
            raise UserError(self.env._("Only the person asked can answer an open request."))
        # The answer is written by the superuser, without author, follower or log, and
        # is not linked to the request: nothing ties it back to whoever wrote it, nor to
        # which request it answers (no goal, question or deadline of the request).
        answer = (
            self.with_user(SUPERUSER_ID)
            .with_context(tracking_disable=True, mail_create_nosubscribe=True)
            .create(self._prepare_anonymous_answer(message, feedback_type))
        )
        # Flush as superuser, or flushing later stamps the author as write_uid.
        answer.env.flush_all()
        # The request stays open to everyone's eyes: its state turns "answered" only when
        # its batch of answers is released, or its requester would see when it was answered.
        # Plain SQL leaves its write date and write user alone.
        self.env.cr.execute(
            SQL(
                "UPDATE performance_feedback SET anonymous_answered = TRUE WHERE id = %s",
                self.id,
            )
        )
        self.invalidate_recordset(["anonymous_answered", "can_answer"])
        return answer

    def _prepare_anonymous_answer(self, message, feedback_type):
        self.ensure_one()
        return {
            "employee_id": self.employee_id.id,
            "company_id": self.company_id.id,
            "requester_id": self.requester_id.id,
            "review_id": self.review_id.id,
            # sudo: the questionnaire batches its answers apart from free texts
            "survey_id": self.sudo().survey_id.id,
            "anonymous": True,
            "is_request": True,
            "author_id": False,
            "message": message,
            "feedback_type": feedback_type,
            "visibility": self._get_answer_visibility(),
            "state": "done",
        }

    def _get_anonymous_sibling_domain(self):
        self.ensure_one()
        return [
            ("anonymous", "=", True),
            ("is_request", "=", True),
            ("employee_id", "=", self.employee_id.id),
            ("requester_id", "=", self.requester_id.id),
            ("review_id", "=", self.review_id.id),
            # a questionnaire's answers are released together, apart from free texts
            ("survey_id", "=", self.survey_id.id),
        ]

    def _release_anonymous_answers(self):
        """Release anonymous answers in batches, each once enough distinct people answered.

        Only answerers other than the requester and the person the feedback is about count.
        A batch is released at once: its answers are copied into new records, created
        together (one date, ids in the order of their content, never of their arrival),
        and the waiting ones deleted; its requests turn "answered" together. Neither ids,
        dates nor states tell anyone which answer came from whom, or when.
        """
        # sudo: the batch of one request; nothing leaves this method but the release
        Feedback = (
            self.sudo()
            .with_user(SUPERUSER_ID)
            .with_context(tracking_disable=True, mail_create_nolog=True)
        )
        for answer in Feedback.browse(self.ids).exists():
            siblings = Feedback.search(answer._get_anonymous_sibling_domain())
            requests = siblings.filtered(
                lambda f: f.anonymous_answered and not f.anonymous_released
            )
            answers = siblings.filtered(
                lambda f: f.state == "done" and not f.author_id and not f.anonymous_released
            )
            answerers = requests.author_id - answer.requester_id - answer.employee_id
            if not answers or len(answerers) < answer.company_id.performance_anonymity_threshold:
                continue
            today = fields.Date.context_today(self)
            answers._copy_anonymous_answers({"date": today, "anonymous_released": True})
            requests.activity_unlink(
                ["performance_management.mail_activity_type_feedback_request"]
            )
            Feedback.env.flush_all()
            # a request cancelled after its answer came in was answered all the same: it
            # counts with its batch, never past the raters asked
            self.env.cr.execute(
                SQL(
                    "UPDATE performance_feedback SET anonymous_released = TRUE, "
                    "state = CASE WHEN state IN ('requested', 'cancelled') THEN 'answered' "
                    "ELSE state END WHERE id IN %s",
                    tuple(requests.ids),
                )
            )
            self.env.invalidate_all()

    def _copy_anonymous_answers(self, values):
        """Replace anonymous answers by copies with ``values``, created together in the
        order of their content (shuffled first: equal answers in no order either), their
        questionnaires with them; the answers copied are deleted."""
        Feedback = self.with_user(SUPERUSER_ID).with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        UserInput = self.env["survey.user_input"].with_user(SUPERUSER_ID)
        contents = UserInput._performance_content_keys(self)
        waiting = list(Feedback.browse(self.ids))
        random.SystemRandom().shuffle(waiting)
        waiting.sort(key=lambda a: (a.message or "", a.feedback_type, contents.get(a, "")))
        copies = Feedback.create(
            [{**Feedback._prepare_anonymous_answer_copy(a), **values} for a in waiting]
        )
        UserInput._performance_release(dict(zip(waiting, copies, strict=True)))
        Feedback.browse(self.ids).unlink()
        return copies

    @api.model
    def _prepare_anonymous_answer_copy(self, answer):
        return {
            fname: answer[fname].id if self._fields[fname].type == "many2one" else answer[fname]
            for fname in (
                "employee_id",
                "company_id",
                "requester_id",
                "review_id",
                "survey_id",
                "anonymous",
                "is_request",
                "message",
                "feedback_type",
                "visibility",
                "state",
                "date",
                "anonymous_released",
            )
        }

    def action_cancel(self):
        if any(f.state != "requested" for f in self):
            raise UserError(self.env._("Only open requests can be cancelled."))
        self.check_access("write")
        # sudo: the state moves only through this action; write access checked above
        self.sudo().write({"state": "cancelled"})
        # sudo: the questionnaires still open on the requests cancelled go with them
        self.env["survey.user_input"].sudo().search(
            [("performance_request_id", "in", self.ids), ("state", "!=", "done")]
        ).unlink()

    def action_open_answer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Answer the request"),
            "res_model": "performance.feedback.answer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    @api.model
    def _notify_requests(self, requests):
        template = self.env.ref(
            "performance_management.mail_template_feedback_request", raise_if_not_found=False
        )
        for request in requests.filtered(lambda r: r.author_id.user_id):
            request.activity_schedule(
                "performance_management.mail_activity_type_feedback_request",
                date_deadline=request.date_deadline,
                user_id=request.author_id.user_id.id,
                summary=request.name,
            )
            if template and request.author_id.work_email:
                template.send_mail(request.id, email_layout_xmlid="mail.mail_notification_light")

    @api.model
    def _get_overdue_request_domain(self):
        return Domain.AND(
            [
                [("state", "=", "requested")],
                [("date_deadline", "<", fields.Date.context_today(self))],
                [("date_reminded", "=", False)],
            ]
        )

    @api.model
    def _remind_raters_without_user(self, requests):
        """Send again the 360 invitation of each questionnaire still open behind these
        requests: only the rater reads it, so it tells nobody who is late."""
        # sudo: the scheduled job reads the answers' tokens to mail them to their raters
        inputs = (
            self.env["survey.user_input"]
            .sudo()
            .search([("performance_request_id", "in", requests.ids), ("state", "!=", "done")])
        )
        inputs._performance_invite()
        for user_input in inputs.filtered("performance_anonymous"):
            user_input._performance_invite_anonymous(user_input.performance_request_id.author_id)

    @api.model
    def _cron_remind_overdue_requests(self, batch_size=200):
        """Remind once the people whose feedback request is past due."""
        template = self.env.ref("performance_management.mail_template_feedback_reminder")
        domain = self._get_overdue_request_domain()
        today = fields.Date.context_today(self)

        def remind(requests):
            # An anonymous request answered is not reminded, but marked like the others:
            # its requester tells no answered request from the late ones by the mark.
            pending = requests.filtered(lambda r: not r.sudo().anonymous_answered)
            for request in pending.filtered("author_id.user_id"):
                template.send_mail(request.id, email_layout_xmlid="mail.mail_notification_light")
            # a rater without a user gets his invitation again, at the address it went to
            self._remind_raters_without_user(pending.filtered(lambda r: not r.author_id.user_id))
            requests.write({"date_reminded": today})

        process_cron_batches(self, domain, remind, batch_size)
