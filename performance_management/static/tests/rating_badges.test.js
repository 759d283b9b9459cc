import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { queryAllTexts } from "@odoo/hoot-dom";
import { contains, mountView, onRpc } from "@web/../tests/web_test_helpers";
import { PerformanceRatingScale } from "@performance_management/../tests/mock_server/mock_models/performance_rating_scale";
import { PerformanceRatingScaleLevel } from "@performance_management/../tests/mock_server/mock_models/performance_rating_scale_level";
import { PerformanceReview } from "@performance_management/../tests/mock_server/mock_models/performance_review";
import { PerformanceReviewTemplate } from "@performance_management/../tests/mock_server/mock_models/performance_review_template";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

definePerformanceModels();

beforeEach(() => {
    PerformanceRatingScale._records = [
        { id: 1, name: "Three levels" },
        { id: 2, name: "Other" },
    ];
    PerformanceRatingScaleLevel._records = [
        { id: 1, name: "Below", description: "Misses the mark", value: 1, scale_id: 1 },
        { id: 2, name: "Meets", description: "Does what the role asks", value: 2, scale_id: 1 },
        { id: 3, name: "Above", description: "Raises the bar", value: 3, scale_id: 1 },
        { id: 4, name: "Other scale", value: 1, scale_id: 2 },
    ];
    PerformanceReviewTemplate._records = [{ id: 1, name: "Annual", scale_id: 1 }];
    PerformanceReview._records = [
        { id: 1, template_id: 1, overall_score: 72.5, suggested_rating_id: 3, final_rating_id: 2 },
    ];
});

describe.current.tags("desktop");

const FORM = `
    <form>
        <field name="scale_id" invisible="1"/>
        <field name="suggested_rating_id" invisible="1"/>
        <field name="final_rating_id" widget="performance_rating_badges"
            domain="[('scale_id', '=', scale_id)]"
            options="{'score_field': 'overall_score', 'suggested_field': 'suggested_rating_id'}"/>
        <field name="overall_score" invisible="1"/>
        <field name="potential" widget="selection_badge"/>
    </form>`;

test("levels of the scale as badges, with score and suggestion", async () => {
    await mountView({ type: "form", resModel: "performance.review", resId: 1, arch: FORM });
    expect(queryAllTexts(".o_performance_rating_badges .o_rating_badge")).toEqual([
        "Below",
        "Meets",
        "Above",
    ]);
    expect(".o_rating_badge.active").toHaveText("Meets");
    expect(".o_rating_badge.active").toHaveAttribute("aria-checked", "true");
    expect(".o_rating_badges_score").toHaveText("72.5");
    expect(".o_rating_badges_suggested").toHaveText("Above");
    expect(".o_rating_badge.o_rating_badge_suggested").toHaveText("Above");
    expect(".o_rating_badge:eq(2)").toHaveAttribute(
        "title",
        "Raises the bar · Suggested by the score"
    );
    // what the picked level means
    expect(".o_rating_badges_meaning").toHaveText("Does what the role asks");
    // the potential is badges too
    expect(".o_field_selection_badge .o_selection_badge").toHaveCount(3);
});

test("picking a badge sets the many2one and saves it", async () => {
    onRpc("web_save", ({ args }) => {
        expect.step(`save ${JSON.stringify(args[1])}`);
    });
    await mountView({ type: "form", resModel: "performance.review", resId: 1, arch: FORM });
    await contains(".o_rating_badge:eq(2)").click();
    expect(".o_rating_badge.active").toHaveText("Above");
    expect(".o_rating_badges_meaning").toHaveText("Raises the bar");
    await contains(".o_selection_badge:contains(High)").click();
    await contains(".o_form_button_save").click();
    expect.verifySteps(['save {"final_rating_id":3,"potential":"high"}']);
});

test("read-only, the picked level is shown with its meaning", async () => {
    await mountView({
        type: "form",
        resModel: "performance.review",
        resId: 1,
        arch: FORM.replace('widget="performance_rating_badges"', 'widget="performance_rating_badges" readonly="1"'),
    });
    expect(".o_rating_badge").toHaveCount(1);
    expect(".o_rating_badge").toHaveText("Meets");
    expect(".o_rating_badge").toHaveAttribute("title", "Does what the role asks");
});
