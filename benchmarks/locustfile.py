"""Locust people of the load benchmark: a working day on a 10,000-employee company.

Started by ``benchmarks/load.py`` (headless, 20 users, a bounded time, 127.0.0.1 only); it
reads the people it may log in as from ``PM_LOAD_DATA`` (written by the ``prepare_load``
step) and writes every request (time, name, milliseconds, failed) to ``PM_LOAD_LOG``.

The JSON-RPC calls are those the web client makes (captured from Odoo 19's web client opening
the same actions: domains, specifications, context and limits), with this database's ids.
"""

import csv
import json
import os
import random
import re
import time
from itertools import count

from locust import HttpUser, between, events, task

DATA = json.loads(open(os.environ["PM_LOAD_DATA"]).read())  # noqa: SIM115
PASSWORD = "bench-password"
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
_log = open(os.environ["PM_LOAD_LOG"], "w", newline="")  # noqa: SIM115
_writer = csv.writer(_log)
_writer.writerow(["time", "name", "ms", "failed", "bytes"])
_counters = {kind: count() for kind in DATA["people"]}


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, **_kw):
    _writer.writerow(
        [f"{time.time():.3f}", name, f"{response_time:.1f}", int(bool(exception)), response_length]
    )


@events.quitting.add_listener
def _close(**_kw):
    _log.flush()


def context(uid, **extra):
    return {
        "lang": "en_US",
        "tz": "Europe/Brussels",
        "uid": uid,
        "allowed_company_ids": [1],
        **extra,
    }


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)  # a person reads what they opened before the next click
    kind = None

    def on_start(self):
        logins = DATA["people"][self.kind]
        self.login = logins[next(_counters[self.kind]) % len(logins)]
        self.me = DATA["users"][self.login]
        self.uid = self.me["uid"]
        self.rpc(
            "/web/session/authenticate",
            {"db": os.environ["PM_LOAD_DB"], "login": self.login, "password": PASSWORD},
            name="login",
        )

    def rpc(self, path, params, name):
        body = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": random.randint(1, 10**6),
            "params": params,
        }
        with self.client.post(path, json=body, name=name, catch_response=True) as answer:
            try:
                reply = answer.json()
            except ValueError:
                answer.failure(f"not JSON: HTTP {answer.status_code}")
                return None
            if "error" in reply:
                answer.failure(
                    json.dumps(reply["error"].get("data", {}).get("message") or reply["error"])[
                        :300
                    ]
                )
                return None
            return reply.get("result")

    def call(self, model, method, name, args=(), **kwargs):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            name,
        )


GOAL_KANBAN = {
    "color": {},
    "is_overdue": {},
    "name": {},
    "employee_id": {"fields": {"display_name": {}}},
    "department_id": {"fields": {"display_name": {}}},
    "scope": {},
    "tag_ids": {"fields": {"display_name": {}, "color": {}}},
    "progress": {},
    "date_deadline": {},
    "confidence": {},
    "activity_ids": {"fields": {}},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_state": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
}
REVIEW_LIST = {
    "employee_id": {"fields": {"display_name": {}}},
    "cycle_id": {"fields": {"display_name": {}}},
    "manager_id": {"fields": {"display_name": {}}},
    "department_id": {"fields": {"display_name": {}}},
    "date_self_deadline": {},
    "date_manager_deadline": {},
    "goal_attainment": {},
    "is_late": {},
    "activity_ids": {"fields": {}},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_state": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "state": {},
    "company_id": {"fields": {}},
}
CYCLE_FORM = {
    name: {}
    for name in [
        "state",
        "review_count",
        "no_manager_count",
        "behind_count",
        "no_login_count",
        "name",
        "date_start",
        "date_end",
        "launch_state",
        "peer_count",
        "peer_anonymous",
        "participant_mode",
        "participant_domain",
        "date_self_deadline",
        "date_peer_deadline",
        "date_manager_deadline",
        "date_calibration_deadline",
        "date_release",
        "date_acknowledge_deadline",
        "self_done_count",
        "self_late_count",
        "manager_done_count",
        "manager_late_count",
        "released_count",
        "acknowledged_count",
        "distribution_data",
        "evaluation_review_count",
        "self_completion_rate",
        "manager_completion_rate",
        "completion_rate",
        "acknowledged_rate",
        "self_on_time_rate",
        "manager_on_time_rate",
        "average_rating",
        "goal_attainment_rate",
        "calibration_change_count",
        "calibration_up_count",
        "calibration_down_count",
        "peer_request_count",
        "peer_participation_rate",
        "leniency_html",
        "display_name",
    ]
} | {
    "template_id": {"fields": {"display_name": {}}},
    "department_ids": {"fields": {"display_name": {}}},
    "category_ids": {"fields": {"display_name": {}}},
    "employee_ids": {"fields": {"display_name": {}}},
    "company_id": {"fields": {}},
}
NINE_BOX = {
    "employee_id": {"fields": {"display_name": {}}},
    "final_rating_id": {"fields": {"display_name": {}}},
    "overall_score": {},
    "cycle_id": {"fields": {"display_name": {}}},
    "department_id": {"fields": {"display_name": {}}},
    "potential": {},
}


