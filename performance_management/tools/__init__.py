from .cron import commit_cron_batch, process_cron_batches
from .figures import percent

__all__ = ["commit_cron_batch", "percent", "process_cron_batches"]
