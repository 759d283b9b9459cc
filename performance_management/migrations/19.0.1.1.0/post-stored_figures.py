"""Recompute the stored figures whose computation changed in 19.0.1.1.0.

A goal rolled up from its supporting goals no longer counts the archived ones; the main
receiver of kudos is the first one by id still employed (it was the first one read, in name
or cache order); a skill gap counts the level held in an archived skill type. Other figures
were only missing triggers: the scheduled check of stored figures repairs those that drifted.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    shared_kudos = [
        row[0]
        for row in env.execute_query(
            SQL(
                "SELECT recognition_id FROM performance_recognition_receiver_rel"
                " GROUP BY recognition_id HAVING count(*) > 1"
            )
        )
    ]
    todo = [
        (
            env["performance.goal"].search([("progress_mode", "=", "children")]),
            ["progress"],
        ),
        (env["performance.recognition"].browse(shared_kudos), ["employee_id"]),
        (
            env["performance.development.plan.skill"].search([]),
            ["current_level_id", "current_progress", "gap", "status"],
        ),
    ]
    for records, fnames in todo:
        for fname in fnames:
            env.add_to_compute(records._fields[fname], records)
    env.flush_all()
