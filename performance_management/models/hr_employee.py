from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Each feature adds its counters and smart-button actions here. A field that plain
    # employees must not read carries groups="hr.group_hr_user"; any other is mirrored on
    # hr.employee.public, or employees without HR rights hit access errors.

    # Career: position on the path and development (HR users; employees use the Career menu)
    performance_career_step_id = fields.Many2one(
        "performance.career.step",
        string="Career Step",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    performance_next_step_ids = fields.Many2many(
        "performance.career.step",
        string="Next Career Steps",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    performance_development_plan_id = fields.Many2one(
        "performance.development.plan",
        string="Development Plan",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    performance_development_plan_count = fields.Integer(
        compute="_compute_performance_career", groups="hr.group_hr_user"
    )
    performance_skill_gap_ids = fields.Many2many(
        "performance.development.plan.skill",
        string="Skill Gap",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    # Recognition & Rewards
    performance_recognition_count = fields.Integer(
        compute="_compute_performance_recognition_count", groups="hr.group_hr_user"
    )
    performance_reward_count = fields.Integer(
        compute="_compute_performance_recognition_count", groups="hr.group_hr_user"
    )

    def _compute_performance_career(self):
        Plan = self.env["performance.development.plan"]
        plans = Plan.search(
            [("employee_id", "in", self.ids), ("state", "in", ("draft", "active"))],
            order="state desc, date_start desc, id desc",
        )
        counts = dict(
            Plan._read_group([("employee_id", "in", self.ids)], ["employee_id"], ["__count"])
        )
        for employee in self:
            plan = plans.filtered(lambda p, employee=employee: p.employee_id == employee)[:1]
            step = plan.current_step_id or Plan._guess_current_step(employee)
            employee.performance_development_plan_id = plan
            employee.performance_career_step_id = step
            employee.performance_next_step_ids = step.next_step_ids
            employee.performance_development_plan_count = counts.get(employee, 0)
            employee.performance_skill_gap_ids = plan.skill_line_ids

    def _compute_performance_recognition_count(self):
        recognitions = dict(
            self.env["performance.recognition"]._read_group(
                [("receiver_ids", "in", self.ids)], ["receiver_ids"], ["__count"]
            )
        )
        rewards = dict(
            self.env["performance.reward"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.performance_recognition_count = recognitions.get(employee, 0)
            employee.performance_reward_count = rewards.get(employee, 0)

    def _performance_employee_action(self, xml_id, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_open_performance_development_plans(self):
        return self._performance_employee_action(
            "performance_management.performance_development_plan_action",
            [("employee_id", "=", self.id)],
            {"default_employee_id": self.id},
        )

    def action_open_performance_recognitions(self):
        return self._performance_employee_action(
            "performance_management.performance_recognition_action_list",
            [("receiver_ids", "in", self.ids)],
            {"default_receiver_ids": self.ids},
        )

    def action_open_performance_rewards(self):
        return self._performance_employee_action(
            "performance_management.performance_reward_action",
            [("employee_id", "=", self.id)],
            {"default_employee_id": self.id},
        )

    # Reviews
    performance_review_count = fields.Integer(
        compute="_compute_performance_review_count", groups="hr.group_hr_user"
    )

    def _compute_performance_review_count(self):
        counts = dict(
            self.env["performance.review"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.performance_review_count = counts.get(employee, 0)

    def action_open_performance_reviews(self):
        return self._performance_employee_action(
            "performance_management.performance_review_action",
            [("employee_id", "=", self.id)],
            {"default_employee_id": self.id},
        )

    # Feedback & Coaching, Performance Issues
    performance_feedback_count = fields.Integer(
        compute="_compute_performance_feedback_counts", groups="hr.group_hr_user"
    )
    performance_coaching_count = fields.Integer(
        compute="_compute_performance_feedback_counts", groups="hr.group_hr_user"
    )
    performance_improvement_plan_count = fields.Integer(
        compute="_compute_performance_feedback_counts", groups="hr.group_hr_user"
    )

    def _compute_performance_feedback_counts(self):
        # Counted with the reader's rights: a plan nobody shows you is not counted either.
        counts = {}
        for model, field in (
            ("performance.feedback", "performance_feedback_count"),
            ("performance.coaching.log", "performance_coaching_count"),
            ("performance.improvement.plan", "performance_improvement_plan_count"),
        ):
            domain = [("employee_id", "in", self.ids)]
            if model == "performance.feedback":
                domain.append(("state", "=", "done"))
            counts[field] = dict(self.env[model]._read_group(domain, ["employee_id"], ["__count"]))
        for employee in self:
            for field, by_employee in counts.items():
                employee[field] = by_employee.get(employee, 0)

    def _performance_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id, "search_default_employee_id": self.id}
        return action

    def action_open_performance_feedback(self):
        return self._performance_action("performance_management.performance_feedback_action")

    def action_open_performance_coaching(self):
        return self._performance_action("performance_management.performance_coaching_log_action")

    def action_open_performance_improvement_plans(self):
        return self._performance_action(
            "performance_management.performance_improvement_plan_action"
        )

    def action_open_performance_journal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Performance Journal"),
            "res_model": "performance.journal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.id},
        }

    # Goals
    performance_goal_ids = fields.One2many(
        "performance.goal", "employee_id", string="Goals", groups="hr.group_hr_user"
    )
    performance_goal_count = fields.Integer(
        compute="_compute_performance_goal_count", groups="hr.group_hr_user"
    )

    def _compute_performance_goal_count(self):
        counts = dict(
            self.env["performance.goal"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.performance_goal_count = counts.get(employee, 0)

    def action_open_performance_goals(self):
        return self._performance_action("performance_management.performance_goal_action")
