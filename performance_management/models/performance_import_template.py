from odoo import api, models


class PerformanceGoal(models.Model):
    _inherit = "performance.goal"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Goals"),
                "template": "/performance_management/static/import/performance_goal.csv",
            }
        ]


class PerformanceKeyResult(models.Model):
    _inherit = "performance.key.result"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Key Results"),
                "template": "/performance_management/static/import/performance_key_result.csv",
            }
        ]


class PerformanceRecognition(models.Model):
    _inherit = "performance.recognition"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Recognition"),
                "template": "/performance_management/static/import/performance_recognition.csv",
            }
        ]
