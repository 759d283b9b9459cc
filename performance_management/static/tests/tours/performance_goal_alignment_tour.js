import { registry } from "@web/core/registry";

const card = (name) => `.o_hierarchy_node:has(.o_hierarchy_node_header:contains('${name}'))`;

// A manager opens the alignment tree from a report's goal, reads the progress on the cards
// and checks in on the goal from its card.
registry.category("web_tour.tours").add("performance_goal_alignment_tour", {
    steps: () => [
        {
            content: "Open the alignment tree from the goal",
            trigger: ".o_form_view button[name='action_open_alignment']",
            run: "click",
        },
        {
            content: "The tree opens on the goal: the other company goals are not in it",
            trigger: `.o_hierarchy_renderer:has(${card("Eli ships the portal")}):not(:has(${card("Cut the costs")}))`,
        },
        {
            content: "The company goal is the root of the tree, with its progress",
            trigger: `${card("Grow the company")} .o_progressbar_value:contains('20')`,
        },
        {
            content: "The report's goal supports it, with its own progress",
            trigger: `${card("Eli ships the portal")} .o_progressbar_value:contains('20')`,
        },
        {
            content: "Check in from the card",
            trigger: `${card("Eli ships the portal")} button[name='action_checkin']`,
            run: "click",
        },
        {
            content: "The check-in is for that goal",
            trigger: ".modal .o_field_widget[name='goal_id'].o_readonly_modifier:contains('Eli ships the portal')",
        },
        {
            content: "The goal is at risk",
            trigger: ".modal .o_field_widget[name='confidence'] input[data-value='at_risk']",
            run: "click",
        },
        {
            content: "Report the key result",
            trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row td[name='value']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row td[name='value'] input",
            run: "edit 60",
        },
        {
            content: "Save the check-in",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The card shows the new progress",
            trigger: `body:not(:has(.modal)) ${card("Eli ships the portal")} .o_progressbar_value:contains('60')`,
        },
        {
            content: "and the company goal rolled it up",
            trigger: `${card("Grow the company")} .o_progressbar_value:contains('60')`,
        },
        {
            content: "Open the goal from its card",
            trigger: `${card("Eli ships the portal")} .o_hierarchy_node_header`,
            run: "click",
        },
        {
            content: "Its check-ins",
            trigger: ".o_form_view .o_notebook a[name='checkins']",
            run: "click",
        },
        {
            content: "The check-ins are a chart",
            trigger: ".o_performance_checkin_chart canvas",
        },
        {
            // the chart's points, as told to screen readers (a canvas has no elements to see)
            content: "The check-in is on the chart, at risk",
            trigger: ".o_performance_checkin_chart canvas .o_performance_checkin_chart_point.o_performance_confidence_at_risk:not(:visible)",
        },
    ],
});
