"""Writes the Performance spreadsheet dashboard of the addon.

From the repository root, after a change:
    python3 scripts/performance_dashboard.py \
        performance_management/data/files/performance_dashboard.json
"""

import json
import sys
import uuid


def fid(n):  # stable ids
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"performance_dashboard/{n}"))


pivots = {}


def pivot(pid, name, model, rows, measures, domain=(), columns=()):
    pivots[str(pid)] = {
        "type": "ODOO",
        "fieldMatching": {},
        "context": {},
        "domain": list(domain),
        "id": str(pid),
        "formulaId": str(pid),
        "name": name,
        "model": model,
        "measures": measures,
        "columns": [dimension(c) for c in columns],
        "rows": [dimension(r) for r in rows],
    }


def dimension(spec):
    name, __, granularity = spec.partition(":")
    return {"fieldName": name, "granularity": granularity} if granularity else {"fieldName": name}


def count(name=None):
    m = {"id": "__count", "fieldName": "__count"}
    if name:
        m["userDefinedName"] = name
    return m


CURRENT = [["is_current_cycle", "=", True]]
RUNNING_GOALS = [["state", "=", "active"]]
KUDOS = [["kind", "=", "recognition"]]

# KPIs (Data sheet)
pivot(1, "KPI - Reviews", "performance.report", [], [count()], CURRENT)
pivot(
    2,
    "KPI - Released",
    "performance.report",
    [],
    [{"id": "released_rate:avg", "fieldName": "released_rate", "aggregator": "avg"}],
    CURRENT,
)
pivot(
    3,
    "KPI - Goals on track",
    "performance.goal.report",
    [],
    [count()],
    RUNNING_GOALS + [["confidence", "=", "on_track"]],
)
pivot(4, "KPI - Running goals", "performance.goal.report", [], [count()], RUNNING_GOALS)
pivot(5, "KPI - Kudos", "performance.activity.report", [], [count()], KUDOS)
pivot(
    6,
    "KPI - Open improvement plans",
    "performance.improvement.plan",
    [],
    [count()],
    [["state", "not in", ["closed", "cancelled"]]],
)
# tables (Dashboard sheet)
pivot(
    7,
    "Completion by phase",
    "performance.report",
    ["cycle_id"],
    [
        {"id": "self_done_rate:avg", "fieldName": "self_done_rate", "aggregator": "avg"},
        {"id": "manager_done_rate:avg", "fieldName": "manager_done_rate", "aggregator": "avg"},
        {"id": "released_rate:avg", "fieldName": "released_rate", "aggregator": "avg"},
        {"id": "acknowledged_rate:avg", "fieldName": "acknowledged_rate", "aggregator": "avg"},
    ],
    CURRENT,
)
pivot(
    8,
    "Rating distribution against the guideline",
    "performance.report",
    ["final_rating_id"],
    [
        {
            "id": "__count",
            "fieldName": "__count",
            "userDefinedName": "Actual (%)",
            # one level of rows: the same share as "% of column total", but an empty
            # distribution (a reader without a rated review) shows nothing, not #DIV/0!
            "display": {"type": "%_of_parent_row_total"},
        },
        {
            "id": "final_rating_target:avg",
            "fieldName": "final_rating_target",
            "aggregator": "avg",
            "userDefinedName": "Guideline (%)",
        },
    ],
    CURRENT + [["final_rating_id", "!=", False]],
)
pivot(
    9,
    "Goals by team and confidence",
    "performance.goal.report",
    ["department_id"],
    [count("Goals")],
    RUNNING_GOALS,
    columns=["confidence"],
)
pivot(10, "Kudos by value", "performance.activity.report", ["value_id"], [count("Kudos")], KUDOS)
pivot(
    11,
    "Improvement plans by outcome",
    "performance.improvement.plan",
    ["outcome"],
    [count("Plans")],
    columns=["state"],
)
# program evaluation: the managers' scorecards and the teams' eNPS. A manager reads his own
# scorecard and those below him, an officer his companies', a plain employee none; a
# manager reads his own team's pulse results, an officer every group's: each reader's
# figures come from what he may read, never from survey questions or company results.
TEAM_ENPS = [["has_team_enps", "=", True]]
ENPS_GROUPS = [["dimension", "in", ["company", "team"]]]
pivot(
    12,
    "KPI - Team eNPS",
    "performance.manager.scorecard",
    [],
    [count(), {"id": "team_enps:avg", "fieldName": "team_enps", "aggregator": "avg"}],
    TEAM_ENPS,
)
pivot(
    13,
    "KPI - Manager score",
    "performance.manager.scorecard",
    [],
    [count(), {"id": "score:avg", "fieldName": "score", "aggregator": "avg"}],
)
pivot(
    14,
    "Manager effectiveness",
    "performance.manager.scorecard",
    ["manager_id"],
    [
        {"id": "score:avg", "fieldName": "score", "aggregator": "avg"},
        {"id": "one_on_one_rate:avg", "fieldName": "one_on_one_rate", "aggregator": "avg"},
        {
            "id": "review_on_time_rate:avg",
            "fieldName": "review_on_time_rate",
            "aggregator": "avg",
        },
        {"id": "checkin_rate:avg", "fieldName": "checkin_rate", "aggregator": "avg"},
        {"id": "team_enps:avg", "fieldName": "team_enps", "aggregator": "avg"},
    ],
)
pivot(
    15,
    "eNPS by round",
    "performance.pulse.result",
    ["date:month"],
    [{"id": "enps:avg", "fieldName": "enps", "aggregator": "avg", "userDefinedName": "eNPS"}],
    ENPS_GROUPS,
    columns=["dimension"],
)


