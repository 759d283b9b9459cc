"""Released anonymous answers of earlier versions kept the ids of their arrival (and their
questionnaires those of the launch, in the order of the requests): each released batch is
copied into new records in the order of its content, as a release now does."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    released = env["performance.feedback"].search(
        [
            ("anonymous", "=", True),
            ("is_request", "=", True),
            ("state", "=", "done"),
            ("author_id", "=", False),
            ("anonymous_released", "=", True),
        ]
    )
    # records of data files (the demo's) keep their external ids: nothing to hide there
    external = released._get_external_ids()
    released = released.filtered(lambda f: not external.get(f.id))
    batches = released.grouped(
        lambda f: (f.employee_id, f.requester_id, f.review_id, f.survey_id, f.date)
    )
    for batch in batches.values():
        batch._copy_anonymous_answers({})
