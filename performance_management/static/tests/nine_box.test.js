import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { queryAllTexts, queryFirst } from "@odoo/hoot-dom";
import { animationFrame } from "@odoo/hoot-mock";
import {
    contains,
    mockService,
    mountView,
    onRpc,
    preloadBundle,
    toggleMenuItem,
    toggleSearchBarMenu,
} from "@web/../tests/web_test_helpers";
import { HrEmployee } from "@hr/../tests/mock_server/mock_models/hr_employee";
import { PerformanceRatingScale } from "@performance_management/../tests/mock_server/mock_models/performance_rating_scale";
import { PerformanceRatingScaleLevel } from "@performance_management/../tests/mock_server/mock_models/performance_rating_scale_level";
import { PerformanceReview } from "@performance_management/../tests/mock_server/mock_models/performance_review";
import { PerformanceReviewAssessment } from "@performance_management/../tests/mock_server/mock_models/performance_review_assessment";
import { PerformanceReviewTemplate } from "@performance_management/../tests/mock_server/mock_models/performance_review_template";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

definePerformanceModels();
preloadBundle("web.chartjs_lib");

beforeEach(() => {
    HrEmployee._records = [
        { id: 1, name: "Eli Employee" },
        { id: 2, name: "Pat Peer" },
        { id: 3, name: "Noah Nouser" },
    ];
    PerformanceRatingScale._records = [{ id: 1, name: "Five levels" }];
    PerformanceRatingScaleLevel._records = [
        { id: 1, name: "Needs Improvement", value: 1, target_percent: 5, scale_id: 1 },
        { id: 2, name: "Partially Meets", value: 2, target_percent: 15, scale_id: 1 },
        { id: 3, name: "Meets", value: 3, target_percent: 50, scale_id: 1 },
        { id: 4, name: "Exceeds", value: 4, target_percent: 20, scale_id: 1 },
        { id: 5, name: "Outstanding", value: 5, target_percent: 10, scale_id: 1 },
    ];
    PerformanceReviewTemplate._records = [{ id: 1, name: "Annual", scale_id: 1 }];
    PerformanceReview._records = [
        { id: 11, name: "Eli 2026", employee_id: 1, template_id: 1, state: "calibration" },
        { id: 12, name: "Pat 2026", employee_id: 2, template_id: 1, state: "calibration" },
        { id: 13, name: "Noah 2026", employee_id: 3, template_id: 1, state: "self_review" },
    ];
    PerformanceReviewAssessment._records = [
        { id: 1, review_id: 11, final_rating_id: 3, performance_tier: "medium", potential: "medium" },
        { id: 2, review_id: 12, final_rating_id: 5, performance_tier: "high", potential: "high" },
        { id: 3, review_id: 13, final_rating_id: false, performance_tier: false, potential: false },
    ];
    PerformanceReviewAssessment._views = {
        kanban: `
            <kanban js_class="performance_nine_box" create="0">
                <field name="review_id"/>
                <field name="scale_id"/>
                <field name="performance_tier"/>
                <field name="potential"/>
                <field name="final_rating_id"/>
                <field name="review_state"/>
                <templates>
                    <t t-name="card">
                        <field name="employee_id" class="o_test_name"/>
                    </t>
                </templates>
            </kanban>`,
        search: `
            <search>
                <filter name="calibration" string="In Calibration"
                    domain="[('review_state', '=', 'calibration')]"/>
            </search>`,
    };
});

describe.current.tags("desktop");

const box = (name) => `.o_nine_box_grid .o_nine_box_cell[data-box="${name}"]`;

/** Each calibration the server receives, as a step. */
function stepCalibrations() {
    onRpc("action_calibrate", ({ args: [ids, ratingId, potential, reason] }) => {
        expect.step(`calibrate ${ids} rating=${ratingId} potential=${potential} reason=${reason}`);
    });
}

async function mountNineBox() {
    await mountView({ type: "kanban", resModel: "performance.review.assessment" });
}

test("draws the nine boxes, empty ones included, with counts and shares", async () => {
    await mountNineBox();
    expect(".o_nine_box_grid .o_nine_box_cell").toHaveCount(9);
    expect(".o_nine_box_grid .o_nine_box_cell.o_nine_box_empty").toHaveCount(7);
    // potential goes up: the top row is the high potential, the star in its right corner
    expect(queryFirst(".o_nine_box_grid .o_nine_box_cell").dataset.box).toBe("low_high");
    expect(`${box("high_high")} .o_nine_box_cell_title`).toHaveText("Star");
    expect(`${box("high_high")} .o_nine_box_count`).toHaveText("1");
    expect(`${box("high_high")} .o_nine_box_share`).toHaveText("50%");
    expect(`${box("medium_medium")} .o_test_name`).toHaveText("Eli Employee");
    expect(`${box("low_low")} .o_nine_box_count`).toHaveText("0");
    // the card without rating waits below the grid
    expect(".o_nine_box_unplaced_count").toHaveText("1");
    expect(".o_nine_box_unplaced .o_test_name").toHaveText("Noah Nouser");
    // performance columns carry the guideline of their rating levels
    expect(queryAllTexts(".o_nine_box_guideline")).toEqual([
        "Guideline 20% · actual 0%",
        "Guideline 50% · actual 50%",
        "Guideline 30% · actual 50%",
    ]);
    // only reviews in manager review or calibration move
    expect(`${box("high_high")} .o_kanban_record.o_draggable`).toHaveCount(1);
    expect(".o_nine_box_unplaced .o_kanban_record.o_draggable").toHaveCount(0);
});

