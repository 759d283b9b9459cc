from odoo import fields, models


class PerformanceReview(models.Model):
    """What retention adds to a review: the mark of an anonymised one."""

    _inherit = "performance.review"  # pylint: disable=consider-merging-classes-inherited

    retention_anonymised = fields.Boolean(
        string="Anonymised", readonly=True, copy=False, help="Erased by a retention rule."
    )

    # Replaces the index of performance_review.py: the anonymised reviews of a cycle all
    # point at the company's one anonymised employee.
    _cycle_employee_unique = models.UniqueIndex(
        "(cycle_id, employee_id) WHERE cycle_id IS NOT NULL AND retention_anonymised IS NOT TRUE",
        "An employee has one review per cycle.",
    )
