# ruff: noqa: F821 (`env` is the shell's)
# Run by tests/test_upgrade.py in `odoo shell` on the previous version of the addon, after
# its install with demo data: records in the models the demo leaves empty, reviews released
# and printed so that their PDFs are stored. Prints one JSON line: the stored PDFs' digests.
import hashlib
import json

from odoo import fields

env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
admin = env.ref("base.user_admin")
Review = env["performance.review"].with_user(admin)

# a calibration move and a confidential note on the review waiting for calibration
review = Review.search([("state", "=", "calibration")], limit=1)
assessment = review.sudo().assessment_ids[:1]
env["performance.calibration.log"].create(
    {
        "assessment_id": assessment.id,
        "old_rating_id": assessment.final_rating_id.id,
        "new_rating_id": assessment.final_rating_id.id,
        "user_id": admin.id,
        "reason": "Upgrade test: kept after the calibration meeting",
    }
)
env["performance.review.note"].create(
    {"review_id": review.id, "author_id": admin.id, "note": "Upgrade test: a private note"}
)
# a private note on a 1:1 and the goals it discussed
log = env["performance.coaching.log"].search([], limit=1)
env["performance.coaching.note"].create(
    {"log_id": log.id, "user_id": admin.id, "note": "<p>Upgrade test: a private 1:1 note</p>"}
)
goals = env["performance.goal"].search([("employee_id", "=", log.employee_id.id)], limit=2)
goals = goals or env["performance.goal"].search([], limit=1)
log.goal_ids = [fields.Command.link(goal.id) for goal in goals]
# a performance issue
env["performance.issue"].create(
    {
        "company_id": review.company_id.id,
        "employee_id": review.employee_id.id,
        "rule": env["performance.issue"]._fields["rule"].selection[0][0],
        "reason": "Upgrade test: an issue to follow",
    }
)

# released now (stored by the release) and released before (stored by their first print)
review.with_context(force_report_rendering=True).action_release()
report = env.ref("performance_management.action_report_performance_review")
printed = Review.search([("state", "in", ("released", "done"))], order="id", limit=4)
for each in printed:
    report._render_qweb_pdf(report, each.ids)
report._render_qweb_pdf(report, printed[:1].ids)  # printed twice, stored once
# a second file under the frozen name (what a print after an upgrade without migration
# stored): the first one stored stays the review's PDF, the other goes
from odoo.addons.performance_management.models.ir_attachment import FREEZE, FREEZE_KEY

env["ir.attachment"].with_context(**{FREEZE_KEY: FREEZE}).create(
    {
        "name": f"Performance Review {printed[0].id}.pdf",
        "res_model": "performance.review",
        "res_id": printed[0].id,
        "raw": b"%PDF-1.4 a second render",
    }
)
env.cr.commit()

stored = env["ir.attachment"].search(
    [("res_model", "=", "performance.review"), ("name", "like", "Performance Review %.pdf")]
)
first = {}  # per review, the first one stored
for att in stored.sorted("id", reverse=True):
    first[att.res_id] = hashlib.sha256(att.raw).hexdigest()
print("PDFS=" + json.dumps(first))
