from odoo import fields

# What a person did with an automated flag (an issue, a suggested rating, a merit raise).
DECISIONS = [
    ("accepted", "Accepted"),
    ("changed", "Changed"),
    ("dismissed", "Dismissed"),
]


def decision_vals(env, prefix, decision):
    """The values recording ``decision`` by the acting user now, for fields ``<prefix>...``.

    Written by the action methods in sudo: the decision fields are readonly.
    """
    return {
        f"{prefix}decision": decision,
        f"{prefix}decision_user_id": env.uid if decision else False,
        f"{prefix}decision_date": fields.Datetime.now() if decision else False,
    }
