"""The one batch loop of the addon's crons."""


def commit_cron_batch(env, processed, remaining):
    """Close a batch of a cron: commit it and tell whether to go on with the next one.

    In a cron (the scheduler put its progress in the context), the batch is committed through
    ``ir.cron._commit_progress`` with what is left to do, so that the scheduler runs the job
    again while something remains; it returns False once the cron's time is up and something
    remains. Outside a cron (a button, a test, a shell) nothing is committed: the work stays in
    the caller's transaction, and it returns True.

    :param processed: how many items this batch handled
    :param remaining: how many items are left (a hint like 1 for "more to come" will do), or a
        function returning it, called only in a cron
    """
    if not env.context.get("ir_cron_progress_id"):
        return True
    if callable(remaining):
        remaining = remaining()
    time_left = env["ir.cron"]._commit_progress(processed, remaining=remaining)
    return bool(time_left) or not remaining


def process_cron_batches(model, domain, process, batch_size, order=None):
    """Process the records of ``domain`` a slice at a time, as a batched cron does.

    ``process(records)`` must take each slice out of ``domain`` (mark it reminded, computed,
    ...), which is what lets a run stopped by its time resume where it left off. Each slice is
    locked first; the records other transactions hold are left for the next run.

    :return: True when no record is left, False when the cron's time ran out first or when
        every record left is held by another transaction
    """
    while records := model.search(domain, limit=batch_size, order=order):
        # The rows another transaction is writing (an employee checking in on his goal) wait
        # for the next run: writing them here would block on its lock, or fail on a
        # serialization conflict once it commits, and roll the whole batch back.
        locked = records.try_lock_for_update(allow_referencing=True)
        if locked:
            process(locked)
        if (
            not commit_cron_batch(model.env, len(locked), lambda: model.search_count(domain))
            or not locked
        ):
            return False
    return True
