import { registry } from "@web/core/registry";

// Tours of the employee side of Performance in /my, played by a portal employee.

registry.category("web_tour.tours").add("performance_portal_goal_checkin", {
    url: "/my/performance",
    steps: () => [
        {
            content: "Open my goal from the overview",
            trigger: ".o_pm_overview a:contains('Paula goal')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Report the tickets solved",
            trigger: ".o_pm_checkin_form input[type='number']",
            run: "edit 7",
        },
        {
            content: "Say the goal is at risk",
            trigger: ".o_pm_checkin_form select[name='confidence']",
            run: "select at_risk",
        },
        {
            content: "Write a note",
            trigger: ".o_pm_checkin_form textarea[name='note']",
            run: "edit Blocked by the new tool",
        },
        {
            content: "Check in",
            trigger: ".o_pm_checkin_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The check-in is saved",
            trigger: ".o_pm_success",
        },
        {
            content: "And listed with its note",
            trigger: "li:contains('Blocked by the new tool')",
        },
    ],
});

registry.category("web_tour.tours").add("performance_portal_self_review", {
    url: "/my/performance/reviews",
    steps: () => [
        {
            content: "Open my self review",
            trigger: "a:contains('Paula self review')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Rate the first question",
            trigger: ".o_pm_review_line:eq(0) select",
            run: "selectByIndex 4",
        },
        {
            content: "Comment the first question",
            trigger: ".o_pm_review_line:eq(0) textarea",
            run: "edit I closed every ticket",
        },
        {
            content: "Save a draft",
            trigger: ".o_pm_review_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The draft is saved",
            trigger: ".o_pm_success",
        },
        {
            content: "Rate the second question",
            trigger: ".o_pm_review_line:eq(1) select",
            run: "selectByIndex 3",
        },
        {
            content: "Submit to my manager",
            trigger: ".o_pm_review_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The review went to the manager",
            trigger: ".o_pm_success",
        },
        {
            content: "It is read only now",
            trigger: "body:not(:has(.o_pm_self_review_form))",
        },
    ],
});

registry.category("web_tour.tours").add("performance_portal_acknowledge_review", {
    url: "/my/performance/reviews",
    steps: () => [
        {
            content: "Open my released review",
            trigger: "a:contains('Paula released review')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The manager's part is shown",
            trigger: ".o_pm_review_result:contains('Paula summary released')",
        },
        {
            content: "Disagree",
            trigger: "#pm_disagree",
            run: "click",
        },
        {
            content: "Explain",
            trigger: ".o_pm_acknowledge_form textarea[name='comment']",
            run: "edit Teamwork deserves more",
        },
        {
            content: "Acknowledge",
            trigger: ".o_pm_acknowledge_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The review is acknowledged",
            trigger: ".o_pm_acknowledged:contains('Teamwork deserves more')",
        },
    ],
});

registry.category("web_tour.tours").add("performance_portal_kudos", {
    url: "/my/performance/kudos",
    steps: () => [
        {
            content: "Search a colleague by name",
            trigger: ".o_pm_kudos_form .o_pm_colleague_search",
            run: "edit Eli Em",
        },
        {
            content: "Choose the colleague",
            trigger: ".o_pm_kudos_form .o_pm_colleague_option:contains('Eli Employee')",
            run: "click",
        },
        {
            content: "Choose a value",
            trigger: "select[name='value_id']",
            run: "selectByLabel Ownership",
        },
        {
            content: "Say thank you",
            trigger: ".o_pm_kudos_form textarea[name='message']",
            run: "edit Thanks for the hand over",
        },
        {
            content: "Send",
            trigger: ".o_pm_kudos_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The kudos are on the wall",
            trigger: ".o_pm_kudos_card:contains('Thanks for the hand over'):contains('Eli Employee')",
        },
    ],
});

registry.category("web_tour.tours").add("performance_portal_talking_point", {
    url: "/my/performance/meetings",
    steps: () => [
        {
            content: "Open the next 1:1",
            trigger: "a:contains('Paula Portal')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Write a topic",
            trigger: ".o_pm_talking_point_form input[name='name']",
            run: "edit My training budget",
        },
        {
            content: "Add it",
            trigger: ".o_pm_talking_point_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The topic is on the agenda",
            trigger: ".o_pm_talking_points li:contains('My training budget')",
        },
    ],
});
