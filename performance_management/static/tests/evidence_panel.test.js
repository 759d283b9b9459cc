import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { queryAll, queryAllTexts } from "@odoo/hoot-dom";
import { contains, mockService, mountView, onRpc } from "@web/../tests/web_test_helpers";
import { PerformanceReview } from "@performance_management/../tests/mock_server/mock_models/performance_review";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

const EVIDENCE = {
    can_cite: true,
    groups: [
        {
            kind: "kudos",
            label: "Kudos",
            items: [
                {
                    model: "performance.recognition",
                    id: 7,
                    date: "03/04/2026",
                    title: "Kudos for teamwork",
                    detail: "Helped the support team",
                    cited: false,
                },
                {
                    model: "performance.recognition",
                    id: 9,
                    date: "11/20/2026",
                    title: "Kudos for the release",
                    detail: "",
                    cited: true,
                },
            ],
        },
        {
            kind: "feedback",
            label: "Feedback Received",
            items: [
                {
                    model: "performance.feedback",
                    id: 3,
                    date: "12/01/2026",
                    title: "Praise from Mia Manager",
                    detail: "",
                    cited: true,
                },
            ],
        },
    ],
    months: [
        { label: "Oct 26", count: 0, cited: 0 },
        { label: "Nov 26", count: 5, cited: 1 },
        { label: "Dec 26", count: 10, cited: 1 },
    ],
    max: 10,
    citation_count: 2,
    recent_share: 100,
    recency_warning: true,
};

definePerformanceModels();

beforeEach(() => {
    PerformanceReview._records = [
        { id: 1, evidence_data: EVIDENCE },
        {
            id: 2,
            evidence_data: {
                ...EVIDENCE,
                can_cite: false,
                recency_warning: false,
                recent_share: 50,
            },
        },
        {
            id: 3,
            evidence_data: { ...EVIDENCE, groups: [], months: [], max: 0, citation_count: 0 },
        },
    ];
});

describe.current.tags("desktop");

const FORM = `
    <form>
        <field name="evidence_data" widget="performance_evidence" readonly="1"/>
    </form>`;

function mount(resId) {
    return mountView({ type: "form", resModel: "performance.review", resId, arch: FORM });
}

test("the month strip: a bar per month, scaled to the fullest, cited months marked", async () => {
    await mount(1);
    expect(queryAllTexts(".o_pm_evidence_month_label")).toEqual(["Oct 26", "Nov 26", "Dec 26"]);
    const months = queryAll(".o_pm_evidence_month");
    expect(months.map((month) => month.getAttribute("title"))).toEqual([
        "Oct 26: 0",
        "Nov 26: 5",
        "Dec 26: 10",
    ]);
    // heights: a stub for an empty month, half the fullest's for half its evidence
    const heights = queryAll(".o_pm_evidence_bar").map((bar) => bar.style.height);
    expect(heights).toEqual(["2.4px", "30px", "60px"]);
    expect(".o_pm_evidence_bar:eq(0)").toHaveClass("bg-info");
    expect(".o_pm_evidence_bar:eq(1)").toHaveClass("bg-primary");
});

test("the recency warning when what is cited sits in the last six weeks", async () => {
    await mount(1);
    expect(".o_pm_recency_warning").toHaveCount(1);
    expect(".o_pm_recency_warning").toHaveText(
        "100% of what you cite dates from the last six weeks of the period: look at the earlier months too."
    );
    expect(".o_pm_recency_ok").toHaveCount(0);
});

test("no warning, the share said plainly, and nothing to cite for a reader", async () => {
    await mount(2);
    expect(".o_pm_recency_warning").toHaveCount(0);
    expect(".o_pm_recency_ok").toHaveText("2 cited, 50% from the last six weeks.");
    expect(".o_pm_evidence_cite").toHaveCount(0);
    // what was cited still shows as cited
    expect(".o_pm_evidence_item .fa-check").toHaveCount(2);
});

test("nothing to read in the period", async () => {
    await mount(3);
    expect(".o_pm_evidence_empty").toHaveText("No evidence you may read in this period.");
    expect(".o_pm_evidence_month").toHaveCount(0);
    expect(".o_pm_evidence_item").toHaveCount(0);
});

test("each item links to its record and can be cited", async () => {
    mockService("action", {
        doAction(action) {
            expect.step(`open ${action.res_model} ${action.res_id} ${action.target}`);
        },
    });
    onRpc("performance.review", "action_cite_evidence", ({ args }) => {
        expect.step(`cite ${JSON.stringify(args)}`);
        return true;
    });
    await mount(1);
    expect(queryAllTexts(".o_pm_evidence_group .fw-bold")).toEqual([
        "KUDOS (2)",
        "FEEDBACK RECEIVED (1)",
    ]);
    expect(queryAllTexts(".o_pm_evidence_link")).toEqual([
        "Kudos for teamwork",
        "Kudos for the release",
        "Praise from Mia Manager",
    ]);
    await contains(".o_pm_evidence_feedback .o_pm_evidence_link").click();
    expect.verifySteps(["open performance.feedback 3 new"]);
    // cited and not cited items read differently
    expect(".o_pm_evidence_kudos .o_pm_evidence_cite:eq(0)").toHaveClass("btn-outline-secondary");
    expect(".o_pm_evidence_kudos .o_pm_evidence_cite:eq(1)").toHaveClass("btn-primary");
    await contains(".o_pm_evidence_kudos .o_pm_evidence_cite:eq(0)").click();
    expect.verifySteps([`cite [[1],"performance.recognition",7]`]);
});
