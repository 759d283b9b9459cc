from collections import Counter
from datetime import datetime, time

from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

from .survey_survey import PERFORMANCE_SURVEY_TYPE

# the light layout, with a header that names the questionnaire rather than the model
INVITATION_LAYOUT = "performance_management.mail_layout_360_invitation"

RATER_ROLES = [
    ("peer", "Peer"),
    ("report", "Direct Report"),
    ("manager", "Manager"),
    ("self", "Self"),
]


class SurveyUserInput(models.Model):
    """A rater's answer to the 360 questionnaire of a review.

    An anonymous answer carries no partner, email or nickname, is created and, once
    submitted, stamped by the superuser, and loses its link to the request (and so to its
    rater) when it is submitted: it then points at the request's anonymous answer, which
    the feedback model releases in batches past the anonymity threshold.
    """

    _inherit = "survey.user_input"

    performance_review_id = fields.Many2one(
        "performance.review",
        string="Review",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    performance_cycle_id = fields.Many2one(
        related="performance_review_id.cycle_id", store=True, index="btree_not_null"
    )
    performance_role = fields.Selection(RATER_ROLES, string="Rater", readonly=True)
    performance_anonymous = fields.Boolean(string="Anonymous 360", readonly=True)
    performance_request_id = fields.Many2one(
        "performance.feedback",
        string="Feedback Request",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The request this answer is asked by; an anonymous answer drops it when it is "
        "submitted.",
    )
    performance_feedback_id = fields.Many2one(
        "performance.feedback",
        string="Feedback",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The feedback this answer gives: the request itself, or its anonymous answer.",
    )
    performance_released = fields.Boolean(
        related="performance_feedback_id.anonymous_released", store=True, string="Released"
    )

    def write(self, vals):
        res = super().write(vals)
        if not self.env.su:
            # the rules on the answers as written: review links on 360 answers only
            self.check_access("write")
        if self.env.uid != SUPERUSER_ID:
            # sudo: whether the records just written are submitted anonymous answers
            done = self.sudo().filtered(lambda i: i.performance_anonymous and i.state == "done")
            if done:
                done._performance_scrub()
        return res

    def _mark_done(self):
        # sudo: the controller's answer is already sudo; the flags decide who stamps it
        anonymous = self.sudo().filtered("performance_anonymous")
        res = super(SurveyUserInput, self - anonymous)._mark_done()
        if anonymous:
            # the superuser submits an anonymous answer: no write_uid names its rater
            super(SurveyUserInput, anonymous.with_user(SUPERUSER_ID))._mark_done()
        for user_input in self.sudo().filtered("performance_request_id"):
            user_input._performance_answered()
        anonymous._performance_scrub()
        return res

    def _notify_new_participation_subscribers(self):
        # the followers of a 360 questionnaire learn nothing of when an anonymous answer
        # came in: its batch is released by the feedback model
        # sudo: the flag of the answers being submitted
        return super(
            SurveyUserInput, self - self.sudo().filtered("performance_anonymous")
        )._notify_new_participation_subscribers()

    def _performance_answered(self):
        """Answer the feedback request with this questionnaire."""
        self.ensure_one()
        request = self.performance_request_id
        message = Markup("<p>%s</p>") % self.env._(
            "Answered through the questionnaire %(survey)s.", survey=self.survey_id.title
        )
        if not self.performance_anonymous:
            request._answer_named(message)
            return
        answer = request._answer_anonymously(message, "general")
        # the answer is the anonymous feedback: nothing left points at the request
        self.with_user(SUPERUSER_ID).write(
            {"performance_request_id": False, "performance_feedback_id": answer.id}
        )
        answer._release_anonymous_answers()

    @api.model
    def _performance_content_keys(self, answers):
        """{anonymous feedback answer: what its questionnaire says}, to order a batch by."""
        inputs = self.sudo().search([("performance_feedback_id", "in", answers.ids)])
        return {
            user_input.performance_feedback_id: repr(
                sorted(
                    (
                        line.question_id.id,
                        line.suggested_answer_id.id,
                        line.matrix_row_id.id,
                        str(line._get_answer_value()),
                    )
                    for line in user_input.user_input_line_ids
                )
            )
            for user_input in inputs
        }

    @api.model
    def _performance_release(self, released):
        """Copy the questionnaires of a released batch, ``{waiting answer: released one}``.

        The copies are created together, in the batch's order, and the answers submitted
        by the raters deleted when the transaction commits: no id, date or token left tells
        who answered what, or when.
        """
        waiting = self.env["performance.feedback"].browse([a.id for a in released])
        # sudo: the answers of the batch being released, by the release itself
        inputs = self.sudo().search([("performance_feedback_id", "in", waiting.ids)])
        by_answer = {user_input.performance_feedback_id.id: user_input for user_input in inputs}
        ordered = self.sudo().browse([by_answer[a.id].id for a in released if a.id in by_answer])
        if not ordered:
            return self.browse()
        copies = ordered.with_user(SUPERUSER_ID).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        vals_list = copies.copy_data()
        new_answer = {a.id: released[a].id for a in released}
        for user_input, vals in zip(ordered, vals_list, strict=True):
            vals.update(
                {
                    "performance_feedback_id": new_answer[user_input.performance_feedback_id.id],
                    "state": "done",
                    "deadline": False,
                    "start_datetime": False,
                    "end_datetime": False,
                }
            )
        created = copies.create(vals_list)
        # The submitted answers go with the transaction that released them, once survey's
        # controller has shown the last rater his finished page: meanwhile they are
        # nobody's to read (their feedback, deleted, released nothing).
        originals = ordered.with_user(SUPERUSER_ID)
        self.env.cr.precommit.add(lambda: originals.exists().unlink())
        return created

    def _performance_scrub(self):
        """Leave on a submitted anonymous answer and its lines no trace of who answered.

        Whoever answered through the survey controller stamped them while answering (the
        controller works in sudo, which keeps the user): the superuser takes the stamps,
        in SQL so that nothing stamps them again.
        """
        if not self:
            return
        self.with_user(SUPERUSER_ID).env.flush_all()
        ids = tuple(self.ids)
        # nor when: an answer keeps the time of the launch that created it, like its batch
        self.env.cr.execute(
            SQL(
                "UPDATE survey_user_input SET create_uid = %s, write_uid = %s, "
                "write_date = create_date, start_datetime = NULL, end_datetime = NULL, "
                "partner_id = NULL, email = NULL, nickname = NULL WHERE id IN %s",
                SUPERUSER_ID,
                SUPERUSER_ID,
                ids,
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE survey_user_input_line AS line SET create_uid = %s, write_uid = %s, "
                "create_date = answer.create_date, write_date = answer.create_date "
                "FROM survey_user_input AS answer "
                "WHERE answer.id = line.user_input_id AND line.user_input_id IN %s",
                SUPERUSER_ID,
                SUPERUSER_ID,
                ids,
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE mail_message SET author_id = NULL, email_from = NULL "
                "WHERE model = %s AND res_id IN %s",
                self._name,
                ids,
            )
        )
        self.env.invalidate_all()

    @api.model
    def _performance_deadline(self, date):
        return datetime.combine(date, time(23, 59, 59)) if date else False

    @api.model
    def _performance_launch(self, reviews, requests):
        """Send the reviews' questionnaires: one answer per rater, with a deadline.

        The peers and reports asked by ``requests`` answer the template's peer or report
        questionnaire (anonymously where the request is), the employee and the reviewer
        the self and manager ones.
        """
        # sudo: the launch works on the reviews and requests it just created
        reviews, requests = reviews.sudo(), requests.sudo()
        templates = (reviews | requests.review_id).template_id
        templates.fetch(
            ["survey_peer_id", "survey_report_id", "survey_manager_id", "survey_self_id"]
        )
        if not (
            templates.survey_peer_id
            | templates.survey_report_id
            | templates.survey_manager_id
            | templates.survey_self_id
        ):
            return self.browse()
        requests |= self._performance_request_reports(reviews)
        vals_list, questions = [], {}
        # {index in vals_list: rater}: the anonymous raters without a user, invited by
        # their work e-mail, which their answer never keeps
        anonymous_raters = {}

        def prepare(survey, review, role, rater, deadline, request=None):
            if survey.id not in questions:
                questions[survey.id] = survey._prepare_user_input_predefined_questions()
            anonymous = bool(request and request.anonymous)
            vals = {
                "survey_id": survey.id,
                "predefined_question_ids": [fields.Command.set(questions[survey.id].ids)],
                "deadline": self._performance_deadline(deadline),
                "performance_review_id": review.id,
                "performance_role": role,
                "performance_anonymous": anonymous,
                "performance_request_id": request.id if request else False,
                "performance_feedback_id": request.id if request and not anonymous else False,
            }
            if not anonymous:
                vals["partner_id"] = rater.user_id.partner_id.id
                vals["email"] = rater.user_id.email or rater.work_email
                # the name the invitation greets a rater without a user by
                vals["nickname"] = rater.name
            elif not rater.user_id and rater.work_email:
                anonymous_raters[len(vals_list)] = rater
            vals_list.append(vals)

        for request in requests:
            review = request.review_id
            role = "report" if request.author_id.parent_id == review.employee_id else "peer"
            survey = review.template_id[f"survey_{role}_id"]
            if survey:
                request.survey_id = survey
                prepare(survey, review, role, request.author_id, request.date_deadline, request)
        for review in reviews:
            template = review.template_id
            if template.survey_self_id:
                prepare(
                    template.survey_self_id,
                    review,
                    "self",
                    review.employee_id,
                    review.date_self_deadline,
                )
            if template.survey_manager_id and review.manager_id:
                prepare(
                    template.survey_manager_id,
                    review,
                    "manager",
                    review.manager_id,
                    review.date_manager_deadline,
                )
        # the superuser creates them: an anonymous answer's creator is nobody's name
        inputs = (
            self.with_user(SUPERUSER_ID)
            .with_context(
                tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
            )
            .create(vals_list)
        )
        inputs._performance_invite()
        for index, rater in anonymous_raters.items():
            inputs[index]._performance_invite_anonymous(rater)
        return inputs

    @api.model
    def _performance_request_reports(self, reviews):
        """Ask the direct reports of employees whose template has a report questionnaire."""
        reviews = reviews.filtered(lambda r: r.template_id.survey_report_id)
        Feedback = self.env["performance.feedback"]
        if not reviews:
            return Feedback
        # sudo: the reviewed employees' direct reports with a user or a work e-mail (the
        # questionnaire's token link reaches those without a user), to ask them
        reports = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("parent_id", "in", reviews.employee_id.ids),
                    "|",
                    ("user_id", "!=", False),
                    ("work_email", "!=", False),
                ],
                order="id",
            )
        )
        vals_list = [
            review._prepare_feedback_request(report, review.manager_id or review.employee_id)
            for review in reviews
            for report in reports
            if report.parent_id == review.employee_id
        ]
        # sudo: the launch asks the reports on behalf of each review's manager
        requests = (
            Feedback.sudo()
            .with_context(
                tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
            )
            .create(vals_list)
        )
        Feedback._notify_requests(requests)
        return requests

    @api.model
    def _performance_own_urls(self, reviews):
        """{review id: start url} of the user's own open self or manager questionnaires."""
        partner = self.env.user.partner_id
        if not reviews.ids or self.env.user._is_public():
            return {}
        # sudo: the user's own answers (his partner), for their token links
        inputs = self.sudo().search(
            [
                ("performance_review_id", "in", reviews.ids),
                ("performance_role", "in", ("self", "manager")),
                ("partner_id", "=", partner.id),
                ("state", "!=", "done"),
            ]
        )
        return {i.performance_review_id.id: i.get_start_url() for i in inputs}

    def _performance_invite(self):
        """Invite by mail the raters without a user, through their token: the mail names
        whom they rate, the cycle and the deadline."""
        template = self.env.ref(
            "performance_management.mail_template_performance_360_invitation",
            raise_if_not_found=False,
        )
        if not template:
            return
        for user_input in self.filtered(
            lambda i: not i.performance_anonymous and not i.partner_id and i.email
        ):
            template.send_mail(user_input.id, email_layout_xmlid=INVITATION_LAYOUT)

    def _performance_invite_anonymous(self, rater):
        """Invite a rater without a user to his anonymous answer, at his work e-mail.

        The answer keeps neither his e-mail nor his name, and the mail is tied to no record
        (no model, no id, deleted once sent): nothing but the token in its body leads from
        him to his answer, and the answer he submits is replaced by a copy when its batch
        is released."""
        self.ensure_one()
        template = self.env.ref(
            "performance_management.mail_template_performance_360_invitation",
            raise_if_not_found=False,
        )
        if not template or not rater.work_email:
            return
        template.with_context(performance_rater_name=rater.name).send_mail(
            self.id,
            email_layout_xmlid=INVITATION_LAYOUT,
            email_values={
                "email_to": rater.work_email,
                "model": False,
                "res_id": False,
                "auto_delete": True,
            },
        )

    @api.model
    def _performance_summary(self, review, named):
        """The review's questionnaires, per question and aggregated, as ``(title, rows)`` pairs
        with rows of ``(question, answers, score)``: the anonymous answers released by the
        feedback model, the employee's own, and the named ones where ``named`` (the
        reviewer's and the officers' view). Never a name nor a date."""
        # sudo: aggregates of the answers the reader may see, filtered right below
        inputs = self.sudo().search(
            [
                ("performance_review_id", "=", review.id),
                ("survey_id.survey_type", "=", PERFORMANCE_SURVEY_TYPE),
                ("state", "=", "done"),
                ("test_entry", "=", False),
            ]
        )
        inputs = inputs.filtered(
            lambda i: (
                i.performance_released
                if i.performance_anonymous
                else named or i.performance_role == "self"
            )
        )
        summary = []
        for survey, answers in sorted(
            inputs.grouped("survey_id").items(), key=lambda item: item[0].id
        ):
            title = self.env._(
                "%(survey)s: %(count)s answers", survey=survey.title, count=len(answers)
            )
            if survey.scoring_type != "no_scoring":
                title = self.env._(
                    "%(title)s, average score %(score)s%%",
                    title=title,
                    score=round(sum(answers.mapped("scoring_percentage")) / len(answers), 1),
                )
            summary.append((title, list(self._performance_question_rows(answers))))
        return summary

    @api.model
    def _performance_question_rows(self, answers):
        lines = answers.user_input_line_ids.filtered(lambda line: not line.skipped)
        by_question = lines.grouped("question_id")
        for question in sorted(by_question, key=lambda q: (q.sequence, q.id)):
            q_lines = by_question[question]
            kinds = set(q_lines.mapped("answer_type"))
            if kinds == {"suggestion"}:
                counts = Counter(
                    line.suggested_answer_id.value
                    if not line.matrix_row_id
                    else f"{line.matrix_row_id.value}: {line.suggested_answer_id.value}"
                    for line in q_lines
                )
                text = ", ".join(f"{value} ({count})" for value, count in sorted(counts.items()))
            elif kinds <= {"numerical_box", "scale"}:
                values = [line.value_numerical_box or line.value_scale for line in q_lines]
                text = self.env._("average %(value)s", value=round(sum(values) / len(values), 2))
            elif kinds <= {"char_box", "text_box"}:
                # sorted, never in the order they came in
                text = " / ".join(
                    sorted(line.value_char_box or line.value_text_box or "" for line in q_lines)
                )
            else:
                text = self.env._("%(count)s answers", count=len(q_lines))
            score = ""
            if question.is_scored_question:
                by_input = q_lines.grouped("user_input_id")
                score = round(
                    sum(sum(lines.mapped("answer_score")) for lines in by_input.values())
                    / len(by_input),
                    2,
                )
            yield question, text, score
