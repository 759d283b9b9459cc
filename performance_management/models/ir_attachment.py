from odoo import api, models
from odoo.exceptions import AccessError

# Set by the review report while it stores its PDF: the only writer of a frozen review PDF.
# Its value is an object no request can carry: passed over RPC, the key opens nothing.
FREEZE_KEY = "performance_freeze_review_pdf"
FREEZE = object()
REVIEW_REPORT = "performance_management.report_performance_review"


class IrAttachment(models.Model):
    """The released PDF of a review is the report's attachment (attachment_use): whoever may
    write the review may attach files to it, so one of that name would be served as the
    review as released. Only the report stores it, and nobody changes it afterwards."""

    _inherit = "ir.attachment"

    @api.model
    def _performance_is_frozen_pdf(self, res_model, res_id, name):
        # the name the report's attachment expression gives (report/performance_review_report.xml)
        return bool(
            res_model == "performance.review"
            and res_id
            and name == f"Performance Review {res_id}.pdf"
        )

    def _performance_frozen(self):
        # sudo: the name and target of the attachments being changed, to know them frozen
        return self.sudo().filtered(
            lambda a: self._performance_is_frozen_pdf(a.res_model, a.res_id, a.name)
        )

    def _performance_check_freeze(self):
        if not (self.env.su and self.env.context.get(FREEZE_KEY) is FREEZE):
            raise AccessError(
                self.env._("The PDF of a released review is stored by the review alone.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(
            self._performance_is_frozen_pdf(
                vals.get("res_model"), vals.get("res_id"), vals.get("name")
            )
            for vals in vals_list
        ):
            self._performance_check_freeze()
        return super().create(vals_list)

    def write(self, vals):
        # every attachment write of the database passes here: sudo writes that keep their
        # target (most of Odoo's own) skip the lookup
        if not self.env.su and self._performance_frozen():
            raise AccessError(self.env._("The PDF of a released review cannot be changed."))
        if {"name", "res_model", "res_id"} & set(vals):
            # sudo: the target each attachment would have after this write
            others = (self - self._performance_frozen()).sudo()
            if any(
                self._performance_is_frozen_pdf(
                    vals.get("res_model", a.res_model),
                    vals.get("res_id", a.res_id),
                    vals.get("name", a.name),
                )
                for a in others
            ):
                self._performance_check_freeze()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen_review_pdf(self):
        if not self.env.su and self._performance_frozen():
            raise AccessError(self.env._("The PDF of a released review cannot be deleted."))
