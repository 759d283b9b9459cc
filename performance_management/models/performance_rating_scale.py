from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import FiniteFloat


class PerformanceRatingScale(models.Model):
    """A rating scale (e.g. 1 to 5) whose levels rate questions and the final result."""

    _name = "performance.rating.scale"
    _description = "Rating Scale"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    level_ids = fields.One2many("performance.rating.scale.level", "scale_id", string="Levels")
    min_value = FiniteFloat(compute="_compute_bounds")
    max_value = FiniteFloat(compute="_compute_bounds")

    @api.depends("level_ids.value")
    def _compute_bounds(self):
        for scale in self:
            values = scale.level_ids.mapped("value")
            scale.min_value = min(values) if values else 0.0
            scale.max_value = max(values) if values else 0.0

    @api.constrains("level_ids")
    def _check_level_ids(self):
        for scale in self:
            values = scale.level_ids.mapped("value")
            if len(values) != len(set(values)):
                raise ValidationError(
                    self.env._(
                        "Two levels of the scale %(scale)s have the same value.", scale=scale.name
                    )
                )
            targets = scale.level_ids.mapped("target_percent")
            if any(targets) and round(sum(targets), 2) != 100:
                raise ValidationError(
                    self.env._(
                        "The target distribution of the scale %(scale)s must add up to 100%%.",
                        scale=scale.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # sudo: templates of every company count, the database would refuse anyway
        if (
            self.env["performance.review.template"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("scale_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                self.env._("Review templates use this rating scale: archive it instead.")
            )

    def _normalize(self, value):
        """Map a level value onto 0-100 so scales of any size weigh the same."""
        self.ensure_one()
        if self.max_value == self.min_value:
            return 100.0
        return (value - self.min_value) * 100.0 / (self.max_value - self.min_value)

    def _level_for_score(self, score):
        """The level whose normalised value is closest to a 0-100 score."""
        self.ensure_one()
        if not self.level_ids:
            return self.env["performance.rating.scale.level"]
        # A tie (two levels at one value: an edited level is not checked by the scale's
        # constraint) goes to the level created first, whatever order the levels were read in.
        return min(
            self.level_ids,
            key=lambda level: (
                abs(self._normalize(level.value) - score),
                level.value,
                level._origin.id or 0,
            ),
        )