def view_link(title, model, view_type, domain, context):
    action = {
        "domain": domain,
        "context": context,
        "modelName": model,
        "views": [[False, "graph"], [False, "pivot"], [False, "list"], [False, "form"]],
    }
    view = json.dumps(
        {"viewType": view_type, "action": action, "threshold": 0, "name": title},
        separators=(",", ":"),
    )
    return f"[{title}](odoo://view/{view})"


def chart(n, model, group_by, mode, domain, x, y, w=480, h=300, measure="__count", title=""):
    return {
        "id": fid(n),
        "width": w,
        "height": h,
        "tag": "chart",
        "col": 0,
        "row": 0,
        "offset": {"x": x, "y": y},
        "data": {
            "title": {"text": title},
            "background": "#FFFFFF",
            "legendPosition": "top",
            "metaData": {
                "groupBy": group_by,
                "measure": measure,
                "order": None,
                "resModel": model,
                "mode": mode,
            },
            "searchParams": {
                "comparison": None,
                "context": {},
                "domain": domain,
                "groupBy": group_by,
                "orderBy": [],
            },
            "type": "odoo_" + mode,
            "dataSets": [],
            "verticalAxisPosition": "left",
            "stacked": mode == "bar",
            "fieldMatching": {},
            "chartId": fid(n),
        },
    }


def scorecard(n, title, cell, x, baseline=None):
    data = {
        "type": "scorecard",
        "title": {"text": title, "bold": True, "color": "#434343"},
        "background": "#EFF6FF",
        "keyValue": cell,
        "baselineMode": "text",
        "baselineColorDown": "#DC6965",
        "baselineColorUp": "#00A04A",
        "humanize": False,
        "chartId": fid(n),
    }
    if baseline:
        data["baseline"] = baseline
    return {
        "id": fid(n),
        "width": 150,
        "height": 106,
        "tag": "chart",
        "col": 0,
        "row": 0,
        "offset": {"x": x, "y": 12},
        "data": data,
    }


figures = [
    scorecard("kpi_reviews", "Reviews (current cycle)", "Data!B1", 0),
    scorecard("kpi_released", "Released (%)", "Data!B2", 160),
    scorecard("kpi_goals", "Goals on track", "Data!B3", 320),
    scorecard("kpi_kudos", "Kudos given", "Data!B5", 480),
    scorecard("kpi_plans", "Open improvement plans", "Data!B6", 640),
    scorecard("kpi_enps", "Team eNPS", "Data!B7", 800),
    scorecard("kpi_manager_score", "Manager score", "Data!B8", 960),
]
cells = {}
styles = {}
ROW_H = 23  # default row height of o-spreadsheet

