import time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain
from odoo.tools import config

from ..tools import commit_cron_batch, write_workflow

DEFAULT_LAUNCH_BATCH_SIZE = 500


class PerformanceCycle(models.Model):
    """The launch of a cycle: its participants' reviews, lines, peer requests and to-dos."""

    _inherit = "performance.cycle"  # pylint: disable=consider-merging-classes-inherited

    launch_state = fields.Selection(
        [("none", "Not Launched"), ("queued", "Launching"), ("done", "Launched")],
        default="none",
        required=True,
        copy=False,
        readonly=True,
    )

    def _launch_batch_size(self):
        # sudo: one named system parameter, the batch size
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("performance_management.launch_batch_size")
        )
        return int(param or DEFAULT_LAUNCH_BATCH_SIZE)

    def action_launch(self):
        """Create the missing reviews; a small cycle at once, a large one through the cron.

        Launching again (for late joiners) only creates what is missing.
        """
        self._check_officer()
        for cycle in self:
            if cycle.state not in ("draft", "running"):
                raise UserError(self.env._("Only a draft or running cycle can be launched."))
            pending = cycle._get_pending_participants()
            if not pending and cycle.state == "draft":
                raise UserError(
                    self.env._("The cycle %(cycle)s has no participants.", cycle=cycle.name)
                )
            write_workflow(cycle, {"state": "running"})
            if len(pending) <= cycle._launch_batch_size():
                cycle._launch_batch(pending)
                write_workflow(cycle, {"launch_state": "done"})
            else:
                write_workflow(cycle, {"launch_state": "queued"})
                self.env.ref("performance_management.ir_cron_performance_cycle_launch")._trigger()
        return True

    def action_add_late_joiners(self):
        """Launch again for who joined since, and say how many were added."""
        self.ensure_one()
        self._check_officer()
        count = len(self._get_pending_participants())
        self.action_launch()
        if not count:
            message = self.env._("Nobody joined since the launch: no review was added.")
        elif self.launch_state == "queued":
            message = self.env._(
                "%(count)s late joiners: their reviews are being created in the background.",
                count=count,
            )
        elif count == 1:
            message = self.env._("One late joiner added to the cycle.")
        else:
            message = self.env._("%(count)s late joiners added to the cycle.", count=count)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if count else "info",
                "message": message,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _get_pending_participants(self):
        """Participants without a review in this cycle yet."""
        self.ensure_one()
        # sudo: which participants already have a review of this cycle, ids only
        domain = self._get_participant_domain() & Domain(
            "id",
            "not in",
            self.env["performance.review"]
            .sudo()
            ._search([("cycle_id", "=", self.id)], active_test=False)
            .subselect("employee_id"),
        )
        # sudo: the cycle's participants (officer's launch or cron), every one of them
        return self.env["hr.employee"].sudo().search(domain, order="id")

    @api.model
    def _cron_launch_cycles(self):
        # A launch keeps the cron worker past the scheduler's turn (10 runs and 10 s): with
        # one cron worker, the jobs that became ready meanwhile would run before its next
        # batch (149 s of reminders in a 259-s launch under load, benchmarks/README.md).
        # Each batch is still committed; it gives the worker back after its own budget.
        deadline = time.monotonic() + self._launch_cron_seconds()
        cycles = self.search([("launch_state", "=", "queued")])
        for index, cycle in enumerate(cycles):
            while True:
                size = cycle._launch_batch_size()
                pending = cycle._get_pending_participants()
                batch = pending[:size]
                if batch:
                    cycle._launch_batch(batch)
                if len(pending) <= size:
                    write_workflow(cycle, {"launch_state": "done"})
                remaining = max(len(pending) - len(batch), 0)
                # the cycles queued after this one count as one more to come each
                left = remaining + len(cycles) - index - 1
                if not commit_cron_batch(self.env, len(batch), left) and (
                    time.monotonic() > deadline
                ):
                    return
                if not remaining:
                    break

    @api.model
    def _launch_cron_seconds(self):
        """How long a launch may keep the cron worker: half of the cron's real-time limit
        (``limit_time_real_cron``, -1 for ``limit_time_real``), ten minutes without one."""
        limit = config["limit_time_real_cron"]
        if limit == -1:
            limit = config["limit_time_real"]
        return limit / 2 if limit and limit > 0 else 600

    def _launch_batch(self, employees):
        """Create the reviews of a slice of employees with a fixed number of queries."""
        self.ensure_one()
        if not employees:
            return self.env["performance.review"]
        # sudo: the launch creates the reviews of an officer's cycle (or the cron's)
        Review = (
            self.env["performance.review"]
            .sudo()
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
            )
        )
        # sudo: the launch reads managers, jobs and users of the participants it just selected
        employees = employees.sudo()
        employees.fetch(["parent_id", "job_id", "department_id", "user_id", "company_id"])
        # sudo: the templates of the cycle's company, to pick one per participant
        templates = (
            self.env["performance.review.template"]
            .sudo()
            .search([("company_id", "in", [self.company_id.id, False])])
        )
        templates.fetch(["job_ids", "department_ids", "line_ids", "include_goals"])
        templates.line_ids.fetch(
            ["display_type", "name", "question_type", "answered_by", "weight", "sequence"]
        )
        job_skills = self._launch_job_skills(employees)
        goals = self._launch_goals(employees)
        vals_list, lines_list = [], []
        for employee in employees:
            template = self._launch_template(employee, templates)
            vals_list.append(
                {
                    "cycle_id": self.id,
                    "employee_id": employee.id,
                    "manager_id": employee._performance_manager().id,
                    "template_id": template.id,
                    "company_id": self.company_id.id,
                    "date_start": self.date_start,
                    "date_end": self.date_end,
                    "assessment_ids": [Command.create({})],
                }
            )
            lines_list.append(
                template._prepare_review_lines(
                    job_skills.get(employee.job_id.id, []), goals.get(employee.id, [])
                )
            )
        reviews = Review.create(vals_list)
        line_vals = []
        for review, commands in zip(reviews, lines_list, strict=True):
            for command in commands:
                line_vals.append(
                    dict(
                        command[2],
                        review_id=review.id,
                        company_id=review.company_id.id,
                        employee_id=review.employee_id.id,
                    )
                )
        self.env["performance.review.line"]._bulk_insert(line_vals)
        # every one2many of the lines, whatever its domain
        reviews.invalidate_recordset(
            [
                name
                for name, field in reviews._fields.items()
                if field.type == "one2many" and field.comodel_name == "performance.review.line"
            ]
        )
        reviews.modified(["line_ids"])
        requests = self._launch_peer_requests(reviews)
        self.env["survey.user_input"]._performance_launch(reviews, requests)
        self._launch_subscribe(
            reviews, [review.employee_id.user_id.partner_id for review in reviews]
        )
        reviews.with_context(performance_followers_set=True)._schedule_self_review_activities()
        reviews._send_invitations()
        return reviews

    def _launch_template(self, employee, templates):
        for template in templates:
            if employee.job_id in template.job_ids:
                return template
        for template in templates:
            if employee.department_id in template.department_ids:
                return template
        return self.template_id

    def _launch_job_skills(self, employees):
        jobs = employees.job_id
        if not jobs:
            return {}
        result = {}
        # sudo: the skills the participants' jobs expect, for the competency lines
        job_skills = self.env["hr.job.skill"].sudo().search([("job_id", "in", jobs.ids)])
        job_skills.fetch(["job_id", "skill_id", "skill_level_id", "skill_type_id"])
        for job_skill in job_skills:
            result.setdefault(job_skill.job_id.id, []).append(job_skill)
        return result

    def _launch_goals(self, employees):
        # sudo: the participants' goals of the period become lines of their own reviews
        Goal = self.env["performance.goal"].sudo()
        domain = Domain("employee_id", "in", employees.ids)
        domain &= Domain.OR(
            [
                Domain("date_start", "=", False),
                Domain("date_start", "<=", self.date_end),
            ]
        ) & Domain.OR(
            [
                Domain("date_deadline", "=", False),
                Domain("date_deadline", ">=", self.date_start),
            ]
        )
        domain &= Domain("state", "not in", ("cancel", "draft"))
        result = {}
        for goal in Goal.search(domain):
            result.setdefault(goal.employee_id.id, []).append(goal)
        return result

    def _launch_peer_load(self, colleagues):
        """{colleague id: peer requests he already has in the cycle} (earlier batches)."""
        # sudo: a count of the launch's own requests, per colleague it may ask
        counts = (
            self.env["performance.feedback"]
            .sudo()
            ._read_group(
                [
                    ("review_id.cycle_id", "=", self.id),
                    ("is_request", "=", True),
                    ("author_id", "in", colleagues.ids),
                ],
                ["author_id"],
                ["__count"],
            )
        )
        return {author.id: count for author, count in counts}

    def _launch_pick_peers(self, candidates, load):
        """The peer_count candidates with the fewest requests so far, none past the cap.

        Ties go to the lowest id, so a launch is deterministic; ``load`` is updated.
        """
        cap = self.peer_rater_cap
        eligible = [peer for peer in candidates if not cap or load.get(peer.id, 0) < cap]
        peers = sorted(eligible, key=lambda peer: (load.get(peer.id, 0), peer.id))
        peers = peers[: self.peer_count]
        for peer in peers:
            load[peer.id] = load.get(peer.id, 0) + 1
        return peers

    def _launch_peer_requests(self, reviews):
        """Ask up to peer_count colleagues of the same manager for feedback."""
        # sudo: the launch asks peers for feedback on behalf of each review's manager
        Feedback = self.env["performance.feedback"].sudo()
        if not self.peer_count:
            return Feedback
        managers = reviews.employee_id.parent_id
        # sudo: the reviewed employees' colleagues under the same manager, to ask them: those
        # with a user, and those with a work e-mail where a questionnaire's token link lets
        # them answer without one
        colleagues = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("parent_id", "in", managers.ids),
                    "|",
                    ("user_id", "!=", False),
                    ("work_email", "!=", False),
                ],
                order="id",
            )
        )
        by_manager = {}
        for colleague in colleagues:
            by_manager.setdefault(colleague.parent_id.id, []).append(colleague)
        load = self._launch_peer_load(colleagues)
        vals_list = []
        for review in reviews:
            peers = self._launch_pick_peers(
                [
                    peer
                    for peer in by_manager.get(review.employee_id.parent_id.id, [])
                    if peer != review.employee_id
                    and (peer.user_id or review.template_id.survey_peer_id)
                ],
                load,
            )
            vals_list += [
                review._prepare_feedback_request(peer, review.manager_id or review.employee_id)
                for peer in peers
            ]
        requests = Feedback.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(vals_list)
        activity_type = self.env.ref(
            "performance_management.mail_activity_type_feedback_request", raise_if_not_found=False
        )
        if activity_type and requests:
            self._launch_subscribe(
                requests, [req.author_id.user_id.partner_id for req in requests]
            )
            model_id = self.env["ir.model"]._get_id(Feedback._name)
            # sudo: to-dos for the people asked, on the requests the launch just created
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True, performance_followers_set=True
            ).create(
                [
                    {
                        "activity_type_id": activity_type.id,
                        "res_model_id": model_id,
                        "res_id": request.id,
                        "user_id": request.author_id.user_id.id,
                        "date_deadline": request.date_deadline,
                        "summary": request.name,
                        "automated": True,
                    }
                    for request in requests
                    # a rater without a user answers through his invitation's token link
                    if request.author_id.user_id
                ]
            )
        return requests

    def _launch_subscribe(self, records, partners):
        """Make partners[i] a follower of records[i], in one insert.

        mail.activity subscribes each assignee with queries of its own; the activities
        created next find their assignees already following.
        """
        pairs = {
            (record.id, partner.id)
            for record, partner in zip(records, partners, strict=True)
            if partner
        }
        if not pairs:
            return
        # sudo: followers of the records the launch just created, in one batch
        Followers = self.env["mail.followers"].sudo()
        existing = Followers.search_fetch(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)],
            ["res_id", "partner_id"],
        )
        pairs -= {(follower.res_id, follower.partner_id.id) for follower in existing}
        _all, _internal, external = self.env["mail.message.subtype"].default_subtypes(
            records._name
        )
        partners = self.env["res.partner"].browse({partner_id for _id, partner_id in pairs})
        shared = set(partners.filtered("partner_share").ids)
        Followers.create(
            [
                {
                    "res_model": records._name,
                    "res_id": res_id,
                    "partner_id": partner_id,
                    "subtype_ids": [Command.set((external if partner_id in shared else _all).ids)],
                }
                for res_id, partner_id in sorted(pairs)
            ]
        )
