import lxml.html

from odoo import models

from odoo.addons.base.models.ir_actions_report import _wkhtml

# Room left at the top and bottom of a page once the company blocks are in the body.
INLINE_LAYOUT_MARGIN_MM = "12"


class IrActionsReport(models.Model):
    """Performance documents carry the company header and footer on any wkhtmltopdf."""

    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        result = super()._render_qweb_html(report_ref, docids, data=data)
        # Only the addon's reports are looked at: another report costs no query more.
        if docids and (
            isinstance(report_ref, models.BaseModel)
            or str(report_ref).startswith("performance_management.")
        ):
            Model = self.env[self._get_report(report_ref).model]
            if hasattr(Model, "_performance_log_read"):
                # who printed a sensitive record (the reader, not the portal's sudo)
                Model.sudo(False).browse(docids)._performance_log_read("report")
        return result

    def _prepare_html(self, html, report_model=False):
        """Move the company header and footer into the body of each document.

        wkhtmltopdf built on an unpatched Qt (the one Linux distributions ship) ignores
        --header-html and --footer-html, so a performance review or an improvement plan would
        print without the company that issues it; nor does it take several documents in one
        run, so printing a selection of reviews would fail. With such a binary, each document
        gets its own header on top and its own footer below, and the documents go to
        wkhtmltopdf as one, each starting on a new page.
        """
        prepared = super()._prepare_html(html, report_model=report_model)
        if not prepared or not self._performance_inline_layout():
            return prepared
        bodies, res_ids, header, footer, paperformat_args = prepared
        headers = self._performance_layout_blocks(header, "minimal_layout_report_headers")
        footers = self._performance_layout_blocks(footer, "minimal_layout_report_footers")
        bodies = [
            self._performance_inline_blocks(
                body,
                headers[index] if index < len(headers) else None,
                footers[index] if index < len(footers) else None,
            )
            for index, body in enumerate(bodies)
        ]
        if len(bodies) > 1:
            bodies = [self._performance_merge_documents(bodies)]
        paperformat_args = dict(
            paperformat_args,
            **{
                "data-report-margin-top": INLINE_LAYOUT_MARGIN_MM,
                "data-report-margin-bottom": INLINE_LAYOUT_MARGIN_MM,
            },
        )
        return bodies, res_ids, None, None, paperformat_args

    def _performance_inline_layout(self):
        self.ensure_one()
        return (self.report_name or "").startswith(
            "performance_management."
        ) and not _wkhtml().is_patched_qt

    @staticmethod
    def _performance_layout_blocks(document, container_id):
        if not document:
            return []
        root = lxml.html.fromstring(document)
        container = root.get_element_by_id(container_id, None)
        return list(container) if container is not None else []

    @staticmethod
    def _performance_inline_blocks(body, header, footer):
        root = lxml.html.fromstring(body)
        parent = root.find(".//body")
        if parent is None:
            return body
        if header is not None:
            parent.insert(0, header)
        if footer is not None:
            # Page numbers are filled in on separate footer pages only: drop the empty counter.
            for counter in footer.find_class("page"):
                holder = counter.getparent()
                holder.getparent().remove(holder)
            footer.set("class", f"{footer.get('class', '')} o_performance_inline_footer")
            parent.append(footer)
        return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")

    @staticmethod
    def _performance_merge_documents(bodies):
        documents = [lxml.html.fromstring(body) for body in bodies]
        target = documents[0].find(".//body")
        for document in documents[1:]:
            page = lxml.html.Element("div", style="page-break-before: always;")
            page.extend(document.find(".//body"))
            target.append(page)
        return lxml.html.tostring(documents[0], encoding="unicode", doctype="<!DOCTYPE html>")
