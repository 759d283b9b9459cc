import { registry } from "@web/core/registry";

// Performance > Analysis > Dashboard opens the Performance spreadsheet dashboard, listed
// with the other Human Resources dashboards, its figures drawn without an error.
registry.category("web_tour.tours").add("performance_dashboard_tour", {
    url: "/odoo/action-performance_management.spreadsheet_dashboard_performance_action",
    steps: () => [
        {
            content: "The Performance dashboard is the one open, in the Human Resources group",
            trigger:
                ".o_search_panel_section:contains('Human Resources') .o_search_panel_category_value.active[data-name='Performance']",
        },
        {
            content: "The spreadsheet is loaded, not in error",
            trigger: ".o_spreadsheet_dashboard_action .o_renderer .o-spreadsheet",
        },
        {
            content: "The scorecards are drawn",
            trigger: ".o-spreadsheet .o-figure .o-scorecard",
        },
        {
            content: "The charts on the reporting models are drawn",
            trigger: ".o-spreadsheet .o-figure canvas.o-figure-canvas:not(.o-scorecard)",
        },
        {
            trigger: ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status.error))",
        },
    ],
});
