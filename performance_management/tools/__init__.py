from .access import settable, write_workflow
from .cron import commit_cron_batch, process_cron_batches
from .fairness import attribute_columns, hide_small_groups, ratio_to_best
from .figures import percent
from .flags import DECISIONS, decision_vals
from .numbers import FiniteFloat, FiniteMonetary

__all__ = [
    "DECISIONS",
    "FiniteFloat",
    "FiniteMonetary",
    "attribute_columns",
    "commit_cron_batch",
    "decision_vals",
    "hide_small_groups",
    "percent",
    "process_cron_batches",
    "ratio_to_best",
    "settable",
    "write_workflow",
]
