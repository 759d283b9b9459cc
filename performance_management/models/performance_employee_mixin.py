from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import percent


class PerformanceEmployeeMixin(models.AbstractModel):
    """Smart-button counters shared by the private and the public employee forms."""

    _name = "performance.employee.mixin"
    _description = "Performance Counters of an Employee"

    # One counter per area of the overview, read with the reader's rights
    # (_get_performance_count_specs says what each one counts).
    performance_goal_count = fields.Integer(compute="_compute_performance_counts")
    performance_review_count = fields.Integer(compute="_compute_performance_counts")
    performance_feedback_count = fields.Integer(compute="_compute_performance_counts")
    performance_coaching_count = fields.Integer(compute="_compute_performance_counts")
    performance_improvement_plan_count = fields.Integer(compute="_compute_performance_counts")
    performance_development_plan_count = fields.Integer(compute="_compute_performance_counts")
    performance_recognition_count = fields.Integer(compute="_compute_performance_counts")
    performance_reward_count = fields.Integer(compute="_compute_performance_counts")

    # The manager chain as the record rules read it: "employee_id.performance_chain_ids in
    # user.employee_ids.ids" is Odoo's "employee_id child_of me" in one recursive subquery on
    # hr_employee.parent_id as it is now, whoever wrote it (a form, an SQL import, a
    # migration): nothing to keep in step, and no query per level of the tree as child_of
    # makes (benchmarks/README.md). Mirrored on the public employee (parent_id is public).
    performance_chain_ids = fields.Many2many(
        "hr.employee",
        string="Reporting Chain",
        compute="_compute_performance_chain_ids",
        compute_sudo=True,  # the org chart is public (parent_id is on the public employee)
        search="_search_performance_chain_ids",
        help="The employee and everyone above them in the manager chain.",
    )

    def _performance_chains(self):
        """{employee id: [the employee, their manager, ...]} up parent_id, as stored now.

        One recursive query at any depth. Odoo accepts any manager graph (its demo makes
        Mitchell Admin his own manager): the walk stops at a person already met, as Odoo's
        parent_of does.
        """
        starts = [employee_id for employee_id in self._origin.ids if employee_id]
        if not starts:
            return {}
        self.env["hr.employee"].flush_model(["parent_id"])
        self.env.cr.execute(
            SQL(
                """
                WITH RECURSIVE up(employee_id, manager_id, depth, seen) AS (
                    SELECT id, id, 0, ARRAY[id] FROM hr_employee WHERE id = ANY(%s)
                    UNION ALL
                    SELECT up.employee_id, boss.parent_id, up.depth + 1, up.seen || boss.parent_id
                      FROM up
                      JOIN hr_employee boss ON boss.id = up.manager_id
                     WHERE boss.parent_id IS NOT NULL AND boss.parent_id <> ALL(up.seen)
                )
                SELECT employee_id, array_agg(manager_id ORDER BY depth) FROM up
                 GROUP BY employee_id
                """,
                starts,
            )
        )
        return dict(self.env.cr.fetchall())

    def _compute_performance_chain_ids(self):
        chains = self._performance_chains()
        for employee in self:
            employee.performance_chain_ids = self.env["hr.employee"].browse(
                chains.get(employee._origin.id, [])
            )

    def _search_performance_chain_ids(self, operator, value):
        if operator in ("any", "not any"):
            # e.g. "performance_chain_ids.user_id = uid" in a search filter: the managers are
            # searched with the reader's rights
            value = self.env["hr.employee"].search(value).ids
            operator = "in" if operator == "any" else "not in"
        if operator not in ("in", "not in"):
            return NotImplemented
        manager_ids = [manager_id for manager_id in value if isinstance(manager_id, int)]
        query = self._performance_reports_query(manager_ids)
        return Domain("id", "any!" if operator == "in" else "not any!", query)

    @api.model
    def _performance_reports_query(self, manager_ids):
        """SQL selecting these employees and everyone below them, from parent_id as it is.

        Odoo accepts any manager graph (its demo makes Mitchell Admin his own manager):
        ``UNION`` keeps each person once, so a self-managed employee or a manager loop ends,
        and everyone in a loop stands above everyone else in it, as Odoo's child_of reads it.
        """
        self.env["hr.employee"].flush_model(["parent_id"])
        return SQL(
            """
            WITH RECURSIVE below(id) AS (
                SELECT id FROM hr_employee WHERE id = ANY(%s)
                UNION
                SELECT employee.id
                  FROM hr_employee employee
                  JOIN below ON employee.parent_id = below.id
            )
            SELECT id FROM below
            """,
            list(manager_ids),
        )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_performance_counts(self):
        self._compute_performance_count_fields(
            [
                name
                for name, field in self._fields.items()
                if field.compute == "_compute_performance_counts"
            ]
        )

    @api.model
    def _get_performance_count_specs(self):
        """What each smart button counts: {field: (model, employee field, extra domain)}.

        The area's button opens the same records (_performance_open_area). Another area
        adds its counter by extending this dict and _get_performance_area_actions.
        """
        return {
            "performance_goal_count": ("performance.goal", "employee_id", Domain.TRUE),
            "performance_review_count": ("performance.review", "employee_id", Domain.TRUE),
            "performance_feedback_count": (
                "performance.feedback",
                "employee_id",
                Domain("state", "=", "done"),
            ),
            "performance_coaching_count": ("performance.coaching.log", "employee_id", Domain.TRUE),
            "performance_improvement_plan_count": (
                "performance.improvement.plan",
                "employee_id",
                Domain.TRUE,
            ),
            "performance_development_plan_count": (
                "performance.development.plan",
                "employee_id",
                Domain.TRUE,
            ),
            "performance_recognition_count": (
                "performance.recognition",
                "receiver_ids",
                Domain.TRUE,
            ),
            "performance_reward_count": ("performance.reward", "employee_id", Domain.TRUE),
        }

    def _compute_performance_count_fields(self, field_names):
        """Set the counters ``field_names`` of ``self``: one grouped query per counter.

        Counted with the reader's rights (record rules included): a button never shows
        more records than its action opens for this reader.
        """
        specs = self._get_performance_count_specs()
        employee_ids = [employee_id for employee_id in self._origin.ids if employee_id]
        for field_name in field_names:
            model, employee_field, domain = specs[field_name]
            Model = self.env[model]
            counts = {}
            if employee_ids and Model.has_access("read"):
                counts = {
                    employee.id: count
                    for employee, count in Model._read_group(
                        Domain(employee_field, "in", employee_ids) & domain,
                        [employee_field],
                        ["__count"],
                    )
                }
            for record in self:
                record[field_name] = counts.get(record._origin.id, 0)

    @api.model
    def _get_performance_overview_specs(self):
        """The areas of the overview, in order: {counter: (label, icon, button, date, extra)}.

        Each area lists the records its counter counts (same model and domain) and opens the
        rest with its button; ``extra`` names the fields shown beside the name (a selection
        is shown by its label, a float as a percentage).
        """
        return {
            "performance_goal_count": (
                self.env._("Goals"),
                "fa-bullseye",
                "action_open_performance_goals",
                "date_deadline",
                ("state", "progress"),
            ),
            "performance_review_count": (
                self.env._("Reviews"),
                "fa-star-half-o",
                "action_open_performance_reviews",
                "date_end",
                ("state",),
            ),
            "performance_feedback_count": (
                self.env._("Feedback"),
                "fa-comments",
                "action_open_performance_feedback",
                "date",
                ("feedback_type",),
            ),
            "performance_coaching_count": (
                self.env._("1:1s"),
                "fa-handshake-o",
                "action_open_performance_coaching",
                "date_start",
                ("state",),
            ),
            "performance_improvement_plan_count": (
                self.env._("Improvement Plans"),
                "fa-life-ring",
                "action_open_performance_improvement_plans",
                "date_end",
                ("state",),
            ),
            "performance_development_plan_count": (
                self.env._("Development"),
                "fa-line-chart",
                "action_open_performance_development_plans",
                "date_end",
                ("state", "readiness"),
            ),
            "performance_recognition_count": (
                self.env._("Kudos"),
                "fa-heart",
                "action_open_performance_recognitions",
                "date",
                ("value_id",),
            ),
            "performance_reward_count": (
                self.env._("Rewards"),
                "fa-gift",
                "action_open_performance_rewards",
                "create_date",
                ("kind", "state"),
            ),
        }

    def _performance_overview_sections(self, show_private, limit=5):
        """The areas of one employee's overview, each searched with the reader's rights.

        An area shows when the reader may see the employee's private areas (an officer,
        the employee, the manager chain) or when it holds records the reader may open; the
        confidential improvement plans show to the first ones only, and only when there
        are some. Nothing is read in sudo: the rows are what the reader's rules return.
        """
        self.ensure_one()
        specs = self._get_performance_count_specs()
        sections = []
        for counter, (
            label,
            icon,
            button,
            date_field,
            extra,
        ) in self._get_performance_overview_specs().items():
            model, employee_field, domain = specs[counter]
            Model = self.env[model]
            if not Model.has_access("read"):
                continue
            domain = Domain(employee_field, "in", self._origin.ids) & domain
            confidential = counter == "performance_improvement_plan_count"
            if confidential and not show_private:
                continue
            count = Model.search_count(domain)
            if not count and (confidential or not show_private):
                continue
            rows = [
                self._performance_overview_row(Model, row, date_field)
                for row in Model.search_read(
                    domain, ["display_name", date_field, *extra], limit=limit
                )
            ]
            sections.append(
                {
                    "key": counter.removeprefix("performance_").removesuffix("_count"),
                    "label": label,
                    "icon": icon,
                    "button": button,
                    "model": model,
                    "count": count,
                    "rows": rows,
                }
            )
        return sections

    @api.model
    def _performance_overview_row(self, Model, row, date_field):
        details, progress = [], None
        for name, value in row.items():
            if name in ("id", "display_name", date_field):
                continue
            field = Model._fields[name]
            if field.type == "selection":
                labels = dict(field._description_selection(self.env))
                details.append({"field": name, "value": labels.get(value, "")})
            elif field.type == "float":
                # the whole percentage every other screen shows (tools.percent)
                progress = percent(value)
            elif field.type == "many2one" and value:
                details.append({"field": name, "value": value[1]})
        date = row.get(date_field)
        return {
            "id": row["id"],
            "name": row["display_name"],
            "date": fields.Date.to_string(date) if date else False,
            "details": details,
            "progress": progress,
        }

    @api.model
    def _get_performance_area_actions(self):
        """The action each area's button opens: {counter: (action xml id, search filter)}.

        The action lists the employee's records of the counter's model (all of them: its
        own filters narrow them); with ``search filter`` its search starts on the employee.
        """
        return {
            "performance_goal_count": ("performance_management.performance_goal_action", True),
            "performance_review_count": (
                "performance_management.performance_review_action",
                False,
            ),
            "performance_feedback_count": (
                "performance_management.performance_feedback_action",
                True,
            ),
            "performance_coaching_count": (
                "performance_management.performance_coaching_log_action",
                True,
            ),
            "performance_improvement_plan_count": (
                "performance_management.performance_improvement_plan_action",
                True,
            ),
            "performance_development_plan_count": (
                "performance_management.performance_development_plan_action",
                False,
            ),
            "performance_recognition_count": (
                "performance_management.performance_recognition_action_list",
                False,
            ),
            "performance_reward_count": (
                "performance_management.performance_reward_action",
                False,
            ),
        }

    def _performance_open_area(self, counter):
        """The action listing the records ``counter`` counts for this employee.

        The public employee shares its id with the employee: both forms open the same.
        """
        self.ensure_one()
        xml_id, search_filter = self._get_performance_area_actions()[counter]
        model, employee_field, _domain = self._get_performance_count_specs()[counter]
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        employee_id = self._origin.id
        if self.env[model]._fields[employee_field].type == "many2many":
            action["domain"] = [(employee_field, "in", [employee_id])]
            action["context"] = {f"default_{employee_field}": [employee_id]}
            return action
        action["domain"] = [(employee_field, "=", employee_id)]
        action["context"] = {f"default_{employee_field}": employee_id}
        if search_filter:
            action["context"][f"search_default_{employee_field}"] = employee_id
        return action

    def action_open_performance_goals(self):
        return self._performance_open_area("performance_goal_count")

    def action_open_performance_reviews(self):
        return self._performance_open_area("performance_review_count")

    def action_open_performance_feedback(self):
        action = self._performance_open_area("performance_feedback_count")
        # "Give Feedback" from there gives it to this employee
        action["context"]["default_employee_ids"] = [self._origin.id]
        return action

    def action_open_performance_coaching(self):
        return self._performance_open_area("performance_coaching_count")

    def action_open_performance_improvement_plans(self):
        return self._performance_open_area("performance_improvement_plan_count")

    def action_open_performance_development_plans(self):
        return self._performance_open_area("performance_development_plan_count")

    def action_open_performance_recognitions(self):
        return self._performance_open_area("performance_recognition_count")

    def action_open_performance_rewards(self):
        return self._performance_open_area("performance_reward_count")

    def action_open_performance_journal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Performance Journal"),
            "res_model": "performance.journal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self._origin.id},
        }

    def action_open_performance_overview(self):
        """The one Performance button of the employee forms: the overview of every area."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "performance_employee_overview",
            "name": self.env._("Performance of %(name)s", name=self.name),
            "params": {"employee_id": self._origin.id},
            "context": {"active_id": self._origin.id},
        }
