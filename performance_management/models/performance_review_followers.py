from odoo import models


class PerformanceReview(models.Model):
    """A launch makes each assignee a follower in one insert, before the to-dos."""

    _inherit = "performance.review"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # mail.activity subscribes its assignee once per user, a query or more each: the
        # launch already made them followers (performance.cycle._launch_subscribe).
        if self.env.context.get("performance_followers_set"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)


class PerformanceFeedback(models.Model):
    """Feedback requests of a launch: their authors follow them from one insert."""

    _inherit = "performance.feedback"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if self.env.context.get("performance_followers_set"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
