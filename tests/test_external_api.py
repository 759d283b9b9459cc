"""The addon through Odoo's external APIs (JSON-RPC and JSON-2), on a multi-worker server."""

import pytest

SETUP = """
from odoo.fields import Command
from odoo.tests import new_test_user
from datetime import datetime, timedelta
officer = new_test_user(
    env, 'api_officer', password='api_officer_pw',
    groups='performance_management.group_performance_officer')
plain = new_test_user(env, 'api_plain', groups='base.group_user', password='api_plain_pw')
for user in (officer, plain, env.ref('base.user_admin')):
    key = user.env['res.users.apikeys'].with_user(user)._generate(
        'rpc', 'test', datetime.now() + timedelta(days=1))
    print('KEY', user.login, key)
env.cr.commit()
"""


@pytest.fixture(scope="module")
def keys(installed_db):
    out = installed_db.shell(SETUP, name="api-users")
    found = dict(line.split()[1:3] for line in out.splitlines() if line.startswith("KEY "))
    assert set(found) == {"api_officer", "api_plain", "admin"}, out[-2000:]
    return found


def test_jsonrpc_login_and_models(server, keys):
    db = server.odoo.db
    uid = server.jsonrpc("common", "login", db, "api_officer", "api_officer_pw")["result"]
    assert uid
    for model in ("performance.goal", "performance.review", "performance.feedback"):
        answer = server.jsonrpc(
            "object", "execute_kw", db, uid, "api_officer_pw", model, "search_count", [[]]
        )
        assert answer.get("result") == 0, answer
    answer = server.jsonrpc(
        "object",
        "execute_kw",
        db,
        uid,
        "api_officer_pw",
        "performance.review",
        "fields_get",
        [],
        {"attributes": ["type"]},
    )
    assert answer["result"]["employee_id"]["type"] == "many2one", answer


def test_jsonrpc_wrong_password_is_refused(server, keys):
    answer = server.jsonrpc("common", "login", server.odoo.db, "api_plain", "wrong")
    assert answer["result"] is False


def test_json2_officer_reads_and_plain_user_is_refused(server, keys):
    status, body = server.json2(
        keys["api_officer"], "performance.review", "search_count", domain=[]
    )
    assert status == 200, body
    assert body == 0
    status, body = server.json2(
        keys["api_officer"],
        "res.company",
        "search_read",
        domain=[],
        fields=["performance_anonymity_threshold"],
    )
    assert status == 200 and body[0]["performance_anonymity_threshold"] == 3, body
    # a plain employee may not change the company's performance settings
    status, body = server.json2(
        keys["api_plain"],
        "res.company",
        "write",
        ids=[1],
        vals={"performance_anonymity_threshold": 9},
    )
    assert status == 403, body
    assert body["name"] == "odoo.exceptions.AccessError"


def test_json2_bad_input_gets_a_clear_error(server, keys):
    status, body = server.json2(
        keys["admin"],
        "res.company",
        "write",
        ids=[1],
        vals={"performance_anonymity_threshold": 0},
    )
    assert status == 422, body
    assert body["name"] == "odoo.exceptions.ValidationError"
    assert "at least 1" in body["message"]
