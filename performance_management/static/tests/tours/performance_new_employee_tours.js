import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A new employee, whose user was made with the employee form's Create User, on his first
// day: his goals, reviews and 1:1s say what comes, and his first goal is his without asking.
registry.category("web_tour.tours").add("performance_new_employee_first_day", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Performance app",
            trigger: ".o_app[data-menu-xmlid='performance_management.performance_menu_root']",
            run: "click",
        },
        {
            content: "Open My Reviews",
            trigger: ".o_menu_sections button:contains('Reviews'), .o_menu_sections a:contains('Reviews')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('My Reviews')",
            run: "click",
        },
        {
            content: "No review yet, and when one comes",
            trigger: ".o_view_nocontent:contains('when a review cycle is launched')",
        },
        {
            content: "Open My 1:1s",
            trigger: ".o_menu_sections button:contains('Feedback'), .o_menu_sections a:contains('Feedback')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('My 1:1s')",
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
            content: "No goal yet: propose the first one",
            trigger: ".o_view_nocontent:contains('Propose your first goal')",
        },
        {
            content: "Create a goal",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] textarea, .o_field_widget[name='name'] input",
            run: "edit Learn the codebase",
        },
        {
            content: "Save: the goal is his without choosing himself",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Propose it to his manager",
            trigger: "button[name='action_propose']",
            run: "click",
        },
        {
            content: "It waits for approval",
            trigger: ".ribbon:contains('To Approve')",
        },
    ],
});
