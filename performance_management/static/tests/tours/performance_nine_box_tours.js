import { registry } from "@web/core/registry";

const box = (name) => `.o_nine_box_grid .o_nine_box_cell[data-box='${name}']`;

// The officer opens the 9-box from the cycle in calibration, moves a review from the core
// players to the stars with a reason, and sees the counts and the distribution follow.
registry.category("web_tour.tours").add("performance_nine_box_tour", {
    steps: () => [
        {
            content: "Open the 9-box of the cycle",
            trigger: "button[name='action_view_nine_box']",
            run: "click",
        },
        {
            content: "Nine boxes, the empty ones too",
            trigger: `${box("low_low")} .o_nine_box_count:contains(0)`,
            run() {
                const cells = document.querySelectorAll(".o_nine_box_grid .o_nine_box_cell");
                if (cells.length !== 9) {
                    throw new Error(`The 9-box draws ${cells.length} boxes, not 9`);
                }
            },
        },
        {
            content: "The cycle's filter is on",
            trigger: ".o_searchview_facet:contains('Annual 2026')",
        },
        {
            content: "Eli is a core player, Pat a star",
            trigger: `${box("high_high")} .o_nine_box_count:contains(1)`,
        },
        {
            trigger: ".o_rating_distribution_table tr:contains('Meets') .o_rating_count:contains(1)",
        },
        {
            content: "Move Eli to the stars",
            trigger: `${box("medium_medium")} .o_kanban_record:contains('Eli Employee')`,
            run: `drag_and_drop ${box("high_high")}`,
        },
        {
            content: "The move asks for the new rating and the reason",
            trigger: ".modal .o_nine_box_move_target:contains('Star')",
        },
        {
            trigger: ".modal .o_nine_box_level:contains('Outstanding')",
            run: "click",
        },
        {
            trigger: ".modal .o_nine_box_reason",
            run: "edit Led the platform migration",
        },
        {
            trigger: ".modal .o_nine_box_confirm:enabled",
            run: "click",
        },
        {
            content: "The stars count two, the core players none",
            trigger: `${box("high_high")} .o_nine_box_count:contains(2)`,
        },
        {
            trigger: `${box("medium_medium")} .o_nine_box_count:contains(0)`,
        },
        {
            trigger: `${box("high_high")} .o_kanban_record:contains('Eli Employee')`,
        },
        {
            content: "The distribution follows",
            trigger: ".o_rating_distribution_table tr:contains('Outstanding') .o_rating_count:contains(2)",
        },
        {
            trigger: ".o_rating_distribution_table tr:contains('Meets') .o_rating_count:contains(0)",
        },
        {
            content: "The card opens the review",
            trigger: `${box("high_high")} .o_kanban_record:contains('Eli Employee')`,
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='employee_id']:contains('Eli Employee')",
        },
        {
            content: "with its new rating",
            trigger: ".o_field_widget[name='final_rating_id']:contains('Outstanding')",
        },
    ],
});
