import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { queryAllTexts } from "@odoo/hoot-dom";
import { mountView } from "@web/../tests/web_test_helpers";
import { PerformanceGoal } from "@performance_management/../tests/mock_server/mock_models/performance_goal";
import { definePerformanceModels } from "@performance_management/../tests/performance_test_helpers";

describe.current.tags("desktop");
definePerformanceModels();

beforeEach(() => {
    PerformanceGoal._records = [
        { id: 1, name: "Company", progress: 40, child_ids: [2, 3] },
        { id: 2, name: "Team A", parent_id: 1, progress: 60, child_ids: [4] },
        { id: 3, name: "Team B", parent_id: 1, progress: 20, child_ids: [] },
        { id: 4, name: "Eli", parent_id: 2, progress: 60, child_ids: [] },
        { id: 5, name: "Other root", progress: 0, child_ids: [] },
        { id: 6, name: "Library", is_template: true, progress: 0, child_ids: [] },
    ];
    PerformanceGoal._views = {
        hierarchy: `
            <hierarchy child_field="child_ids" js_class="performance_goal_hierarchy">
                <field name="progress"/>
                <templates>
                    <t t-name="hierarchy-box">
                        <div class="o_hierarchy_node_header"><field name="name"/></div>
                        <div class="o_hierarchy_node_body">
                            <field name="progress" widget="progressbar"/>
                        </div>
                    </t>
                </templates>
            </hierarchy>`,
    };
});

test("the tree starts from the roots the action's domain lets through", async () => {
    await mountView({
        type: "hierarchy",
        resModel: "performance.goal",
        domain: [["is_template", "=", false]],
    });
    expect(queryAllTexts(".o_hierarchy_node_header")).toEqual(["Company", "Other root"]);
});

test("opened on a goal under an action domain, the tree shows that goal with its parent", async () => {
    await mountView({
        type: "hierarchy",
        resModel: "performance.goal",
        domain: [["is_template", "=", false]],
        context: { hierarchy_res_id: 2 },
    });
    expect(queryAllTexts(".o_hierarchy_node_header")).toEqual([
        "Company",
        "Team A",
        "Team B",
        "Eli",
    ]);
    expect(".o_hierarchy_row").toHaveCount(3);
    expect(".o_progressbar").toHaveCount(4);
});