test("the distribution beside the guideline", async () => {
    await mountNineBox();
    expect(".o_rating_distribution canvas").toHaveCount(1);
    expect(queryAllTexts(".o_rating_distribution_table tbody tr")).toEqual([
        "Needs Improvement 5% 0 0%",
        "Partially Meets 15% 0 0%",
        "Meets 50% 1 50%",
        "Exceeds 20% 0 0%",
        "Outstanding 10% 1 50%",
    ]);
});

test("moving a card asks the reason and calibrates through the server", async () => {
    stepCalibrations();
    await mountNineBox();
    await contains(`${box("medium_medium")} .o_kanban_record`).dragAndDrop(box("high_high"));
    expect(".modal .o_nine_box_move_dialog").toHaveCount(1);
    expect(".modal .o_nine_box_move_target").toHaveText("Star");
    // the performance changes: the levels of the new column, the nearest one picked
    expect(queryAllTexts(".modal .o_nine_box_level")).toEqual(["Exceeds", "Outstanding"]);
    expect(".modal .o_nine_box_level.active").toHaveText("Exceeds");
    expect(".modal .o_nine_box_confirm").not.toBeEnabled();
    await contains(".modal .o_nine_box_level:eq(1)").click();
    await contains(".modal .o_nine_box_reason").edit("Led the migration");
    expect(".modal .o_nine_box_confirm").toBeEnabled();
    await contains(".modal .o_nine_box_confirm").click();
    expect.verifySteps(["calibrate 1 rating=5 potential=high reason=Led the migration"]);
    await animationFrame();
    expect(".modal").toHaveCount(0);
    expect(`${box("high_high")} .o_nine_box_count`).toHaveText("2");
    expect(`${box("medium_medium")} .o_nine_box_count`).toHaveText("0");
    expect(`${box("high_high")} .o_test_name`).toHaveCount(2);
    // the chart follows
    expect(".o_rating_distribution_table tbody tr:eq(4) .o_rating_count").toHaveText("2");
    expect(".o_rating_distribution_table tbody tr:eq(2) .o_rating_count").toHaveText("0");
});

test("a move within the performance column keeps the rating", async () => {
    stepCalibrations();
    await mountNineBox();
    await contains(`${box("medium_medium")} .o_kanban_record`).dragAndDrop(box("medium_low"));
    expect(".modal .o_nine_box_level").toHaveCount(0);
    await contains(".modal .o_nine_box_reason").edit("Happy where she is");
    await contains(".modal .o_nine_box_confirm").click();
    expect.verifySteps(["calibrate 1 rating=3 potential=low reason=Happy where she is"]);
});

test("discarding the reason leaves the card where it was", async () => {
    onRpc("action_calibrate", () => expect.step("calibrate"));
    await mountNineBox();
    await contains(`${box("high_high")} .o_kanban_record`).dragAndDrop(box("low_low"));
    await contains(".modal .btn-secondary:contains(Discard)").click();
    expect(".modal").toHaveCount(0);
    expect(`${box("high_high")} .o_test_name`).toHaveText("Pat Peer");
    expect.verifySteps([]);
});

test("a card opens its review", async () => {
    mockService("action", {
        doAction(action) {
            expect.step(`${action.res_model} ${action.res_id}`);
        },
    });
    await mountNineBox();
    await contains(`${box("medium_medium")} .o_kanban_record`).click();
    expect.verifySteps(["performance.review 11"]);
});

test("the counts follow the search, as filters and facets are Odoo's own", async () => {
    onRpc("get_nine_box_data", ({ args }) => {
        expect.step(JSON.stringify(args[0]));
    });
    await mountNineBox();
    expect.verifySteps(["[]"]);
    expect(".o_nine_box_unplaced_count").toHaveText("1");
    await toggleSearchBarMenu();
    await toggleMenuItem("In Calibration");
    expect.verifySteps(['[["review_state","=","calibration"]]']);
    expect(".o_nine_box_unplaced").toHaveCount(0);
    expect(".o_nine_box_grid .o_nine_box_cell").toHaveCount(9);
    expect(`${box("high_high")} .o_nine_box_count`).toHaveText("1");
});

test("the model loads the counts with the cards, and both again after a move", async () => {
    onRpc(({ method }) => {
        if (["web_search_read", "get_nine_box_data", "action_calibrate"].includes(method)) {
            expect.step(method);
        }
    });
    await mountNineBox();
    // side by side: the cards and the counts of the same search
    expect.verifySteps(["web_search_read", "get_nine_box_data"], { ignoreOrder: true });
    await contains(`${box("medium_medium")} .o_kanban_record`).dragAndDrop(box("medium_low"));
    await contains(".modal .o_nine_box_reason").edit("Happy where she is");
    await contains(".modal .o_nine_box_confirm").click();
    await animationFrame();
    expect.verifySteps(["action_calibrate", "web_search_read", "get_nine_box_data"], {
        ignoreOrder: true,
    });
    // the counts read after the move
    expect(`${box("medium_low")} .o_nine_box_count`).toHaveText("1");
    expect(`${box("medium_medium")} .o_nine_box_count`).toHaveText("0");
});
