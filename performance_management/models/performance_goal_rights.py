from odoo import models
from odoo.exceptions import UserError

# Fields the owner of a goal may still change once it is out of draft: the rest is the
# manager's.
OWNER_WRITABLE_FIELDS = {"description", "tag_ids", "color", "message_follower_ids"}
MANAGER_ONLY_FIELDS = {
    "state",
    "employee_id",
    "department_id",
    "scope",
    "manager_id",
    "is_template",
    "company_id",
}


class PerformanceGoalRightsMixin(models.AbstractModel):
    """Who may do what on a goal: its owner, its manager chain and the officers."""

    _name = "performance.goal.rights.mixin"
    _description = "Goal Rights"

    def _get_owner_employee(self):
        self.ensure_one()
        if self.scope == "employee":
            return self.employee_id
        if self.scope == "department":
            return self.department_id.manager_id
        return self.manager_id

    def _is_owner_of_goal(self):
        self.ensure_one()
        owner = self._get_owner_employee()
        return bool(owner.user_id) and owner.user_id == self.env.user

    def _is_manager_of_goal(self):
        """Officers, the goal's manager and the employees above either of them."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("performance_management.group_performance_officer"):
            return True
        if not user.employee_ids:
            return False
        goal = self.sudo()
        heads = goal.manager_id
        if goal.scope == "employee":
            heads |= goal.employee_id.parent_id - goal.employee_id
        elif goal.scope == "department":
            heads |= goal.department_id.manager_id
        return bool(heads.performance_chain_ids & user.employee_ids)

    def _check_manager_action(self):
        for goal in self:
            if not goal._is_manager_of_goal():
                raise UserError(
                    self.env._(
                        "Only the manager of the goal %(goal)s may do this.", goal=goal.name
                    )
                )

    def _check_create_rights(self):
        for goal in self:
            if goal._is_manager_of_goal():
                continue
            if (
                goal.scope != "employee"
                or goal.is_template
                or not goal._is_owner_of_goal()
                or goal.state != "draft"
            ):
                raise UserError(
                    self.env._(
                        "You may only propose goals for yourself; your manager sets the others."
                    )
                )
            if not goal.company_id.performance_goal_proposal:
                raise UserError(
                    self.env._(
                        "In %(company)s, managers set the goals.", company=goal.company_id.name
                    )
                )

    def _check_write_rights(self, fnames):
        for goal in self:
            if goal._is_manager_of_goal():
                continue
            forbidden = fnames - OWNER_WRITABLE_FIELDS
            if goal._is_owner_of_goal() and goal.state == "draft":
                forbidden &= MANAGER_ONLY_FIELDS
            if forbidden:
                raise UserError(
                    self.env._(
                        "Only the manager of the goal %(goal)s may change it.", goal=goal.name
                    )
                )

    def _check_key_result_rights(self):
        for goal in self:
            if goal._is_manager_of_goal():
                continue
            if not (goal._is_owner_of_goal() and goal.state == "draft"):
                raise UserError(
                    self.env._(
                        "The key results of %(goal)s change through check-ins; only its "
                        "manager may edit them.",
                        goal=goal.name,
                    )
                )
