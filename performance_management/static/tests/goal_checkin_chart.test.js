import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { queryAllAttributes, queryAllTexts, queryOne } from "@odoo/hoot-dom";
import { mountView, preloadBundle } from "@web/../tests/web_test_helpers";
import { checkinPoints } from "@performance_management/fields/goal_checkin_chart/goal_checkin_chart";
import { PerformanceGoal } from "@performance_management/../tests/mock_server/mock_models/performance_goal";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

describe.current.tags("desktop");
definePerformanceModels();
preloadBundle("web.chartjs_lib");

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

test("checkinPoints spreads the check-ins by day and keeps the progress", () => {
    const points = checkinPoints([
        { date: "2026-01-01", progress: 0, confidence: "on_track" },
        { date: "2026-01-03", progress: 100, confidence: "on_track" },
        { date: "2026-01-11", progress: 50, confidence: "at_risk" },
    ]);
    expect(points.map((point) => point.x)).toEqual([0, 2, 10]);
    expect(points.map((point) => point.y)).toEqual([0, 100, 50]);
    expect(points.map((point) => point.confidence)).toEqual(["on_track", "on_track", "at_risk"]);
});

test("checkinPoints keeps the chart in range: one check-in, one day, odd values", () => {
    expect(checkinPoints([{ date: "2026-01-01", progress: 40 }])[0].x).toBe(0);
    const sameDay = checkinPoints([
        { date: "2026-01-01", progress: 150 },
        { date: "2026-01-01", progress: -20 },
        { date: "2026-01-01", progress: "x" },
    ]);
    // one date: in the order of the check-ins
    expect(sameDay.map((point) => point.x)).toEqual([0, 1, 2]);
    expect(sameDay.map((point) => point.y)).toEqual([100, 0, 0]);
});

test("the goal form draws a Chart.js line, a point per check-in coloured by confidence", async () => {
    await mountView({ type: "form", resModel: "performance.goal", resId: 1, arch: ARCH });
    expect(".o_performance_checkin_chart canvas").toHaveCount(1);
    const chart = window.Chart.getChart(queryOne(".o_performance_checkin_chart canvas"));
    expect(chart.config.type).toBe("line");
    const [dataset] = chart.data.datasets;
    // x in days since the first check-in, y the progress
    expect(dataset.data.map((point) => [point.x, point.y])).toEqual([
        [0, 10],
        [31, 35.5],
        [59, 30],
    ]);
    const [onTrack, atRisk, offTrack] = dataset.pointBackgroundColor;
    expect(new Set([onTrack, atRisk, offTrack]).size).toBe(3);
    // the dates of the first and last check-ins under the axis, the progress in percent
    expect(chart.scales.x.ticks.map((tick) => tick.label)).toEqual(["01/05/2026", "03/05/2026"]);
    expect(chart.scales.y.ticks.map((tick) => tick.label)).toEqual(["0%", "50%", "100%"]);
    // the tooltip of a point says its date, progress and confidence
    const tooltip = chart.options.plugins.tooltip.callbacks.label({ raw: dataset.data[1] });
    expect(tooltip).toBe("02/05/2026: 36% (At Risk)");
    // and what the chart draws is told to screen readers
    expect(queryAllAttributes(".o_performance_checkin_chart_point", "class")).toEqual([
        "o_performance_checkin_chart_point o_performance_confidence_on_track",
        "o_performance_checkin_chart_point o_performance_confidence_at_risk",
        "o_performance_checkin_chart_point o_performance_confidence_off_track",
    ]);
    expect(queryAllTexts(".o_performance_checkin_chart_point")[1]).toBe("02/05/2026: 36% (At Risk)");
});

test("a goal without check-in says so instead of an empty chart", async () => {
    await mountView({ type: "form", resModel: "performance.goal", resId: 2, arch: ARCH });
    expect(".o_performance_checkin_chart canvas").toHaveCount(0);
    expect(".o_performance_checkin_chart_empty").toHaveCount(1);
});
