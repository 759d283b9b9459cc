import { registry } from "@web/core/registry";

// A manager opens the Performance dashboard: the current cycle of their own team only.
registry.category("web_tour.tours").add("performance_dashboard_tour", {
    url: "/odoo/action-performance_management.performance_dashboard_action",
    steps: () => [
        {
            content: "The rating distribution of the current cycle is drawn",
            trigger: ".o-dashboard-action:contains('Rating Distribution') .o_graph_renderer canvas",
        },
        {
            content: "The ratings by reviewer list the manager's own team",
            trigger: ".o-dashboard-action:contains('Ratings by Reviewer') .o_pivot th:contains('Mia Manager')",
        },
        {
            content: "Nobody outside the chain shows",
            trigger: ".o-dashboard-action:contains('Ratings by Reviewer') .o_pivot:not(:contains('Otto Other'))",
        },
        {
            content: "Completion and activity are drawn too",
            trigger: ".o-dashboard-action:contains('Completion by Phase') .o_graph_renderer canvas",
        },
        {
            trigger: ".o-dashboard-action:contains('Goal Attainment') .o_view_controller",
        },
    ],
});