# sections: title row, then a pivot table and/or a chart
sections = [
    (
        "A7",
        view_link(
            "Cycle completion", "performance.report", "graph", CURRENT, {"group_by": ["state"]}
        ),
        "=PIVOT(7)",
        "chart_completion",
        ("performance.report", ["state"], "bar", CURRENT),
    ),
    (
        "A21",
        view_link(
            "Rating distribution against the guideline",
            "performance.report",
            "pivot",
            CURRENT,
            {"pivot_row_groupby": ["final_rating_id"]},
        ),
        "=PIVOT(8)",
        "chart_rating",
        (
            "performance.report",
            ["final_rating_id"],
            "bar",
            CURRENT + [["final_rating_id", "!=", False]],
        ),
    ),
    (
        "A35",
        view_link(
            "Goals on track",
            "performance.goal.report",
            "pivot",
            RUNNING_GOALS,
            {"pivot_row_groupby": ["department_id"], "pivot_column_groupby": ["confidence"]},
        ),
        "=PIVOT(9)",
        "chart_goals",
        ("performance.goal.report", ["confidence"], "pie", RUNNING_GOALS),
    ),
    (
        "A49",
        view_link(
            "Kudos by value",
            "performance.activity.report",
            "graph",
            KUDOS,
            {"group_by": ["value_id"]},
        ),
        "=PIVOT(10)",
        "chart_kudos",
        ("performance.activity.report", ["value_id"], "pie", KUDOS),
    ),
    (
        "A63",
        view_link(
            "Improvement plans by outcome",
            "performance.improvement.plan",
            "pivot",
            [],
            {"pivot_row_groupby": ["outcome"], "pivot_column_groupby": ["state"]},
        ),
        "=PIVOT(11)",
        "chart_plans",
        ("performance.improvement.plan", ["outcome"], "bar", []),
    ),
    (
        "A77",
        view_link(
            "eNPS by round",
            "performance.pulse.result",
            "graph",
            ENPS_GROUPS,
            {"group_by": ["date:month", "dimension"], "graph_measure": "enps"},
        ),
        "=PIVOT(15)",
        "chart_enps",
        ("performance.pulse.result", ["date:month", "dimension"], "line", ENPS_GROUPS, "enps"),
    ),
    (
        "A91",
        view_link(
            "Manager effectiveness",
            "performance.manager.scorecard",
            "pivot",
            [],
            {"pivot_row_groupby": ["manager_id"]},
        ),
        "=PIVOT(14)",
        None,
        None,
    ),
]
for title_cell, link, table, chart_id, source in sections:
    row = int(title_cell[1:])
    cells[title_cell] = link
    styles[title_cell] = 1
    cells[f"A{row + 1}"] = table
    if chart_id:
        model, group_by, mode, domain, *measure = source
        y = (row) * ROW_H
        figures.append(
            chart(
                chart_id,
                model,
                group_by,
                mode,
                domain,
                680,
                y,
                w=440,
                h=290,
                measure=measure[0] if measure else "__count",
            )
        )

data_cells = {}
kpis = [
    ("Reviews", 1, "__count"),
    ("Released (%)", 2, "released_rate:avg"),
    ("Goals on track", 3, "__count"),
    ("Running goals", 4, "__count"),
    ("Kudos", 5, "__count"),
    ("Open improvement plans", 6, "__count"),
]
for index, (label, pid, measure) in enumerate(kpis, start=1):
    data_cells[f"A{index}"] = label
    data_cells[f"B{index}"] = f'=IFERROR(PIVOT.VALUE({pid},"{measure}"),0)'
# an average over no review (no current cycle, nothing the reader may see) is a division by
# zero: the scorecard says "-", never #DIV/0!
data_cells["B2"] = '=IFERROR(ROUND(PIVOT.VALUE(2,"released_rate:avg"),0),"-")'
# no scorecard the reader may see (a plain employee), or none with a figure: "-", not 0
for index, (label, pid, measure) in enumerate(
    [("Team eNPS", 12, "team_enps:avg"), ("Manager score", 13, "score:avg")], start=7
):
    data_cells[f"A{index}"] = label
    data_cells[f"B{index}"] = (
        f'=IFERROR(IF(PIVOT.VALUE({pid},"__count")>0,'
        f'ROUND(PIVOT.VALUE({pid},"{measure}"),0),"-"),"-")'
    )


def sheet(sid, name, cells, figures, cols, rows=80, styles=None):
    return {
        "id": sid,
        "name": name,
        "colNumber": 12,
        "rowNumber": rows,
        "rows": {},
        "cols": cols,
        "merges": [],
        "cells": cells,
        "styles": styles or {},
        "formats": {},
        "borders": {},
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": figures,
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }


spreadsheet = {
    "version": "18.5.10",
    "sheets": [
        sheet(
            "dashboard",
            "Dashboard",
            cells,
            figures,
            {
                "0": {"size": 200},
                "1": {"size": 110},
                "2": {"size": 110},
                "3": {"size": 110},
                "4": {"size": 110},
            },
            rows=120,
            styles=styles,
        ),
        sheet("data", "Data", data_cells, [], {"0": {"size": 200}, "1": {"size": 120}}, rows=20),
    ],
    "styles": {"1": {"textColor": "#01666b", "bold": True, "fontSize": 16}},
    "formats": {},
    "borders": {},
    "revisionId": "START_REVISION",
    "uniqueFigureIds": True,
    "settings": {
        "locale": {
            "name": "English (US)",
            "code": "en_US",
            "thousandsSeparator": ",",
            "decimalSeparator": ".",
            "dateFormat": "mm/dd/yyyy",
            "timeFormat": "hh:mm:ss",
            "formulaArgSeparator": ",",
            "weekStart": 7,
        }
    },
    "pivots": pivots,
    "pivotNextId": len(pivots) + 1,
    "customTableStyles": {},
    "globalFilters": [],
    "lists": {},
    "listNextId": 1,
    "chartOdooMenusReferences": {
        fid(n): "performance_management.performance_report_menu"
        for n in ("chart_completion", "chart_rating")
    },
}
with open(sys.argv[1], "w") as out:
    json.dump(spreadsheet, out, indent=4)
