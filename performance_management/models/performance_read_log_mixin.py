from odoo import api, models


class PerformanceReadLogMixin(models.AbstractModel):
    """Sensitive records: their reads in the backend and their exports are logged."""

    _name = "performance.read.log.mixin"
    _description = "Logged Reads of Sensitive Records"

    @api.readonly
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        # the form, list and JSON-RPC reads (web_read reads through read)
        self._performance_log_read("backend")
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        self._performance_log_read("export")
        return result

    def _performance_log_read(self, path):
        self.env["performance.read.log"]._log_reads(self, path)

    def action_open_read_log(self):
        """Who opened this record, as far as the log's rules let the user see."""
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Opened By"),
            "res_model": "performance.read.log",
            "view_mode": "list",
            "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
            "context": {"search_default_filter_others": 1},
        }


# The sensitive models of the addon take the mixin here, in one place (their own files stay
# as they are). 360 answers (survey.user_input, a host model) are logged by the exports.
class PerformanceImprovementPlan(models.Model):
    _name = "performance.improvement.plan"
    _inherit = ("performance.improvement.plan", "performance.read.log.mixin")


class PerformanceImprovementNote(models.Model):
    _name = "performance.improvement.note"
    _inherit = ("performance.improvement.note", "performance.read.log.mixin")


class PerformanceCoachingNote(models.Model):
    _name = "performance.coaching.note"
    _inherit = ("performance.coaching.note", "performance.read.log.mixin")


class PerformanceReviewNote(models.Model):
    _name = "performance.review.note"
    _inherit = ("performance.review.note", "performance.read.log.mixin")


class PerformanceCalibrationLog(models.Model):
    _name = "performance.calibration.log"
    _inherit = ("performance.calibration.log", "performance.read.log.mixin")


class PerformanceReward(models.Model):
    _name = "performance.reward"
    _inherit = ("performance.reward", "performance.read.log.mixin")


class PerformanceReview(models.Model):
    _name = "performance.review"
    _inherit = ("performance.review", "performance.read.log.mixin")