def line_values(lines, text):
    commands = []
    for line_id, kind in lines:
        if kind == "rating":
            commands.append([1, line_id, {"rating_id": random.choice(DATA["levels"])}])
        else:
            commands.append([1, line_id, {"answer": text}])
    return commands


class Manager(Person):
    kind = "manager"
    fixed_count = 6

    @task(3)
    def team_goals(self):
        domain = ["&", ["is_template", "=", False], ["is_my_team", "=", True]]
        self.call(
            "performance.goal",
            "search_panel_select_range",
            "page: My Team's Goals search panel",
            ["department_id"],
            category_domain=[],
            context=context(self.uid),
            enable_counters=True,
            expand=False,
            filter_domain=[],
            hierarchize=True,
            limit=200,
            search_domain=domain,
        )
        self.call(
            "performance.goal",
            "web_read_group",
            "page: My Team's Goals (kanban by state)",
            domain=domain,
            groupby=["state"],
            aggregates=[],
            offset=0,
            order="",
            auto_unfold=True,
            opening_info=[],
            unfold_read_specification=GOAL_KANBAN,
            unfold_read_default_limit=80,
            groupby_read_specification={},
            context=context(self.uid, read_group_expand=True),
        )

    @task(3)
    def reviews_to_do(self):
        uid = self.uid
        domain = [
            "|",
            "&",
            ["manager_id.user_id", "=", uid],
            ["state", "=", "manager_review"],
            "&",
            ["employee_id.user_id", "=", uid],
            ["state", "in", ["self_review", "released"]],
        ]
        self.call(
            "performance.review",
            "search_panel_select_range",
            "page: Reviews to Do search panel",
            ["department_id"],
            category_domain=[],
            context=context(uid),
            enable_counters=True,
            expand=False,
            filter_domain=[],
            hierarchize=True,
            limit=200,
            search_domain=domain,
        )
        self.call(
            "performance.review",
            "web_search_read",
            "page: Reviews to Do (list)",
            specification=REVIEW_LIST,
            offset=0,
            order="",
            limit=80,
            context=context(uid, bin_size=True),
            count_limit=10001,
            domain=domain,
        )

    @task(2)
    def manager_review(self):
        review = random.choice(self.me["reviews"])
        self.call(
            "performance.review",
            "web_save",
            "write: manager review (web_save)",
            [[review["id"]], {"manager_line_ids": line_values(review["lines"], "Solid quarter.")}],
            context=context(self.uid),
            specification={"state": {}, "display_name": {}},
        )

    @task(1)
    def one_on_one_notes(self):
        log_id = random.choice(self.me["logs"])
        self.call(
            "performance.coaching.log",
            "web_save",
            "write: 1:1 notes (web_save)",
            [
                [log_id],
                {
                    "shared_notes": f"<p>The quarter, at {time.strftime('%H:%M:%S')}.</p>",
                    "private_note": "<p>Ready for more scope.</p>",
                },
            ],
            context=context(self.uid),
            specification={"display_name": {}},
        )


