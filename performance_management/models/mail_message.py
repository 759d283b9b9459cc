from odoo import api, models
from odoo.fields import Domain

# Their employee reads them, but not the notes their managers and HR log on them.
CONFIDENTIAL_MODELS = ("performance.review", "performance.improvement.plan")


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, *, bypass_access=False, **kwargs):
        if not (self.env.su or bypass_access):
            visible = self._performance_visible_domain()
            if visible is not None:
                domain = Domain(domain) & visible
        return super()._search(domain, offset, limit, order, bypass_access=bypass_access, **kwargs)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation == "read" and (rest := self - forbidden):
            visible = self._performance_visible_domain()
            if visible is not None:
                # sudo: the domain reads message fields the reader is being checked on
                forbidden += (rest - rest.sudo().filtered_domain(visible)).with_env(self.env)
        return forbidden

    @api.model
    def _performance_visible_domain(self):
        """Messages an internal user reads on the reviews and plans he is the subject of:
        those Odoo shows to portal users (no internal note, log or tracking), his own and
        those sent to him. None when the user sees every message of his documents."""
        user = self.env.user
        if (
            self.env.su
            or not user._is_internal()
            or user.has_group("performance_management.group_performance_officer")
        ):
            return None
        # sudo: the user's own employees, as the record rules read them
        employees = user.sudo().employee_ids
        if not employees:
            return None
        subject_of = []
        for model in CONFIDENTIAL_MODELS:
            # sudo: ids of the user's own records, only to decide what he does not read
            records = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([("employee_id", "in", employees.ids)])
            )
            records = records.filtered(lambda r: not self._performance_manages(r, employees))
            if records:
                subject_of.append(
                    Domain("model", "=", model) & Domain("res_id", "in", records.ids)
                )
        if not subject_of:
            return None
        partner = user.partner_id
        return Domain.OR(
            [
                ~Domain.OR(subject_of),
                self._get_search_domain_share(),
                Domain("author_id", "=", partner.id),
                Domain("partner_ids", "in", partner.ids),
            ]
        )

    @api.model
    def _performance_manages(self, record, employees):
        """Whether the user reads the record as its manager or HR, not only as its subject
        (a self-managed employee, an HR responsible)."""
        user = self.env.user
        if record._name == "performance.review":
            return record.with_env(self.env)._is_reviewer()
        return record.hr_responsible_id == user or record.employee_id._performance_reports_to(
            employees
        )
