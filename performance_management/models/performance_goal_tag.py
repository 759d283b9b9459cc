from random import randint

from odoo import fields, models


class PerformanceGoalTag(models.Model):
    """A label to sort goals, e.g. Growth, Quality or Customer."""

    _name = "performance.goal.tag"
    _description = "Goal Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(default=lambda self: randint(1, 11))
    active = fields.Boolean(default=True)

    _name_unique = models.UniqueIndex("(name)", "A goal tag with this name already exists.")
