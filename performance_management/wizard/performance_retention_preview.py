from odoo import api, fields, models

PREVIEW_LIMIT = 1000


class PerformanceRetentionPreview(models.TransientModel):
    """What the next run of the retention rules will erase: counts per rule, and a list."""

    _name = "performance.retention.preview"
    _description = "Retention Preview"

    rule_ids = fields.Many2many("performance.retention.rule", string="Rules", readonly=True)
    line_ids = fields.One2many(
        "performance.retention.preview.line", "preview_id", string="Records", readonly=True
    )
    total = fields.Integer(string="Records to Erase", readonly=True)
    summary = fields.Text(readonly=True)

    @api.model
    def _open(self, rules=None):
        preview = self.create({})
        preview._fill(rules)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Retention Preview"),
            "res_model": self._name,
            "res_id": preview.id,
            "view_mode": "form",
            "target": "new",
        }

    def _fill(self, rules=None):
        # the rules this administrator reaches (record rules of the retention rules); the
        # records themselves are read by the rules' superuser search, as the run does
        rules = rules or self.env["performance.retention.rule"].search([])
        rules.check_access("write")
        lines, summary, total = [], [], 0
        for rule in rules:
            domain = rule._get_domain()
            Model = rule._get_model()
            count = Model.search_count(domain)
            total += count
            summary.append(
                self.env._(
                    "%(rule)s (%(company)s): %(count)s",
                    rule=rule.name,
                    company=rule.company_id.name,
                    count=count,
                )
            )
            for record in Model.search(domain, limit=PREVIEW_LIMIT, order="id"):
                lines.append(
                    {
                        "rule_id": rule.id,
                        "res_model": record._name,
                        "res_id": record.id,
                        "name": record.display_name,
                    }
                )
        self.write(
            {
                "rule_ids": [fields.Command.set(rules.ids)],
                "total": total,
                "summary": "\n".join(summary),
                "line_ids": [fields.Command.create(vals) for vals in lines],
            }
        )