class Employee(Person):
    kind = "employee"
    fixed_count = 8

    @task(2)
    def checkin(self):
        goal_id = random.choice(self.me["goals"])
        self.call(
            "performance.goal.checkin",
            "web_save",
            "write: goal check-in (web_save)",
            [
                [],
                {
                    "goal_id": goal_id,
                    "confidence": random.choice(["on_track", "at_risk"]),
                    "note": "<p>Moving.</p>",
                },
            ],
            context=context(self.uid, default_goal_id=goal_id),
            specification={"display_name": {}},
        )

    @task(2)
    def self_review(self):
        self.call(
            "performance.review",
            "web_save",
            "write: self review (web_save)",
            [[self.me["review"]], {"self_line_ids": line_values(self.me["lines"], "I shipped.")}],
            context=context(self.uid),
            specification={"state": {}, "display_name": {}},
        )

    @task(1)
    def my_reviews(self):
        self.call(
            "performance.review",
            "web_search_read",
            "page: My Reviews (list)",
            specification=REVIEW_LIST,
            offset=0,
            order="",
            limit=80,
            context=context(self.uid, bin_size=True),
            count_limit=10001,
            domain=[["employee_id.user_id", "=", self.uid]],
        )


class Portal(Person):
    kind = "portal"
    fixed_count = 5

    def page(self, path, name):
        with self.client.get(path, name=name, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"HTTP {answer.status_code}")
                return ""
            return answer.text

    def post(self, path, data, name, success):
        with self.client.post(path, data=data, name=name, catch_response=True) as answer:
            if answer.status_code != 200 or success not in answer.text:
                answer.failure(f"HTTP {answer.status_code}, no '{success}' in {answer.url}")

    @task(3)
    def overview(self):
        self.page("/my/performance", "page: portal /my/performance")

    @task(2)
    def checkin(self):
        goal_id = random.choice(self.me["goals"])
        html = self.page(f"/my/performance/goals/{goal_id}", "page: portal goal")
        token = CSRF.search(html)
        if token:
            self.post(
                f"/my/performance/goals/{goal_id}/checkin",
                {"csrf_token": token.group(1), "confidence": "on_track", "note": "On track."},
                "write: portal check-in (POST)",
                "Your check-in is saved.",
            )

    @task(2)
    def kudos(self):
        html = self.page("/my/performance/kudos", "page: portal kudos")
        token = CSRF.search(html)
        colleague = self.colleague()
        if token and colleague:
            self.post(
                "/my/performance/kudos/give",
                {
                    "csrf_token": token.group(1),
                    "receiver_id": colleague,
                    "visibility": "company",
                    "message": "Thanks for the help!",
                },
                "write: portal kudos (POST)",
                "Your kudos are on their way.",
            )

    @task(1)
    def feedback_form(self):
        self.page("/my/performance/feedback/give", "page: portal give feedback form")

    def colleague(self):
        """A colleague's id as the form would post it: from the search field's route."""
        with self.client.get(
            "/my/performance/colleagues?q=Bench+Employee+12",
            name="page: portal colleague search",
            catch_response=True,
        ) as answer:
            if answer.status_code == 404:  # an addon without the route: the select's first id
                answer.success()
                return DATA.get("colleague_id")
            try:
                people = answer.json()
            except ValueError:
                answer.failure(f"not JSON: HTTP {answer.status_code}")
                return None
            return people and random.choice(people)["id"]


class Officer(Person):
    kind = "officer"
    fixed_count = 1

    @task(2)
    def cycle_form(self):
        self.call(
            "performance.cycle",
            "web_read",
            "page: officer cycle form",
            [[DATA["cycle_id"]]],
            context=context(self.uid, bin_size=True),
            specification=CYCLE_FORM,
        )

    @task(1)
    def nine_box(self):
        self.call(
            "performance.review.assessment",
            "web_read_group",
            "page: officer 9-box (kanban)",
            domain=[["cycle_id", "=", DATA["history_id"]]],
            groupby=["nine_box"],
            aggregates=[],
            offset=0,
            order="",
            auto_unfold=True,
            opening_info=[],
            unfold_read_specification=NINE_BOX,
            unfold_read_default_limit=80,
            groupby_read_specification={},
            context=context(self.uid, read_group_expand=True),
        )
