from datetime import date

from werkzeug.exceptions import NotFound

from odoo import fields
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.fields import Command, Domain
from odoo.http import request, route
from odoo.tools import float_round, plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..tools import percent

# What a form may fail with: shown to the user as a message, never as a traceback.
FORM_ERRORS = (UserError, ValidationError, AccessError, MissingError, ValueError)


class PerformancePortal(CustomerPortal):
    """The employee side of Performance in /my: overview, goals and the shared helpers.

    Every route reads records with the user's own rights, restricted to the user's own
    employees; sudo() is only used on records that passed this check, to render the names
    of related employees (portal users cannot read hr.employee) and to run the model's
    business methods, which identify the user by env.uid.
    """

    _pm_items_per_page = 20

    # Helpers ------------------------------------------------------------------------------

    def _pm_employees(self):
        """The current user's employees in the allowed companies (never request input)."""
        user = request.env.user
        # sudo: the user's own employees (portal users cannot read hr.employee)
        return user.sudo().employee_ids.filtered(
            lambda employee: employee.company_id in user.company_ids
        )

    def _pm_own_domain(self, field="employee_id"):
        return Domain(field, "in", self._pm_employees().ids)

    def _pm_get(self, model, record_id, domain=None, field="employee_id"):
        """The record with this id if the user may read it and it is theirs, else 404.

        The search runs with the user's rights, so record rules apply; a record of another
        employee answers exactly like a record that does not exist.
        """
        if not self._pm_employees():
            raise NotFound()
        record = request.env[model].search(
            Domain("id", "=", int(record_id)) & self._pm_own_domain(field) & Domain(domain or []),
            limit=1,
        )
        if not record:
            raise NotFound()
        return record

    def _pm_flash(self, error=None, success=None):
        request.session["pm_portal_message"] = {"error": error, "success": success}

    def _pm_error_text(self, error):
        if not isinstance(error, UserError):
            # a value the form's code could not read (a number, a date): Python's words are
            # not the user's
            return request.env._("A value of the form is not valid: check what you entered.")
        return error.args[0] if error.args else str(error)

    @staticmethod
    def _pm_id(value):
        """The id a form or a JSON argument gives (digits), else 404."""
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.isascii() and value.isdecimal():
            return int(value)
        raise NotFound()

    def _pm_values(self, page_name, breadcrumbs, **values):
        """Layout values of a performance page: breadcrumbs and the flashed message."""
        message = request.session.pop("pm_portal_message", None) or {}
        result = self._prepare_portal_layout_values()
        result.update(
            page_name=page_name,
            pm_breadcrumbs=[
                (request.env._("Performance"), "/my/performance" if breadcrumbs else False),
                *breadcrumbs,
            ],
            pm_error=message.get("error"),
            pm_success=message.get("success"),
            pm_names=self._pm_names,
            pm_percent=percent,
            pm_today=fields.Date.context_today(request.env.user),
        )
        result.update(values)
        return result

    @staticmethod
    def _pm_names(record, fname):
        """Names of the employees in ``record[fname]``, for a record the user may read.

        Portal users cannot read hr.employee, even the ids of a many2many: the record
        passed the access check, so its employees are read in sudo.
        """
        return ", ".join(record.sudo().mapped(f"{fname}.name"))

    def _pm_list(self, model, domain, url, page, sortings, sortby, filters, filterby):
        """One page of a sorted, filtered list, with Odoo's portal pager."""
        sortby = sortby if sortby in sortings else next(iter(sortings))
        filterby = filterby if filterby in filters else next(iter(filters))
        domain = Domain(domain) & Domain(filters[filterby]["domain"])
        Model = request.env[model]
        total = Model.search_count(domain)
        pager = portal_pager(
            url=url,
            url_args={"sortby": sortby, "filterby": filterby},
            total=total,
            page=page,
            step=self._pm_items_per_page,
        )
        records = Model.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._pm_items_per_page,
            offset=pager["offset"],
        )
        return {
            "records": records,
            "pager": pager,
            "default_url": url,
            "searchbar_sortings": sortings,
            "sortby": sortby,
            "searchbar_filters": filters,
            "filterby": filterby,
        }

    # Home and overview --------------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        employees = self._pm_employees()
        if not counters:
            # Rendering /my: show the entry to employees. /my/counters must only answer
            # the counters asked for, the page looks each one up.
            values["performance_employee"] = bool(employees)
        if "performance_todo_count" in counters:
            values["performance_todo_count"] = (
                sum(len(todo) for todo in self._pm_todos().values()) if employees else 0
            )
        return values

    def _pm_todos(self):
        """What waits for the user: reviews, feedback requests and plans to acknowledge."""
        own = self._pm_own_domain()
        return {
            "reviews": request.env["performance.review"].search(
                own & Domain("state", "in", ("self_review", "released"))
            ),
            "requests": request.env["performance.feedback"].search(
                self._pm_own_domain("author_id") & Domain("can_answer", "=", True)
            ),
            "plans": request.env["performance.improvement.plan"].search(
                own
                & (
                    Domain(
                        [
                            ("state", "in", ("active", "extended")),
                            ("acknowledged_date", "=", False),
                        ]
                    )
                    | Domain([("state", "=", "closed"), ("outcome_acknowledged_date", "=", False)])
                )
            ),
        }

    @route("/my/performance", type="http", auth="user", website=True)
    def portal_my_performance(self, **kw):
        employees = self._pm_employees()
        if not employees:
            raise NotFound()
        own = self._pm_own_domain()
        now = fields.Datetime.now()
        values = self._pm_values(
            "performance",
            [],
            todos=self._pm_todos(),
            goals=request.env["performance.goal"].search(
                own & Domain("state", "in", ("draft", "active")), limit=5
            ),
            recognitions=request.env["performance.recognition"].search(
                Domain("receiver_ids", "in", employees.ids), limit=3
            ),
            next_meeting=request.env["performance.coaching.log"].search(
                own & Domain([("state", "=", "planned"), ("date_start", ">=", now)]),
                order="date_start asc",
                limit=1,
            ),
            development_plan=request.env["performance.development.plan"].search(
                own & Domain("state", "=", "active"), limit=1
            ),
        )
        return request.render("performance_management.portal_my_performance", values)

    # Goals --------------------------------------------------------------------------------

    def _pm_goal_sortings(self):
        return {
            "deadline": {
                "label": request.env._("Deadline"),
                "order": "date_deadline asc, id desc",
            },
            "name": {"label": request.env._("Name"), "order": "name asc, id"},
            "progress": {"label": request.env._("Progress"), "order": "progress desc, id desc"},
        }

    def _pm_goal_filters(self):
        return {
            "open": {
                "label": request.env._("Open"),
                "domain": [("state", "in", ("draft", "active"))],
            },
            "active": {"label": request.env._("Active"), "domain": [("state", "=", "active")]},
            "draft": {"label": request.env._("Proposed"), "domain": [("state", "=", "draft")]},
            "done": {"label": request.env._("Done"), "domain": [("state", "=", "done")]},
            "all": {"label": request.env._("All"), "domain": []},
        }

    @route(
        ["/my/performance/goals", "/my/performance/goals/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_goals(self, page=1, sortby=None, filterby=None, **kw):
        if not self._pm_employees():
            raise NotFound()
        listing = self._pm_list(
            "performance.goal",
            self._pm_own_domain() & Domain("scope", "=", "employee"),
            "/my/performance/goals",
            page,
            self._pm_goal_sortings(),
            sortby,
            self._pm_goal_filters(),
            filterby,
        )
        values = self._pm_values(
            "performance_goals",
            [(request.env._("Goals"), False)],
            goals=listing.pop("records"),
            can_propose=self._pm_can_propose(),
            **listing,
        )
        return request.render("performance_management.portal_my_goals", values)

    def _pm_can_propose(self):
        employee = self._pm_employees()[:1]
        # sudo: a setting of the user's own company
        return bool(employee) and employee.company_id.sudo().performance_goal_proposal

    @route("/my/performance/goals/<int:goal_id>", type="http", auth="user", website=True)
    def portal_my_goal(self, goal_id, **kw):
        goal = self._pm_get("performance.goal", goal_id, [("scope", "=", "employee")])
        values = self._pm_values(
            "performance_goal",
            [(request.env._("Goals"), "/my/performance/goals"), (goal.name, False)],
            goal=goal,
            key_results=goal.key_result_ids,
            checkins=goal.checkin_ids[:10],
            confidences=goal._fields["confidence"]._description_selection(request.env),
        )
        return request.render("performance_management.portal_my_goal", values)

    @route(
        "/my/performance/goals/<int:goal_id>/checkin",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_goal_checkin(self, goal_id, confidence=None, note=None, **post):
        goal = self._pm_get("performance.goal", goal_id, [("scope", "=", "employee")])
        url = f"/my/performance/goals/{goal.id}"
        try:
            if goal.state != "active":
                raise UserError(request.env._("Only an active goal takes check-ins."))
            if confidence not in dict(goal._fields["confidence"].selection):
                raise ValidationError(request.env._("Choose how confident you are."))
            lines = []
            for kr in goal.key_result_ids.filtered(lambda kr: kr.source == "manual"):
                if kr.kind == "milestone":
                    value = 1.0 if post.get(f"kr_{kr.id}") else 0.0
                else:
                    raw = (post.get(f"kr_{kr.id}") or "").strip().replace(",", ".")
                    if not raw:
                        continue
                    try:
                        value = float_round(float(raw), precision_digits=6)
                    except (ValueError, OverflowError):  # "nan", "inf" are no values either
                        raise ValidationError(
                            request.env._("The value of %(kr)s must be a number.", kr=kr.name)
                        ) from None
                    if kr._is_far_outside(value):
                        raise ValidationError(kr._far_outside_message(value))
                lines.append(Command.create({"key_result_id": kr.id, "value": value}))
            # The goal is the user's own (checked above): the check-in is signed by env.uid.
            with request.env.cr.savepoint():
                request.env["performance.goal.checkin"].sudo().create(
                    {
                        "goal_id": goal.id,
                        "confidence": confidence,
                        "note": plaintext2html(note) if (note or "").strip() else False,
                        "user_id": request.env.uid,
                        "line_ids": lines,
                    }
                )
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("Your check-in is saved."))
        return request.redirect(url)

    @route(
        "/my/performance/goals/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_goal_new(self, **post):
        employee = self._pm_employees()[:1]
        if not employee or not self._pm_can_propose():
            raise NotFound()
        error = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    goal = self._pm_propose_goal(employee, post)
            except FORM_ERRORS as exc:
                error = self._pm_error_text(exc)
            else:
                self._pm_flash(success=request.env._("Your goal is proposed to your manager."))
                return request.redirect(f"/my/performance/goals/{goal.id}")
        values = self._pm_values(
            "performance_goal_new",
            [
                (request.env._("Goals"), "/my/performance/goals"),
                (request.env._("Propose a Goal"), False),
            ],
            form=post,
        )
        if error:
            values["pm_error"] = error
        return request.render("performance_management.portal_my_goal_new", values)

    def _pm_propose_goal(self, employee, post):
        name = (post.get("name") or "").strip()
        if not name:
            raise ValidationError(request.env._("Give your goal a name."))
        deadline = False
        if post.get("date_deadline"):
            try:
                deadline = date.fromisoformat(post["date_deadline"])
            except ValueError:
                raise ValidationError(request.env._("The deadline is not a valid date.")) from None
            if deadline < fields.Date.context_today(request.env.user):
                raise ValidationError(request.env._("The deadline cannot be in the past."))
        key_results = []
        kr_name = (post.get("kr_name") or "").strip()
        if kr_name:
            try:
                target = float((post.get("kr_target") or "100").replace(",", "."))
            except ValueError:
                raise ValidationError(request.env._("The target must be a number.")) from None
            if target <= 0:
                raise ValidationError(request.env._("The target must be above zero."))
            key_results.append(
                Command.create({"name": kr_name, "target_value": target, "start_value": 0.0})
            )
        # The model checks proposals from the owner; the portal user may not read
        # hr.employee, so the rules it checks are applied here and the goal is created
        # in sudo for the user's own employee, as a draft that the manager approves.
        goal = (
            request.env["performance.goal"]
            .sudo()
            .create(
                {
                    "name": name,
                    "description": plaintext2html(post.get("description") or ""),
                    "scope": "employee",
                    "employee_id": employee.id,
                    "company_id": employee.company_id.id,
                    "date_deadline": deadline,
                    "state": "draft",
                    "key_result_ids": key_results,
                }
            )
        )
        goal.action_propose()
        return goal
