# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, html2plaintext

# "Draft from evidence" writes a section only from at least this many source records; with
# fewer it says there is not enough evidence.
DRAFT_MIN_SOURCES = 2
EVIDENCE_KINDS = ("goal", "key_result", "checkin", "feedback", "kudos", "coaching", "skill")
_TEXT_FIELDS = {
    "self_strengths": ("employee", "strengths"),
    "self_areas_to_grow": ("employee", "areas_to_grow"),
    "manager_strengths": ("manager", "strengths"),
    "manager_areas_to_grow": ("manager", "areas_to_grow"),
}


def _plain(html, size=200):
    text = " ".join(html2plaintext(html or "").split())
    return text[:size]


class PerformanceReview(models.Model):
    """The period's evidence beside the review, what its writers cite, and drafts from it."""

    _inherit = "performance.review"

    draft_ids = fields.One2many("performance.review.draft", "review_id", string="Drafts")
    self_strengths = fields.Text(
        string="Strengths", compute="_compute_draft_texts", inverse="_inverse_draft_texts"
    )
    self_areas_to_grow = fields.Text(
        string="Areas to Grow", compute="_compute_draft_texts", inverse="_inverse_draft_texts"
    )
    manager_strengths = fields.Text(
        string="Strengths (Manager)",
        compute="_compute_draft_texts",
        inverse="_inverse_draft_texts",
    )
    manager_areas_to_grow = fields.Text(
        string="Areas to Grow (Manager)",
        compute="_compute_draft_texts",
        inverse="_inverse_draft_texts",
    )
    evidence_data = fields.Json(compute="_compute_evidence_data", compute_sudo=False)
    evidence_writer_role = fields.Char(compute="_compute_evidence_data", compute_sudo=False)

    @api.depends_context("uid")
    @api.depends("draft_ids.strengths", "draft_ids.areas_to_grow")
    def _compute_draft_texts(self):
        for review in self:
            # read with the user's rights: the manager's part stays hidden until released
            drafts = review.draft_ids._filtered_access("read")
            for fname, (role, field) in _TEXT_FIELDS.items():
                draft = drafts.filtered(lambda d, role=role: d.role == role)[:1]
                review[fname] = draft[field] if draft else False

    def _inverse_draft_texts(self):
        for review in self:
            for fname, (role, field) in _TEXT_FIELDS.items():
                draft = review.draft_ids._filtered_access("read").filtered(
                    lambda d, role=role: d.role == role
                )[:1]
                if (draft[field] if draft else False) == (review[fname] or False):
                    continue
                draft = draft or self.env["performance.review.draft"].create(
                    {"review_id": review.id, "role": role}
                )
                draft[field] = review[fname]

    @api.depends_context("uid")
    @api.depends("employee_id", "date_start", "date_end", "state", "draft_ids.citations")
    def _compute_evidence_data(self):
        for review in self:
            if not review.id or not review.employee_id:
                review.evidence_data = False
                review.evidence_writer_role = False
                continue
            review.evidence_writer_role = review._evidence_writer_role() or False
            review.evidence_data = review._evidence_panel_data()

    # Evidence ----------------------------------------------------------------------------

    def _evidence_writer_role(self):
        """The part the user writes now: "employee", "manager", or None."""
        self.ensure_one()
        # sudo: whose review it is, on a review the user reads (the form, the portal's search)
        if self.state == "self_review" and self.sudo().employee_id.user_id == self.env.user:
            return "employee"
        if self.state == "manager_review" and self._is_reviewer():
            return "manager"
        return None

    def _get_evidence(self):
        """The period's evidence about the reviewed employee, by kind, oldest first.

        Everything is searched with the user's own rights, never in sudo: a writer sees only
        what he may read elsewhere (an employee not his manager's private notes, a peer not
        other people's feedback). Each item is a dict: kind, model, id, date, title, detail,
        and the signal and group the draft reads (a key result reached, a kudos' value...).
        """
        self.ensure_one()
        review = self.sudo(False)
        review.check_access("read")
        start, end = review.date_start, review.date_end
        employee = review.employee_id
        evidence = {}
        for kind in EVIDENCE_KINDS:
            items = getattr(review, f"_evidence_{kind}")(employee, start, end)
            evidence[kind] = sorted(items, key=lambda item: (item["date"], item["id"]))
        return evidence

    def _evidence_search(self, model, domain, order=None):
        """Search with the user's own rights; a model he may not read gives nothing."""
        Model = self.env[model].sudo(False)
        if not Model.has_access("read"):
            return Model
        return Model.search(domain, order=order)

    @api.model
    def _evidence_name(self, record, fname):
        # sudo: the name of the employee who wrote a record the user just found with his
        # own rights (a portal employee may not read employees); anonymous ones carry none
        return record.sudo()[fname].name or ""

    def _evidence_item(self, kind, record, date, title, detail="", signal=False, group=False):
        return {
            "kind": kind,
            "model": record._name,
            "id": record.id,
            "date": date,
            "title": title,
            "detail": detail,
            "signal": signal,
            "group": group,
        }

    def _period_goals(self, employee, start, end):
        return self._evidence_search(
            "performance.goal",
            [
                ("employee_id", "=", employee.id),
                ("state", "!=", "cancel"),
                "|",
                ("date_start", "=", False),
                ("date_start", "<=", end),
                "|",
                ("date_deadline", "=", False),
                ("date_deadline", ">=", start),
            ],
        )

    def _evidence_goal(self, employee, start, end):
        confidences = dict(
            self.env["performance.goal"]._fields["confidence"]._description_selection(self.env)
        )
        items = []
        for goal in self._period_goals(employee, start, end):
            date = min(max(goal.date_deadline or goal.date_start or end, start), end)
            signal = False
            if goal.state == "done":
                signal = "goal_done"
            elif goal.confidence == "off_track":
                signal = "goal_off_track"
            detail = f"{round(goal.progress)}%"
            if goal.confidence:
                detail += f" · {confidences[goal.confidence]}"
            items.append(self._evidence_item("goal", goal, date, goal.name, detail, signal))
        return items

    def _evidence_key_result(self, employee, start, end):
        goals = self._period_goals(employee, start, end)
        results = self._evidence_search("performance.key.result", [("goal_id", "in", goals.ids)])
        items = []
        for result in results:
            goal = result.goal_id
            date = min(max(goal.date_deadline or goal.date_start or end, start), end)
            detail = self.env._(
                "%(goal)s · %(progress)s%%", goal=goal.name, progress=round(result.progress)
            )
            items.append(
                self._evidence_item(
                    "key_result",
                    result,
                    date,
                    result.name,
                    detail,
                    "kr_reached" if result.progress >= 100 else False,
                    goal.name,
                )
            )
        return items

    def _evidence_checkin(self, employee, start, end):
        confidences = dict(
            self.env["performance.goal.checkin"]
            ._fields["confidence"]
            ._description_selection(self.env)
        )
        checkins = self._evidence_search(
            "performance.goal.checkin",
            [("employee_id", "=", employee.id), ("date", ">=", start), ("date", "<=", end)],
        )
        return [
            self._evidence_item(
                "checkin",
                checkin,
                checkin.date,
                self.env._("Check-in on %(goal)s", goal=checkin.goal_id.name),
                " · ".join(filter(None, [confidences[checkin.confidence], _plain(checkin.note)])),
            )
            for checkin in checkins
        ]

    def _evidence_feedback(self, employee, start, end):
        feedback = self._evidence_search(
            "performance.feedback",
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "done"),
                ("date", ">=", start),
                ("date", "<=", end),
            ],
        )
        types = dict(feedback._fields["feedback_type"]._description_selection(self.env))
        items = []
        for item in feedback:
            author = (
                self.env._("Anonymous")
                if item.anonymous or not item.author_id
                else self._evidence_name(item, "author_id")
            )
            theme = item.value_id.name or item.goal_id.name or self.env._("General")
            items.append(
                self._evidence_item(
                    "feedback",
                    item,
                    item.date,
                    self.env._(
                        "%(type)s from %(author)s", type=types[item.feedback_type], author=author
                    ),
                    _plain(item.message),
                    item.feedback_type,
                    theme,
                )
            )
        return items

    def _evidence_kudos(self, employee, start, end):
        kudos = self._evidence_search(
            "performance.recognition",
            [
                ("receiver_ids", "in", employee.ids),
                ("date", ">=", fields.Datetime.to_datetime(start)),
                ("date", "<", fields.Datetime.to_datetime(end + relativedelta(days=1))),
            ],
        )
        return [
            self._evidence_item(
                "kudos",
                kudo,
                fields.Date.context_today(self, kudo.date),
                self.env._("Kudos from %(giver)s", giver=self._evidence_name(kudo, "giver_id"))
                + (f" · {kudo.value_id.name}" if kudo.value_id else ""),
                _plain(kudo.message),
                "kudos",
                kudo.value_id.name or self.env._("Kudos"),
            )
            for kudo in kudos
        ]

    def _evidence_coaching(self, employee, start, end):
        logs = self._evidence_search(
            "performance.coaching.log",
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "done"),
                ("date_start", ">=", fields.Datetime.to_datetime(start)),
                ("date_start", "<", fields.Datetime.to_datetime(end + relativedelta(days=1))),
            ],
        )
        items = [
            self._evidence_item(
                "coaching",
                log,
                fields.Date.context_today(self, log.date_start),
                log.name,
                _plain(log.shared_notes),
            )
            for log in logs
        ]
        # the user's own private notes on these 1:1s; a rule keeps everyone else's away
        notes = self._evidence_search("performance.coaching.note", [("log_id", "in", logs.ids)])
        items += [
            self._evidence_item(
                "coaching",
                note,
                fields.Date.context_today(self, note.log_id.date_start),
                self.env._("Your private note on %(meeting)s", meeting=note.log_id.name),
                _plain(note.note),
            )
            for note in notes
            if _plain(note.note)
        ]
        return items

    def _evidence_skill(self, employee, start, end):
        skills = self._evidence_search(
            "hr.employee.skill", [("employee_id", "=", employee.id)], order="valid_from, id"
        )
        items = []
        for skill in skills:
            if not skill.valid_from or not start <= skill.valid_from <= end:
                continue
            before = skills.filtered(
                lambda s, skill=skill: (
                    s.skill_id == skill.skill_id
                    and s != skill
                    and s.valid_from
                    and s.valid_from < skill.valid_from
                )
            )[-1:]
            moved_up = bool(before) and skill.level_progress > before.level_progress
            detail = (
                self.env._("from %(level)s", level=before.skill_level_id.name) if before else ""
            )
            items.append(
                self._evidence_item(
                    "skill",
                    skill,
                    skill.valid_from,
                    self.env._(
                        "%(skill)s: %(level)s",
                        skill=skill.skill_id.name,
                        level=skill.skill_level_id.name,
                    ),
                    detail,
                    "skill_up" if moved_up else False,
                    before.skill_level_id.name if before else False,
                )
            )
        return items

    def _evidence_months(self, evidence, cited=()):
        """Evidence per month of the period: [(first day, count, cited count)]."""
        self.ensure_one()
        counts, cited_counts = defaultdict(int), defaultdict(int)
        for items in evidence.values():
            for item in items:
                month = item["date"].replace(day=1)
                counts[month] += 1
                if (item["model"], item["id"]) in cited:
                    cited_counts[month] += 1
        months = []
        month = self.date_start.replace(day=1)
        while month <= self.date_end:
            months.append((month, counts[month], cited_counts[month]))
            month += relativedelta(months=1)
        return months

    def _evidence_kind_labels(self):
        return {
            "goal": self.env._("Goals"),
            "key_result": self.env._("Key Results"),
            "checkin": self.env._("Check-ins"),
            "feedback": self.env._("Feedback Received"),
            "kudos": self.env._("Kudos"),
            "coaching": self.env._("1:1 Notes"),
            "skill": self.env._("Skill Changes"),
        }

    def _evidence_panel_data(self):
        """What the evidence panel shows: groups, the month strip and the recency meter."""
        self.ensure_one()
        evidence = self._get_evidence()
        role = self._evidence_writer_role()
        drafts = self.draft_ids._filtered_access("read")
        draft = drafts.filtered(lambda d: d.role == (role or "manager"))[:1] or drafts[:1]
        citations = draft.citations or []
        cited = {(c["model"], c["id"]) for c in citations}
        labels = self._evidence_kind_labels()
        months = self._evidence_months(evidence, cited)
        return {
            "can_cite": bool(role),
            "groups": [
                {
                    "kind": kind,
                    "label": labels[kind],
                    "items": [
                        {
                            "model": item["model"],
                            "id": item["id"],
                            "date": format_date(self.env, item["date"]),
                            "title": item["title"],
                            "detail": item["detail"],
                            "cited": (item["model"], item["id"]) in cited,
                        }
                        for item in evidence[kind]
                    ],
                }
                for kind in EVIDENCE_KINDS
                if evidence[kind]
            ],
            "months": [
                {
                    "label": format_date(self.env, month, date_format="MMM yy"),
                    "count": count,
                    "cited": cited_count,
                }
                for month, count, cited_count in months
            ],
            "max": max([count for _month, count, _cited in months] or [0]),
            "citation_count": len(citations),
            "recent_share": round(draft.recent_share * 100) if draft else 0,
            "recency_warning": bool(draft and draft.recency_warning),
        }

    # Citations and drafts ----------------------------------------------------------------

    def _get_writer_draft(self):
        """The user's own part of the review, created on first use; refused outside it."""
        self.ensure_one()
        self.check_access("read")
        role = self._evidence_writer_role()
        if not role:
            raise UserError(
                self.env._("Only the writer of the open part of this review can do this.")
            )
        draft = self.draft_ids._filtered_access("write").filtered(lambda d: d.role == role)
        draft = draft or self.env["performance.review.draft"].create(
            {"review_id": self.id, "role": role}
        )
        draft.check_access("write")
        return draft

    def action_cite_evidence(self, model, res_id):
        """Cite one evidence item in the user's part, or drop it if already cited."""
        self.ensure_one()
        draft = self._get_writer_draft()
        item = next(
            (
                item
                for items in self._get_evidence().values()
                for item in items
                if item["model"] == model and item["id"] == res_id
            ),
            None,
        )
        if not item:
            raise UserError(self.env._("This record is not evidence of this review you may read."))
        citations = [c for c in draft.citations or [] if (c["model"], c["id"]) != (model, res_id)]
        if len(citations) == len(draft.citations or []):
            citations.append(self._citation(item, "manual"))
        # sudo: the citations of the user's own part, just checked writable
        draft.sudo().citations = citations
        return True

    def _citation(self, item, origin):
        return {
            "model": item["model"],
            "id": item["id"],
            "date": fields.Date.to_string(item["date"]),
            "label": item["title"],
            "origin": origin,
        }

    def action_draft_from_evidence(self):
        """Fill the user's strengths and areas to grow with bullets citing the evidence.

        Deterministic, no language model; it never proposes or sets a rating.
        """
        self.ensure_one()
        draft = self._get_writer_draft()
        evidence = self._get_evidence()
        sections = self._draft_sections(evidence)
        previous = defaultdict(list)
        for bullet in draft.drafted_bullets or []:
            previous[bullet["section"]].append(bullet["text"])
        vals, bullets, sources = {}, [], {}
        for section, field in (("strength", "strengths"), ("area", "areas_to_grow")):
            section_bullets = sections[section]
            if sum(len(b["items"]) for b in section_bullets) < DRAFT_MIN_SOURCES:
                text = self.env._(
                    "Not enough evidence in this period to draft this part "
                    "(fewer than %(count)s records).",
                    count=DRAFT_MIN_SOURCES,
                )
                section_bullets = []
            else:
                text = "\n".join(f"- {b['text']}" for b in section_bullets)
            for bullet in section_bullets:
                bullets.append(
                    {
                        "section": section,
                        "text": bullet["text"],
                        "sources": [
                            {"model": i["model"], "id": i["id"], "label": i["title"]}
                            for i in bullet["items"]
                        ],
                    }
                )
                for item in bullet["items"]:
                    sources[item["model"], item["id"]] = item
            current = (draft[field] or "").strip()
            old = "\n".join(f"- {t}" for t in previous[section])
            vals[field] = text if not current or current == old else f"{current}\n\n{text}"
        draft.write(vals)
        citations = [c for c in draft.citations or [] if c.get("origin") != "draft"]
        manual = {(c["model"], c["id"]) for c in citations}
        citations += [
            self._citation(item, "draft") for key, item in sources.items() if key not in manual
        ]
        # sudo: the user's own part, just written with his rights: what was drafted and cited
        draft.sudo().write({"drafted_bullets": bullets, "citations": citations})
        return True

    def _draft_sections(self, evidence):
        """The bullets of each section, each with the evidence items it cites."""
        _ = self.env._
        strengths, areas = [], []
        for item in evidence["key_result"]:
            if item["signal"] == "kr_reached":
                strengths.append(
                    (
                        _(
                            "Reached the key result “%(result)s” of the goal “%(goal)s”",
                            result=item["title"],
                            goal=item["group"],
                        ),
                        [item],
                    )
                )
        for item in evidence["goal"]:
            if item["signal"] == "goal_done":
                strengths.append((_("Completed the goal “%(goal)s”", goal=item["title"]), [item]))
            elif item["signal"] == "goal_off_track":
                areas.append((_("The goal “%(goal)s” is off track", goal=item["title"]), [item]))
        for value, items in self._draft_grouped(evidence["kudos"], "kudos").items():
            strengths.append(
                (_("Kudos for “%(value)s” (%(count)s)", value=value, count=len(items)), items)
            )
        for item in evidence["skill"]:
            if item["signal"] == "skill_up":
                strengths.append(
                    (
                        _(
                            "Progressed in %(skill)s, from %(old)s",
                            skill=item["title"],
                            old=item["group"],
                        ),
                        [item],
                    )
                )
        for theme, items in self._draft_grouped(evidence["feedback"], "constructive").items():
            areas.append(
                (
                    _(
                        "Constructive feedback on “%(theme)s” (%(count)s)",
                        theme=theme,
                        count=len(items),
                    ),
                    items,
                )
            )
        return {
            "strength": [self._draft_bullet(text, items) for text, items in strengths],
            "area": [self._draft_bullet(text, items) for text, items in areas],
        }

    @api.model
    def _draft_grouped(self, items, signal):
        groups = defaultdict(list)
        for item in items:
            if item["signal"] == signal:
                groups[item["group"]].append(item)
        return dict(sorted(groups.items()))

    def _draft_bullet(self, text, items):
        dates = ", ".join(format_date(self.env, item["date"]) for item in items)
        return {"text": f"{text} [{dates}]", "items": items}
