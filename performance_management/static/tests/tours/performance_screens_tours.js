import { registry } from "@web/core/registry";

// The officer reads a running cycle: its phases as bars, late reviews in red, and the rating
// distribution as a chart beside the guideline.
registry.category("web_tour.tours").add("performance_cycle_screens_tour", {
    steps: () => [
        {
            content: "Open the phases",
            trigger: ".o_notebook a[name='phases']",
            run: "click",
        },
        {
            content: "Self reviews: a bar with how many are done",
            trigger: ".o_performance_cycle_phase[data-phase='self']:contains('done')",
        },
        {
            content: "and the late ones in red",
            trigger: ".o_performance_cycle_phase[data-phase='self'] .o_performance_phase_late_bar.bg-danger",
        },
        {
            content: "Open the rating distribution",
            trigger: ".o_notebook a[name='distribution']",
            run: "click",
        },
        {
            content: "One bar per rating level, each with its guideline",
            trigger: ".o_performance_cycle_distribution:has(.o_performance_distribution_level:eq(4) .o_performance_distribution_target)",
        },
    ],
});

// A manager opens the one Performance button of a report's employee form: the overview shows
// each area, and an area opens its full list.
registry.category("web_tour.tours").add("performance_employee_overview_tour", {
    steps: () => [
        {
            content: "Open the employee's performance",
            trigger: ".o_form_view button[name='action_open_performance_overview']",
            run: "click",
        },
        {
            content: "The overview names the employee",
            trigger: ".o_performance_overview_name:contains('Eli Employee')",
        },
        {
            content: "The current goals are listed",
            trigger: ".o_performance_overview_section[data-section='goal'] .o_performance_overview_row:contains('Overview goal')",
        },
        {
            content: "The manager sees the improvement plan of his report",
            trigger: ".o_performance_overview_section[data-section='improvement_plan']",
        },
        {
            content: "See all the goals",
            trigger: ".o_performance_overview_section[data-section='goal'] .o_performance_overview_all",
            run: "click",
        },
        {
            content: "The goals of the employee open",
            trigger: ".o_view_controller .o_data_row:contains('Overview goal'), .o_kanban_record:contains('Overview goal')",
        },
    ],
});

// The overview opened from its URL (a reload, a shared link) names itself in the breadcrumb.
registry.category("web_tour.tours").add("performance_employee_overview_url_tour", {
    steps: () => [
        {
            content: "The overview names the employee",
            trigger: ".o_performance_overview_name:contains('Eli Employee')",
        },
        {
            content: "The breadcrumb names the page, not Unnamed",
            trigger: ".o_breadcrumb .active:contains('Performance of Eli Employee')",
        },
        {
            content: "See all the goals",
            trigger: ".o_performance_overview_section[data-section='goal'] .o_performance_overview_all",
            run: "click",
        },
        {
            content: "The way back names the overview",
            trigger: ".o_breadcrumb .breadcrumb-item:contains('Performance of Eli Employee')",
        },
    ],
});

// A colleague opens the same overview: only what is public, no improvement plan.
registry.category("web_tour.tours").add("performance_employee_overview_peer_tour", {
    steps: () => [
        {
            content: "Open the colleague's performance",
            trigger: ".o_form_view button[name='action_open_performance_overview']",
            run: "click",
        },
        {
            content: "The overview names the colleague",
            trigger: ".o_performance_overview_name:contains('Eli Employee')",
        },
        {
            content: "The public kudos show",
            trigger: ".o_performance_overview_section[data-section='recognition']",
        },
        {
            content: "No improvement plan, no goal, no journal",
            trigger: ".o_performance_employee_overview:not(:has([data-section='improvement_plan'], [data-section='goal'], .o_performance_overview_journal))",
        },
    ],
});

// The employee fills his self review: each question reads in full (it wrapped at about ten
// characters, "Quality an…"), and the rating's meaning shows once, under the badges.
registry.category("web_tour.tours").add("performance_review_sheet_questions_tour", {
    steps: () => [
        {
            content: "The self review lists the questions",
            trigger: ".o_field_widget[name='self_sheet_line_ids'] td[name='name']:contains('Quality and accuracy of the work')",
            run() {
                const cell = this.anchor;
                if (cell.scrollWidth > cell.clientWidth + 1) {
                    throw new Error(`the question is cut: ${cell.clientWidth}px for ${cell.scrollWidth}px`);
                }
                const sheet = cell.closest(".o_field_widget");
                if (sheet.querySelector("th[data-name='rating_description']")) {
                    throw new Error("the rating's meaning has its own column beside the badges");
                }
            },
        },
    ],
});

// The goal form at 1440 px with the chatter beside it: the key results table fits its page.
registry.category("web_tour.tours").add("performance_goal_key_results_fit_tour", {
    steps: () => [
        {
            content: "The chatter is beside the form",
            trigger: ".o_form_view .o-mail-Form-chatter.o-aside",
        },
        {
            content: "The key results table fits, nothing scrolls sideways",
            trigger: ".o_field_widget[name='key_result_ids'] .o_list_renderer td[name='progress']",
            run() {
                const renderer = this.anchor.closest(".o_list_renderer");
                if (window.innerWidth !== 1440) {
                    throw new Error(`the tour runs ${window.innerWidth} px wide, not 1440`);
                }
                if (renderer.scrollWidth > renderer.clientWidth + 1) {
                    throw new Error(
                        `the key results are clipped: ${renderer.clientWidth}px for ${renderer.scrollWidth}px`
                    );
                }
            },
        },
    ],
});
