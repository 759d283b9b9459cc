import { beforeEach, expect, test } from "@odoo/hoot";
import { mountView } from "@web/../tests/web_test_helpers";
import { PerformanceCycle } from "@performance_management/../tests/mock_server/mock_models/performance_cycle";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

definePerformanceModels();

beforeEach(() => {
    PerformanceCycle._records = [
        {
            id: 1,
            name: "Annual 2026",
            phase_progress: [
                {
                    key: "self",
                    label: "Self Reviews",
                    deadline: "2026-03-31",
                    done: 6,
                    late: 3,
                    total: 10,
                    percent: 60,
                    late_percent: 30,
                },
                {
                    key: "manager",
                    label: "Manager Reviews",
                    deadline: false,
                    done: 2,
                    late: 0,
                    total: 10,
                    percent: 20,
                    late_percent: 0,
                },
            ],
            distribution_data: {
                total: 10,
                levels: [
                    { level: "Outstanding", target: 10, count: 5, actual: 50 },
                    { level: "Meets", target: 75, count: 5, actual: 50 },
                    { level: "Below", target: 15, count: 0, actual: 0 },
                ],
            },
        },
        { id: 2, name: "Draft", phase_progress: [], distribution_data: { total: 0, levels: [] } },
    ];
});

const ARCH = `<form>
    <field name="phase_progress" widget="performance_cycle_phases"/>
    <field name="distribution_data" widget="performance_cycle_distribution"/>
</form>`;

test("phases are bars: done of total, late in red", async () => {
    await mountView({ type: "form", resModel: "performance.cycle", resId: 1, arch: ARCH });
    expect(".o_performance_cycle_phase").toHaveCount(2);
    const self = ".o_performance_cycle_phase[data-phase='self']";
    expect(`${self} .o_performance_phase_done`).toHaveAttribute("style", "width: 60%");
    expect(`${self} .o_performance_phase_late_bar`).toHaveAttribute("style", "width: 30%");
    expect(`${self}`).toHaveText(/6 of 10 done/);
    expect(`${self} .o_performance_phase_late`).toHaveText("3 late");
    expect(`${self} .o_performance_phase_late_bar.bg-danger`).toHaveCount(1);
    const manager = ".o_performance_cycle_phase[data-phase='manager']";
    expect(`${manager} .o_performance_phase_late_bar`).toHaveCount(0);
    expect(`${manager}`).not.toHaveText(/late/);
    expect(`${self} .progress`).toHaveAttribute("aria-valuenow", "60");
});

test("distribution is a chart with the guideline marked", async () => {
    await mountView({ type: "form", resModel: "performance.cycle", resId: 1, arch: ARCH });
    expect(".o_performance_distribution_level").toHaveCount(3);
    expect(".o_performance_distribution_target").toHaveCount(3);
    // 50% where the guideline says 10%: flagged; 50% for 75%: flagged; 0 for 15%: in range
    expect(".o_performance_distribution_bar.bg-warning").toHaveCount(2);
    expect(".o_performance_distribution_level:last-child .o_performance_distribution_bar").toHaveClass(
        "bg-primary"
    );
    expect(".o_performance_distribution_empty").toHaveCount(0);
});

test("an unrated cycle says why its chart is empty", async () => {
    await mountView({ type: "form", resModel: "performance.cycle", resId: 2, arch: ARCH });
    expect(".o_performance_cycle_phase").toHaveCount(0);
    expect(".o_performance_distribution_empty").toHaveCount(1);
});
