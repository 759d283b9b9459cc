from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import FiniteFloat, is_officer, settable

# Columns a launch fills, with their SQL array types.
_BULK_COLUMNS = {
    "review_id": "int4",
    "company_id": "int4",
    "employee_id": "int4",
    "sequence": "int4",
    "display_type": "varchar",
    "name": "varchar",
    "description": "text",
    "kind": "varchar",
    "role": "varchar",
    "weight": "float8",
    "skill_id": "int4",
    "skill_type_id": "int4",
    "expected_level_id": "int4",
    "goal_id": "int4",
    "achievement": "float8",
    "score": "float8",
}


class PerformanceReviewLine(models.Model):
    """One answer of a review: a question, a competency or a goal, for one role.

    The employee's and the manager's answers are separate lines, so record rules can hide
    the manager's ratings from the employee until the review is released.
    """

    _name = "performance.review.line"
    _description = "Review Line"
    _order = "review_id, sequence, id"

    # What the template set at launch: who answers, what, and how much it weighs. Fixed
    # once the line exists (as account.move.line protects a posted entry's fields); an
    # officer still corrects a weight the template got wrong.
    _STRUCTURE_FIELDS = frozenset(
        {"review_id", "role", "kind", "display_type", "goal_id", "skill_id"}
        | {"skill_type_id", "expected_level_id"}
    )

    review_id = fields.Many2one(
        "performance.review", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    employee_id = fields.Many2one(related="review_id.employee_id", store=True, index=True)
    review_state = fields.Selection(related="review_id.state")
    sequence = fields.Integer(default=10)
    display_type = fields.Selection([("line_section", "Section")])
    name = fields.Char(required=True)
    description = fields.Text()
    kind = fields.Selection(
        [("rating", "Rating"), ("text", "Text"), ("competency", "Competency"), ("goal", "Goal")],
        default="rating",
    )
    role = fields.Selection(
        [("shared", "Shared"), ("employee", "Employee"), ("manager", "Manager")],
        required=True,
        default="employee",
        index=True,
    )
    weight = FiniteFloat(default=1.0)
    scale_id = fields.Many2one(related="review_id.template_id.scale_id")
    rating_id = fields.Many2one(
        "performance.rating.scale.level",
        domain="[('scale_id', '=', scale_id)]",
    )
    rating_description = fields.Text(related="rating_id.description", string="Rating Meaning")
    answer = fields.Text()
    self_answer_display = fields.Char(
        string="Employee's Answer",
        compute="_compute_self_answer_display",
        help="On the manager's line: what the employee answered to the same question, "
        "as far as the reader may see it.",
    )
    skill_id = fields.Many2one("hr.skill")
    skill_type_id = fields.Many2one("hr.skill.type")
    expected_level_id = fields.Many2one("hr.skill.level")
    skill_level_id = fields.Many2one(
        "hr.skill.level", string="Level", domain="[('skill_type_id', '=', skill_type_id)]"
    )
    goal_id = fields.Many2one("performance.goal")
    achievement = FiniteFloat(string="Achievement (%)")
    score = FiniteFloat(compute="_compute_score", store=True, help="Normalised 0-100.")

    @api.depends(
        "rating_id.value",
        # a rating is normalised on its scale's range: a level edited after use moves it
        "rating_id.scale_id.level_ids.value",
        "skill_level_id.level_progress",
        "achievement",
        "kind",
    )
    def _compute_score(self):
        for line in self:
            if line.kind == "rating" and line.rating_id:
                line.score = line.rating_id.scale_id._normalize(line.rating_id.value)
            elif line.kind == "competency" and line.skill_level_id:
                line.score = line.skill_level_id.level_progress
            elif line.kind == "goal":
                line.score = line.achievement
            else:
                line.score = 0.0

    @api.depends("review_id", "sequence", "kind", "skill_id")
    @api.depends_context("uid")
    def _compute_self_answer_display(self):
        manager_lines = self.filtered(lambda line: line.role == "manager" and line._origin.id)
        # with the reader's rights: the employee's lines he may read, nothing more
        theirs = self.search(
            [
                ("review_id", "in", manager_lines.review_id.ids),
                ("role", "=", "employee"),
                ("display_type", "=", False),
            ]
        )
        by_question = {
            (line.review_id.id, line.sequence, line.kind, line.skill_id.id): line
            for line in theirs
        }
        for line in self:
            mine = (
                by_question.get((line.review_id.id, line.sequence, line.kind, line.skill_id.id))
                if line in manager_lines
                else None
            )
            parts = [
                mine.rating_id.name if mine else None,
                mine.skill_level_id.name if mine else None,
                mine.answer if mine else None,
            ]
            line.self_answer_display = " · ".join(part for part in parts if part) or False

    @api.constrains("rating_id", "skill_level_id", "achievement")
    def _check_rating(self):
        for line in self:
            if line.rating_id and line.rating_id.scale_id != line.scale_id:
                raise ValidationError(
                    self.env._(
                        "The rating %(rating)s is not a level of the scale %(scale)s.",
                        rating=line.rating_id.name,
                        scale=line.scale_id.name,
                    )
                )
            if line.skill_level_id and line.skill_level_id.skill_type_id != line.skill_type_id:
                raise ValidationError(
                    self.env._(
                        "The level %(level)s does not belong to the skill %(skill)s.",
                        level=line.skill_level_id.name,
                        skill=line.name,
                    )
                )
            if not 0 <= line.achievement <= 100:
                raise ValidationError(self.env._("An achievement lies between 0 and 100%."))

    @api.model
    def _bulk_insert(self, vals_list):
        """Insert the lines of a launch in one query, whatever the number of reviews.

        The ORM inserts by chunks of a hundred rows; a cycle of thousands of reviews with a
        dozen lines each would cost hundreds of queries per batch.
        """
        if not vals_list:
            return
        # what the ORM would fill: the fields' defaults, then the stored compute of a new line
        defaults = self.default_get(list(_BULK_COLUMNS))
        vals_list = [{**defaults, **vals} for vals in vals_list]
        for vals in vals_list:
            vals.setdefault(
                "score", vals.get("achievement", 0.0) if vals.get("kind") == "goal" else 0.0
            )
        arrays = [
            SQL(
                "%s::%s[]",
                [None if vals.get(column) is False else vals.get(column) for vals in vals_list],
                SQL.identifier(sql_type),
            )
            for column, sql_type in _BULK_COLUMNS.items()
        ]
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s, create_uid, create_date, write_uid, write_date) "
                "SELECT *, %s, %s, %s, %s FROM unnest(%s)",
                SQL.identifier(self._table),
                SQL(", ").join(SQL.identifier(column) for column in _BULK_COLUMNS),
                self.env.uid,
                now,
                self.env.uid,
                now,
                SQL(", ").join(arrays),
            )
        )

    @api.model
    def _weighted_scores(self, reviews):
        """Per review, then role and kind of its scored lines: (sum of score x weight, of weight).

        Scored lines are goals, rated questions and assessed competencies. One grouped
        query for a batch instead of loading every line: the scores of a launch's thousands
        of reviews are computed on lines inserted in SQL.
        """
        self.flush_model(
            ["review_id", "role", "kind", "score", "weight", "rating_id", "skill_level_id"]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT review_id, role, kind, SUM(score * weight), SUM(weight)
                  FROM performance_review_line
                 WHERE review_id = ANY(%s)
                   AND (kind = 'goal'
                        OR (kind = 'rating' AND rating_id IS NOT NULL)
                        OR (kind = 'competency' AND skill_level_id IS NOT NULL))
                 GROUP BY review_id, role, kind
                """,
                list(reviews.ids),
            )
        )
        result = {review_id: {} for review_id in reviews.ids}
        for review_id, role, kind, weighted, weight in rows:
            result[review_id][role, kind] = (weighted, weight)
        return result

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        self._check_can_edit()
        if not self.env.su and (
            vals.keys() & self._STRUCTURE_FIELDS
            or "weight" in vals
            and not is_officer(self.env.user)
        ):
            raise UserError(
                self.env._("The questions of a review are set by its template: they stay.")
            )
        return super().write(vals)

    def _check_can_edit(self):
        """Each part is written by its author, and only during its phase."""
        if self.env.su:
            return
        officer = is_officer(self.env.user)
        for line in self:
            review = line.review_id
            if review.state in ("released", "done", "cancel"):
                raise UserError(
                    self.env._(
                        "The review of %(employee)s is locked.", employee=review.employee_id.name
                    )
                )
            if line.role == "employee":
                allowed = review.state == "self_review" and (
                    officer or review.employee_id.user_id == self.env.user
                )
                if not allowed:
                    raise UserError(
                        self.env._(
                            "The self review can only be written by the employee "
                            "during the self-review phase."
                        )
                    )
            elif line.role == "manager":
                allowed = (
                    review.state == "manager_review" and (officer or review._is_reviewer())
                ) or (review.state == "calibration" and officer)
                if not allowed:
                    raise UserError(
                        self.env._(
                            "The manager review can only be written by the reviewer "
                            "during the manager-review phase."
                        )
                    )
            elif not officer:
                raise UserError(self.env._("Only performance officers can change this line."))
