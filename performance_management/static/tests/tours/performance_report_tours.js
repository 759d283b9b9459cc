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
            // the first tour of a run loads the spreadsheet bundle cold
            timeout: 30000,
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
        {
            content: "Once every figure is loaded, no cell shows an error (#DIV/0!, #ERROR...)",
            trigger: ".o-spreadsheet .o-figure .o-scorecard",
            async run() {
                const { waitForDataLoaded } = odoo.loader.modules.get(
                    "@spreadsheet/helpers/model"
                );
                const loader = odoo.__WOWL_DEBUG__.root.env.services.spreadsheet_dashboard_loader;
                const model = loader.getActiveDashboard().model;
                await waitForDataLoaded(model);
                const errors = [];
                for (const sheetId of model.getters.getSheetIds()) {
                    for (const position of model.getters.getEvaluatedCellsPositions(sheetId)) {
                        const cell = model.getters.getEvaluatedCell(position);
                        if (cell.type === "error") {
                            const name = model.getters.getSheetName(sheetId);
                            errors.push(
                                `${name}!${position.col},${position.row}: ${cell.value} ${cell.message}`
                            );
                        }
                    }
                }
                if (errors.length) {
                    throw new Error(`Dashboard cells in error: ${errors.join("; ")}`);
                }
            },
        },
    ],
});
