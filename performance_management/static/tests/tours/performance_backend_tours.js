import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// An employee opens the Performance app, writes a goal for themself and proposes it.
registry.category("web_tour.tours").add("performance_goal_propose_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Performance app",
            trigger: ".o_app[data-menu-xmlid='performance_management.performance_menu_root']",
            run: "click",
        },
        {
            content: "Open My Goals",
            trigger: ".o_menu_sections button:contains('Goals'), .o_menu_sections a:contains('Goals')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('My Goals')",
            run: "click",
        },
        {
            content: "Create a goal",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] textarea, .o_field_widget[name='name'] input",
            run: "edit Ship the self-service portal",
        },
        {
            content: "The goal is mine",
            trigger: ".o_field_widget[name='employee_id'] input",
            run: "edit Eli",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Eli Employee')",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Propose it to my manager",
            trigger: "button[name='action_propose']",
            run: "click",
        },
        {
            content: "It waits for approval",
            trigger: ".ribbon:contains('To Approve')",
        },
    ],
});

// The manager opens the proposed goal of a report and approves it.
registry.category("web_tour.tours").add("performance_goal_approve_tour", {
    steps: () => [
        {
            content: "The proposal is waiting",
            trigger: ".ribbon:contains('To Approve')",
        },
        {
            content: "Approve it",
            trigger: "button[name='action_activate']",
            run: "click",
        },
        {
            content: "The goal is active",
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Active')",
        },
    ],
});

// The officer starts the calibration of a cycle whose reviews are not all submitted: he is
// told how many are behind, and goes on with the others.
registry.category("web_tour.tours").add("performance_cycle_calibration_tour", {
    steps: () => [
        {
            content: "Start the calibration",
            trigger: ".o_form_view button[name='action_open_phase']:contains('Start Calibration')",
            run: "click",
        },
        {
            content: "The dialog says how many reviews are behind",
            trigger: ".modal .alert-warning:contains('reviews are still in self or manager review')",
        },
        {
            content: "Go on with the others",
            trigger: ".modal footer button[name='action_go_on']:contains('Start Calibration')",
            run: "click",
        },
        {
            content: "The cycle is in calibration",
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Calibration')",
        },
        {
            content: "and shows what it left behind",
            trigger: ".o_form_view .alert-warning:contains('left behind')",
        },
    ],
});
