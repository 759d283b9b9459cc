from .cron import commit_cron_batch, process_cron_batches

__all__ = ["commit_cron_batch", "process_cron_batches"]
