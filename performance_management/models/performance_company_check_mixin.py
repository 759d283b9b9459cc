from odoo import models


class PerformanceCompanyCheckMixin(models.AbstractModel):
    """Company consistency of a batch checked once per company, not once per record."""

    _name = "performance.company.check.mixin"
    _description = "Batched Company Check"

    def _check_company(self, fnames=None):
        """Check the union of the linked records of each company in one filter.

        A linked record fits its company's rule whatever record links it, so the union of
        a company's links passes exactly when every record does. Only when it fails does
        the record-by-record check run, for its message naming the culprits. A launch
        creates thousands of reviews at once: Odoo's check filters their links one by one.
        """
        if len(self) < 2:
            return super()._check_company(fnames)
        if fnames is None or {"company_id", "company_ids"} & set(fnames):
            fnames = self._fields
        fields_to_check = [self._fields[name] for name in fnames]
        fields_to_check = [
            field for field in fields_to_check if field.relational and field.check_company
        ]
        if any(field.company_dependent for field in fields_to_check):
            return super()._check_company(fnames)
        # sudo: reads only company ids of the records being checked, as Odoo's _check_company
        for company, group in self.sudo().grouped("company_id").items():
            for field in fields_to_check:
                linked = group[field.name]
                domain = linked._check_company_domain(company) if linked else None
                if domain and linked != linked.with_context(active_test=False).filtered_domain(
                    domain
                ):
                    return super()._check_company(fnames)
        return None
