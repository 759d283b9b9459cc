from .access import OFFICER_GROUP, is_officer, settable, write_workflow
from .cron import commit_cron_batch, process_cron_batches
from .fairness import attribute_columns, hide_small_groups, ratio_to_best
from .figures import percent
from .flags import DECISIONS, decision_vals
from .numbers import FiniteFloat, FiniteMonetary
from .report_view import create_report_view

__all__ = [
    "DECISIONS",
    "OFFICER_GROUP",
    "FiniteFloat",
    "FiniteMonetary",
    "attribute_columns",
    "commit_cron_batch",
    "create_report_view",
    "decision_vals",
    "hide_small_groups",
    "is_officer",
    "percent",
    "process_cron_batches",
    "ratio_to_best",
    "settable",
    "write_workflow",
]
