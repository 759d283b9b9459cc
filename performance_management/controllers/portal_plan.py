from werkzeug.exceptions import NotFound

from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.http import request, route

from .portal import FORM_ERRORS, PerformancePortal

# A draft or cancelled improvement plan is still the managers' and HR's business.
VISIBLE_IMPROVEMENT_STATES = ("active", "extended", "closed")
VISIBLE_DEVELOPMENT_STATES = ("active", "done")
ACTION_STATES = ("todo", "in_progress", "done")


class PerformancePlanPortal(PerformancePortal):
    """Improvement and development plans in the portal."""

    @route("/my/performance/plans", type="http", auth="user", website=True)
    def portal_my_plans(self, **kw):
        if not self._pm_employees():
            raise NotFound()
        own = self._pm_own_domain()
        values = self._pm_values(
            "performance_plans",
            [(request.env._("Plans"), False)],
            improvement_plans=request.env["performance.improvement.plan"].search(
                own & Domain("state", "in", VISIBLE_IMPROVEMENT_STATES)
            ),
            development_plans=request.env["performance.development.plan"].search(
                own & Domain("state", "in", VISIBLE_DEVELOPMENT_STATES)
            ),
        )
        return request.render("performance_management.portal_my_plans", values)

    def _pm_get_improvement_plan(self, plan_id):
        return self._pm_get(
            "performance.improvement.plan",
            plan_id,
            [("state", "in", VISIBLE_IMPROVEMENT_STATES)],
        )

    @route("/my/performance/improvement/<int:plan_id>", type="http", auth="user", website=True)
    def portal_my_improvement_plan(self, plan_id, **kw):
        plan = self._pm_get_improvement_plan(plan_id)
        plan._performance_log_read("portal")
        to_acknowledge = (plan.state in ("active", "extended") and not plan.acknowledged_date) or (
            plan.state == "closed" and not plan.outcome_acknowledged_date
        )
        values = self._pm_values(
            "performance_improvement_plan",
            [(request.env._("Plans"), "/my/performance/plans"), (plan.name, False)],
            plan=plan,
            objectives=plan.objective_ids,
            checkins=plan.checkin_ids,
            manager_name=self._pm_names(plan, "manager_id"),
            to_acknowledge=to_acknowledge,
        )
        return request.render("performance_management.portal_my_improvement_plan", values)

    @route(
        "/my/performance/improvement/<int:plan_id>/acknowledge",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_improvement_plan_acknowledge(self, plan_id, comment=None, **post):
        plan = self._pm_get_improvement_plan(plan_id)
        url = f"/my/performance/improvement/{plan.id}"
        try:
            with request.env.cr.savepoint():
                # The model checks again that env.uid is the plan's employee.
                plan.sudo().action_acknowledge((comment or "").strip() or False)
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("You acknowledged the plan."))
        return request.redirect(url)

    def _pm_get_development_plan(self, plan_id):
        return self._pm_get(
            "performance.development.plan",
            plan_id,
            [("state", "in", VISIBLE_DEVELOPMENT_STATES)],
        )

    @route("/my/performance/development/<int:plan_id>", type="http", auth="user", website=True)
    def portal_my_development_plan(self, plan_id, **kw):
        plan = self._pm_get_development_plan(plan_id)
        # sudo: the user's own development plan (checked above), for its skills and steps
        plan_sudo = plan.sudo()
        values = self._pm_values(
            "performance_development_plan",
            [(request.env._("Plans"), "/my/performance/plans"), (plan.name, False)],
            plan=plan,
            actions=plan.action_ids.filtered(lambda action: action.state != "cancelled"),
            # Skills, levels and career steps are hr_skills and hr.job data that portal
            # users cannot read; the plan itself passed the check.
            skill_lines=plan_sudo.skill_line_ids,
            target_step=plan_sudo.target_step_id,
            mentor_name=self._pm_names(plan, "mentor_id"),
            owner_names={
                action.id: self._pm_names(action, "owner_id") for action in plan.action_ids
            },
            action_states=[
                (key, label)
                for key, label in plan.action_ids._fields["state"]._description_selection(
                    request.env
                )
                if key in ACTION_STATES
            ],
        )
        return request.render("performance_management.portal_my_development_plan", values)

    @route(
        "/my/performance/development/action/<int:action_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_development_action(self, action_id, state=None, **post):
        action = self._pm_get(
            "performance.development.action",
            action_id,
            [("plan_id.state", "=", "active"), ("state", "!=", "cancelled")],
        )
        url = f"/my/performance/development/{action.plan_id.id}"
        try:
            if state not in ACTION_STATES:
                raise ValidationError(request.env._("Choose a status for the action."))
            with request.env.cr.savepoint():
                # The employee moves their actions along: the model allows only the status.
                action.write({"state": state})
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("The action is updated."))
        return request.redirect(url)
