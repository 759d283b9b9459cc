from datetime import datetime, time

import pytz
from markupsafe import Markup
from werkzeug.exceptions import NotFound

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.fields import Command, Domain
from odoo.http import request, route
from odoo.tools import escape_psql, html2plaintext, plaintext2html

from .portal import FORM_ERRORS, PerformancePortal

COLLEAGUE_LIMIT = 20  # names one search of the colleague field returns
COLLEAGUE_MIN_CHARS = 2


class PerformanceFeedbackPortal(PerformancePortal):
    """Feedback, kudos and 1:1s in the portal."""

    def _pm_colleague_domain(self):
        """Who the user may give feedback or kudos to: the active colleagues of their
        company. A fixed domain, no request input: searches and posted ids are held to it."""
        employee = self._pm_employees()[:1]
        if not employee:
            return Domain.FALSE
        return Domain([("company_id", "=", employee.company_id.id), ("id", "!=", employee.id)])

    def _pm_colleague(self, raw_id):
        """The colleague of this posted id, if the user may pick them, in one query."""
        try:
            colleague_id = int(raw_id or 0)
        except (TypeError, ValueError):
            colleague_id = 0
        # sudo: is the posted id one of the user's colleagues (their company, active)
        colleague = (
            request.env["hr.employee"]
            .sudo()
            .search(self._pm_colleague_domain() & Domain("id", "=", colleague_id), limit=1)
            if colleague_id > 0
            else request.env["hr.employee"]
        )
        if not colleague:
            raise ValidationError(request.env._("Choose a colleague from the list."))
        return colleague

    @route(
        "/my/performance/colleagues",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def portal_my_colleagues(self, q=None, **kw):
        """At most COLLEAGUE_LIMIT colleagues whose name holds q (two letters at least), for
        the search field of the feedback and kudos forms."""
        if not self._pm_employees():
            raise NotFound()
        search = (q or "").strip()[:100]
        if len(search) < COLLEAGUE_MIN_CHARS:
            return request.make_json_response([])
        # sudo: names of the user's colleagues (portal users cannot read hr.employee)
        colleagues = (
            request.env["hr.employee"]
            .sudo()
            .search_fetch(
                # the letters typed, not patterns: "%%" or "__" would list the whole company
                self._pm_colleague_domain() & Domain("name", "ilike", escape_psql(search)),
                ["name"],
                order="name, id",
                limit=COLLEAGUE_LIMIT,
            )
        )
        return request.make_json_response(
            [{"id": colleague.id, "name": colleague.name} for colleague in colleagues]
        )

    def _pm_colleague_name(self, raw_id):
        """The name of the colleague a form posted, to show it again with an error."""
        try:
            return self._pm_colleague(raw_id).name
        except ValidationError:
            return ""

    def _pm_message(self, message):
        if not (message or "").strip():
            raise ValidationError(request.env._("Write a message."))
        return plaintext2html(message.strip())

    # Feedback -----------------------------------------------------------------------------

    def _pm_feedback_filters(self):
        own = self._pm_own_domain()
        authored = self._pm_own_domain("author_id")
        return {
            "requests": {
                "label": request.env._("Requests to Answer"),
                "domain": authored & Domain("can_answer", "=", True),
            },
            "received": {
                "label": request.env._("Received"),
                "domain": own
                & Domain([("state", "=", "done"), ("visibility", "in", ("shared", "public"))]),
            },
            "given": {
                "label": request.env._("Given"),
                "domain": authored
                & (Domain("state", "=", "done") | Domain("id", "in", self._pm_answered_ids())),
            },
        }

    def _pm_answered_ids(self):
        """The user's own anonymous requests he answered, their batch not released yet."""
        employees = self._pm_employees()
        if not employees:
            return []
        # sudo: the author learns only that he answered his own requests (as can_answer)
        return (
            request.env["performance.feedback"]
            .sudo()
            .search(
                [
                    ("author_id", "in", employees.ids),
                    ("anonymous_answered", "=", True),
                    ("state", "=", "requested"),
                ]
            )
            .ids
        )

    def _pm_feedback_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date desc, id desc"},
            "deadline": {
                "label": request.env._("Deadline"),
                "order": "date_deadline asc, id desc",
            },
        }

    @route(
        ["/my/performance/feedback", "/my/performance/feedback/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_feedback(self, page=1, sortby=None, filterby=None, **kw):
        if not self._pm_employees():
            raise NotFound()
        filters = self._pm_feedback_filters()
        listing = self._pm_list(
            "performance.feedback",
            Domain.TRUE,
            "/my/performance/feedback",
            page,
            self._pm_feedback_sortings(),
            sortby,
            filters,
            filterby,
        )
        feedbacks = listing.pop("records")
        hidden = request.env["performance.feedback"]
        hidden_count = 0
        if listing["filterby"] == "received":
            hidden = self._pm_hidden_anonymous(feedbacks)
            # Unreleased anonymous answers may be unreadable to their subject: only their
            # number about the user's own employee is told, nothing of them.
            hidden_count = self._pm_unreleased_anonymous_count()
        # sudo below: a setting of the user's own company
        values = self._pm_values(
            "performance_feedback_list",
            [(request.env._("Feedback"), False)],
            feedbacks=feedbacks - hidden,
            answered_ids=self._pm_answered_ids(),
            hidden_count=hidden_count,
            threshold=self._pm_employees()[:1].company_id.sudo().performance_anonymity_threshold,
            **listing,
        )
        return request.render("performance_management.portal_my_feedback", values)

    def _pm_unreleased_anonymous_count(self):
        employees = self._pm_employees()
        if not employees:
            return 0
        # sudo: the open anonymous requests about the user himself, no record: a number
        # that moves when they are asked or released, never when one is answered
        return (
            request.env["performance.feedback"]
            .sudo()
            .search_count(
                [
                    ("employee_id", "in", employees.ids),
                    ("anonymous", "=", True),
                    ("is_request", "=", True),
                    ("state", "=", "requested"),
                ]
            )
        )

    def _pm_hidden_anonymous(self, feedbacks):
        """Anonymous answers stay hidden until enough have come in to protect authors."""
        employees = self._pm_employees()
        anonymous = feedbacks.filtered(
            lambda f: f.anonymous and f.state == "done" and f.employee_id in employees
        )
        # the feedback model releases anonymous answers once enough have come in
        return anonymous.filtered(lambda f: not f.anonymous_released)

    @route("/my/performance/feedback/<int:feedback_id>", type="http", auth="user", website=True)
    def portal_my_feedback_detail(self, feedback_id, **kw):
        employees = self._pm_employees()
        if not employees:
            raise NotFound()
        filters = self._pm_feedback_filters()
        feedback = request.env["performance.feedback"].search(
            Domain("id", "=", feedback_id)
            & Domain.OR(option["domain"] for option in filters.values()),
            limit=1,
        )
        if not feedback or feedback in self._pm_hidden_anonymous(feedback):
            raise NotFound()
        values = self._pm_values(
            "performance_feedback",
            [(request.env._("Feedback"), "/my/performance/feedback"), (feedback.name, False)],
            feedback=feedback,
            is_request=feedback.state == "requested",
            answered=feedback.id in self._pm_answered_ids(),
            about_name=self._pm_names(feedback, "employee_id"),
            author_name="" if feedback.anonymous else self._pm_names(feedback, "author_id"),
            requester_name=self._pm_names(feedback, "requester_id"),
            feedback_types=feedback._fields["feedback_type"]._description_selection(request.env),
        )
        return request.render("performance_management.portal_my_feedback_detail", values)

    @route(
        "/my/performance/feedback/<int:feedback_id>/answer",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_feedback_answer(self, feedback_id, message=None, feedback_type=None, **post):
        feedback = self._pm_get(
            "performance.feedback", feedback_id, [("state", "=", "requested")], field="author_id"
        )
        url = f"/my/performance/feedback/{feedback.id}"
        try:
            if feedback_type not in dict(feedback._fields["feedback_type"].selection):
                raise ValidationError(request.env._("Choose the type of your feedback."))
            with request.env.cr.savepoint():
                # The user is the author asked (checked above); an anonymous answer is
                # split from them by the model.
                feedback.sudo().action_answer(self._pm_message(message), feedback_type)
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("Thank you for your feedback."))
        return request.redirect("/my/performance/feedback?filterby=given")

    @route(
        "/my/performance/feedback/give",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_feedback_give(self, **post):
        employee = self._pm_employees()[:1]
        if not employee:
            raise NotFound()
        error = None
        if request.httprequest.method == "POST":
            try:
                if post.get("feedback_type") not in ("praise", "constructive", "general"):
                    raise ValidationError(request.env._("Choose the type of your feedback."))
                if post.get("visibility") not in ("private", "shared"):
                    raise ValidationError(request.env._("Choose who may read your feedback."))
                with request.env.cr.savepoint():
                    # sudo: in the user's own name, to a colleague of his list (checked above)
                    request.env["performance.feedback"].sudo().create(
                        {
                            "employee_id": self._pm_colleague(post.get("employee_id")).id,
                            "author_id": employee.id,
                            "company_id": employee.company_id.id,
                            "message": self._pm_message(post.get("message")),
                            "feedback_type": post["feedback_type"],
                            "visibility": post["visibility"],
                            "state": "done",
                        }
                    )
            except FORM_ERRORS as exc:
                error = self._pm_error_text(exc)
            else:
                self._pm_flash(success=request.env._("Your feedback is sent."))
                return request.redirect("/my/performance/feedback?filterby=given")
        values = self._pm_values(
            "performance_feedback_give",
            [
                (request.env._("Feedback"), "/my/performance/feedback"),
                (request.env._("Give Feedback"), False),
            ],
            colleague_name=self._pm_colleague_name(post.get("employee_id")),
            form=post,
        )
        if error:
            values["pm_error"] = error
        return request.render("performance_management.portal_my_feedback_give", values)

    # Recognition --------------------------------------------------------------------------

    @route(
        ["/my/performance/kudos", "/my/performance/kudos/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_kudos(self, page=1, sortby=None, filterby=None, **kw):
        employees = self._pm_employees()
        if not employees:
            raise NotFound()
        filters = {
            "wall": {
                "label": request.env._("Company Wall"),
                "domain": [
                    ("visibility", "=", "company"),
                    ("company_id", "in", employees.company_id.ids),
                ],
            },
            "received": {
                "label": request.env._("Received"),
                "domain": [("receiver_ids", "in", employees.ids)],
            },
            "given": {
                "label": request.env._("Given"),
                "domain": [("giver_id", "in", employees.ids)],
            },
        }
        listing = self._pm_list(
            "performance.recognition",
            Domain.TRUE,
            "/my/performance/kudos",
            page,
            {"date": {"label": request.env._("Newest"), "order": "date desc, id desc"}},
            sortby,
            filters,
            filterby,
        )
        values = self._pm_values(
            "performance_kudos",
            [(request.env._("Kudos"), False)],
            recognitions=listing.pop("records"),
            values_list=request.env["performance.value"].search(
                [("company_id", "in", employees.company_id.ids)]
            ),
            **listing,
        )
        return request.render("performance_management.portal_my_kudos", values)

    @route(
        "/my/performance/kudos/give",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_kudos_give(self, **post):
        employee = self._pm_employees()[:1]
        if not employee:
            raise NotFound()
        try:
            value = request.env["performance.value"]
            if post.get("value_id"):
                value = value.search(
                    [
                        ("id", "=", int(post["value_id"])),
                        ("company_id", "=", employee.company_id.id),
                    ]
                )
                if not value:
                    raise ValidationError(request.env._("Choose one of the company values."))
            if post.get("visibility") not in ("company", "team", "private"):
                raise ValidationError(request.env._("Choose who may see your kudos."))
            with request.env.cr.savepoint():
                # Created with the user's rights: the model checks the giver and the quota.
                request.env["performance.recognition"].with_company(employee.company_id).create(
                    {
                        "giver_id": employee.id,
                        "receiver_ids": [
                            Command.set(self._pm_colleague(post.get("receiver_id")).ids)
                        ],
                        "value_id": value.id,
                        "message": self._pm_message(post.get("message")),
                        "visibility": post["visibility"],
                        "company_id": employee.company_id.id,
                    }
                )
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect("/my/performance/kudos")
        self._pm_flash(success=request.env._("Your kudos are on their way."))
        return request.redirect("/my/performance/kudos?filterby=given")

    # 1:1s ---------------------------------------------------------------------------------

    @route(
        ["/my/performance/meetings", "/my/performance/meetings/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_meetings(self, page=1, sortby=None, filterby=None, **kw):
        if not self._pm_employees():
            raise NotFound()
        # today's meetings stay upcoming until they are done, even once started: from the
        # reader's midnight, not from this minute
        user = request.env.user
        midnight = datetime.combine(fields.Date.context_today(user), time.min)
        timezone = pytz.timezone(user.tz or "UTC")
        now = timezone.localize(midnight).astimezone(pytz.utc).replace(tzinfo=None)
        listing = self._pm_list(
            "performance.coaching.log",
            self._pm_own_domain() & Domain("state", "!=", "cancelled"),
            "/my/performance/meetings",
            page,
            {
                "date": {"label": request.env._("Date"), "order": "date_start desc, id desc"},
                "kind": {"label": request.env._("Type"), "order": "kind, date_start desc"},
            },
            sortby,
            {
                "upcoming": {
                    "label": request.env._("Upcoming"),
                    "domain": [("state", "=", "planned"), ("date_start", ">=", now)],
                },
                "past": {
                    "label": request.env._("Past"),
                    "domain": ["|", ("state", "=", "done"), ("date_start", "<", now)],
                },
                "all": {"label": request.env._("All"), "domain": []},
            },
            filterby,
        )
        values = self._pm_values(
            "performance_meetings",
            [(request.env._("1:1s"), False)],
            meetings=listing.pop("records"),
            **listing,
        )
        return request.render("performance_management.portal_my_meetings", values)

    def _pm_get_meeting(self, meeting_id):
        return self._pm_get("performance.coaching.log", meeting_id, [("state", "!=", "cancelled")])

    @route("/my/performance/meetings/<int:meeting_id>", type="http", auth="user", website=True)
    def portal_my_meeting(self, meeting_id, **kw):
        meeting = self._pm_get_meeting(meeting_id)
        values = self._pm_values(
            "performance_meeting",
            [(request.env._("1:1s"), "/my/performance/meetings"), (meeting.name, False)],
            meeting=meeting,
            coach_name=self._pm_names(meeting, "coach_id"),
            talking_points=meeting.talking_point_ids,
            action_items=meeting.action_item_ids,
            shared_notes=meeting.shared_notes
            if html2plaintext(meeting.shared_notes or "").strip()
            else False,
        )
        return request.render("performance_management.portal_my_meeting", values)

    @route(
        "/my/performance/meetings/<int:meeting_id>/talking_point",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_meeting_talking_point(self, meeting_id, name=None, **post):
        meeting = self._pm_get_meeting(meeting_id)
        url = f"/my/performance/meetings/{meeting.id}"
        try:
            if meeting.state != "planned":
                raise ValidationError(request.env._("This meeting is over: add it to the next."))
            if not (name or "").strip():
                raise ValidationError(request.env._("Write the topic you want to talk about."))
            with request.env.cr.savepoint():
                # Created with the user's rights (portal: ACL and rule on their own 1:1s).
                request.env["performance.coaching.talking.point"].create(
                    {"log_id": meeting.id, "name": name.strip()[:200]}
                )
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("Your talking point is on the agenda."))
        return request.redirect(url)

    @route(
        "/my/performance/meetings/<int:meeting_id>/note",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_meeting_note(self, meeting_id, note=None, **post):
        meeting = self._pm_get_meeting(meeting_id)
        url = f"/my/performance/meetings/{meeting.id}"
        try:
            if not (note or "").strip():
                raise ValidationError(request.env._("Write the note you want to share."))
            author = self._pm_employees()[:1].name or request.env.user.name
            added = Markup("<p><strong>%s</strong>: %s</p>") % (
                author,
                Markup("<br/>").join(note.strip()[:2000].splitlines()),
            )
            with request.env.cr.savepoint():
                # Written with the user's rights: rules give a portal employee his own 1:1s,
                # and the shared notes are the only field he may set (_has_field_access).
                meeting.write({"shared_notes": (meeting.shared_notes or Markup()) + added})
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("Your note is shared."))
        return request.redirect(url)

    @route(
        "/my/performance/meetings/<int:meeting_id>/action_item",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_meeting_action_item(self, meeting_id, name=None, date_deadline=None, **post):
        meeting = self._pm_get_meeting(meeting_id)
        url = f"/my/performance/meetings/{meeting.id}"
        try:
            if not (name or "").strip():
                raise ValidationError(request.env._("Write the action you will take."))
            with request.env.cr.savepoint():
                # Created with the user's rights (portal: ACL and rule on their own 1:1s,
                # their own open items).
                request.env["performance.coaching.action.item"].create(
                    {
                        "log_id": meeting.id,
                        "name": name.strip()[:200],
                        "owner_id": request.env.user.id,
                        "date_deadline": fields.Date.to_date(date_deadline or None),
                    }
                )
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("Your action item is on the list."))
        return request.redirect(url)
