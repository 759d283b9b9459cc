import { expect, test } from "@odoo/hoot";
import { animationFrame } from "@odoo/hoot-mock";
import {
    contains,
    getService,
    mountWithCleanup,
    onRpc,
    patchWithCleanup,
} from "@web/../tests/web_test_helpers";
import { WebClient } from "@web/webclient/webclient";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

definePerformanceModels();

const OVERVIEW = {
    employee: {
        id: 7,
        name: "Joel Willis",
        job_title: "Technician",
        department: "Service",
        show_private: true,
    },
    sections: [
        {
            key: "goal",
            label: "Goals",
            icon: "fa-bullseye",
            button: "action_open_performance_goals",
            model: "performance.goal",
            count: 6,
            rows: [
                {
                    id: 11,
                    name: "Ship the API",
                    date: "2026-06-30",
                    details: [{ field: "state", value: "Active" }],
                    progress: 40,
                },
            ],
        },
        {
            key: "recognition",
            label: "Kudos",
            icon: "fa-heart",
            button: "action_open_performance_recognitions",
            model: "performance.recognition",
            count: 0,
            rows: [],
        },
    ],
};

async function openOverview(overview = OVERVIEW) {
    onRpc("hr.employee.public", "get_performance_overview", ({ args }) => {
        expect.step(`overview of ${args[0][0]}`);
        return overview;
    });
    await mountWithCleanup(WebClient);
    await getService("action").doAction({
        type: "ir.actions.client",
        tag: "performance_employee_overview",
        name: "Performance of Joel Willis",
        params: { employee_id: 7 },
    });
    await animationFrame();
}

test("shows each area the server returns, with its rows and count", async () => {
    await openOverview();
    expect.verifySteps(["overview of 7"]);
    expect(".o_performance_overview_name").toHaveText("Joel Willis");
    expect(".o_performance_overview_section").toHaveCount(2);
    const goals = ".o_performance_overview_section[data-section='goal']";
    expect(`${goals} .o_performance_overview_count`).toHaveText("6");
    expect(`${goals} .o_performance_overview_row`).toHaveCount(1);
    expect(`${goals} .o_performance_overview_row`).toHaveText(/Ship the API/);
    expect(`${goals} .o_performance_overview_row .badge`).toHaveText("Active");
    expect(`${goals} .progress-bar`).toHaveAttribute("style", "width: 40%");
    expect(`${goals} .o_performance_overview_all`).toHaveText("See all 6");
    const kudos = ".o_performance_overview_section[data-section='recognition']";
    expect(`${kudos} .o_performance_overview_all`).toHaveCount(0);
    expect(`${kudos}`).toHaveText(/None yet/);
    expect(".o_performance_overview_journal").toHaveCount(1);
});

test("an area's button opens what the server's action says", async () => {
    onRpc("hr.employee.public", "action_open_performance_goals", ({ args }) => {
        expect.step(`goals of ${args[0][0]}`);
        return { type: "ir.actions.act_window_close" };
    });
    await openOverview();
    patchWithCleanup(getService("action"), {
        doAction(action) {
            expect.step(action.type);
        },
    });
    await contains(".o_performance_overview_section[data-section='goal'] .o_performance_overview_all").click();
    expect.verifySteps(["overview of 7", "goals of 7", "ir.actions.act_window_close"]);
});

test("a reader who may see nothing private gets no journal and an explanation", async () => {
    await openOverview({
        employee: { ...OVERVIEW.employee, show_private: false },
        sections: [],
    });
    expect.verifySteps(["overview of 7"]);
    expect(".o_performance_overview_journal").toHaveCount(0);
    expect(".o_performance_overview_empty").toHaveCount(1);
});
