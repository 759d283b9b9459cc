from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import FiniteFloat


class PerformanceMeritMatrix(models.Model):
    """One cell of the merit matrix: from this final rating and this goal attainment
    upwards, propose this raise."""

    _name = "performance.merit.matrix"
    _description = "Merit Matrix Cell"
    _order = "company_id, rating_min desc, attainment_min desc"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    rating_min = FiniteFloat(string="Final Rating From", required=True, digits=(16, 2))
    attainment_min = FiniteFloat(string="Goal Attainment From (%)", required=True)
    raise_percent = FiniteFloat(string="Proposed Raise (%)", required=True, digits=(16, 2))

    @api.constrains("rating_min", "attainment_min", "raise_percent", "company_id")
    def _check_cell(self):
        for cell in self:
            if cell.rating_min < 0 or cell.attainment_min < 0 or cell.raise_percent < 0:
                raise ValidationError(
                    self.env._("Merit matrix ratings, attainments and raises cannot be negative.")
                )
            if self.search_count(
                [
                    ("id", "!=", cell.id),
                    ("company_id", "=", cell.company_id.id),
                    ("rating_min", "=", cell.rating_min),
                    ("attainment_min", "=", cell.attainment_min),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "The merit matrix already has a cell for a rating from %(rating)s and an "
                        "attainment from %(attainment)s%%.",
                        rating=cell.rating_min,
                        attainment=cell.attainment_min,
                    )
                )

    @api.model
    def _get_raise_percent(self, rating, attainment, company=None):
        """The raise of the cell with the highest thresholds that rating and attainment reach.

        Returns None when no cell applies (e.g. a rating below every threshold).
        """
        cell = self._get_cell(rating, attainment, company)
        return cell.raise_percent if cell else None

    @api.model
    def _get_cell(self, rating, attainment, company=None):
        """The cell with the highest thresholds that rating and attainment reach, in sudo."""
        company = company or self.env.company
        # sudo: the company's matrix cell applies to a reward the user recommends (not secret)
        return self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("rating_min", "<=", rating),
                ("attainment_min", "<=", attainment),
            ],
            order="rating_min desc, attainment_min desc",
            limit=1,
        )
