from .access import settable, write_workflow
from .cron import commit_cron_batch, process_cron_batches
from .figures import percent
from .numbers import FiniteFloat, FiniteMonetary

__all__ = [
    "FiniteFloat",
    "FiniteMonetary",
    "commit_cron_batch",
    "percent",
    "process_cron_batches",
    "settable",
    "write_workflow",
]
