import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { queryAll, queryAllAttributes, queryOne } from "@odoo/hoot-dom";
import { mountView } from "@web/../tests/web_test_helpers";
import { placeCheckins } from "@performance_management/fields/goal_checkin_chart/goal_checkin_chart";
import { PerformanceGoal } from "@performance_management/../tests/mock_server/mock_models/performance_goal";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

describe.current.tags("desktop");
definePerformanceModels();

beforeEach(() => {
    PerformanceGoal._records = [
        {
            id: 1,
            name: "Grow the pipeline",
            checkin_history: [
                { date: "2026-01-05", progress: 10, confidence: "on_track" },
                { date: "2026-02-05", progress: 35.5, confidence: "at_risk" },
                { date: "2026-03-05", progress: 30, confidence: "off_track" },
            ],
        },
        { id: 2, name: "Nothing checked in", checkin_history: [] },
    ];
});

const ARCH = `
    <form>
        <field name="name"/>
        <field name="checkin_history" widget="performance_goal_checkin_chart"/>
    </form>`;

test("placeCheckins spreads the check-ins by date and scales the progress", () => {
    const points = placeCheckins(
        [
            { date: "2026-01-01", progress: 0, confidence: "on_track" },
            { date: "2026-01-03", progress: 100, confidence: "on_track" },
            { date: "2026-01-11", progress: 50, confidence: "at_risk" },
        ],
        100,
        100
    );
    // inner box: x from 40 to 84, y from 12 (100%) to 72 (0%)
    expect(points.map((point) => point.x)).toEqual([40, 48.8, 84]);
    expect(points.map((point) => point.y)).toEqual([72, 12, 42]);
});

test("placeCheckins keeps the chart inside its box: one check-in, one day, odd values", () => {
    expect(placeCheckins([{ date: "2026-01-01", progress: 40 }], 100, 100)[0].x).toBe(62);
    const sameDay = placeCheckins(
        [
            { date: "2026-01-01", progress: 150 },
            { date: "2026-01-01", progress: -20 },
        ],
        100,
        100
    );
    expect(sameDay.map((point) => point.x)).toEqual([40, 84]);
    expect(sameDay.map((point) => point.progress)).toEqual([100, 0]);
});

test("the goal form draws a point per check-in, coloured by confidence", async () => {
    await mountView({ type: "form", resModel: "performance.goal", resId: 1, arch: ARCH });
    expect(".o_performance_checkin_chart svg").toHaveCount(1);
    expect(".o_performance_checkin_chart_point").toHaveCount(3);
    expect(queryAllAttributes(".o_performance_checkin_chart_point", "class")).toEqual([
        "o_performance_checkin_chart_point o_performance_confidence_on_track",
        "o_performance_checkin_chart_point o_performance_confidence_at_risk",
        "o_performance_checkin_chart_point o_performance_confidence_off_track",
    ]);
    expect(queryOne(".o_performance_checkin_chart_line").getAttribute("points").split(" ")).toHaveLength(3);
    expect(queryAll(".o_performance_checkin_chart_point title")[1]).toHaveText(/36%/);
});

test("a goal without check-in says so instead of an empty chart", async () => {
    await mountView({ type: "form", resModel: "performance.goal", resId: 2, arch: ARCH });
    expect(".o_performance_checkin_chart svg").toHaveCount(0);
    expect(".o_performance_checkin_chart_empty").toHaveCount(1);
});
