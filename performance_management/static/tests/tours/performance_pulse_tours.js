import { registry } from "@web/core/registry";

// A portal employee answers her pulse on a phone: from /my, through her token, on
// survey's own page, and the pulse leaves her list once answered.

function rate(question, value) {
    return {
        content: `Rate "${question}" ${value}`,
        trigger: `div.js_question-wrapper:contains("${question}") label[for$="_${value}"]`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("performance_pulse_portal_phone", {
    steps: () => [
        {
            content: "The tour runs on a phone",
            trigger: ".o_portal_my_home",
            run() {
                if (window.innerWidth > 500) {
                    throw new Error(`the tour runs ${window.innerWidth} px wide, not on a phone`);
                }
            },
        },
        {
            content: "Open the pulse to answer from /my",
            trigger: ".o_portal_index_card a[href='/my/pulse']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Answer the pulse",
            trigger: ".o_pm_pulse a.o_pm_pulse_answer",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start it",
            trigger: 'button.btn:contains("Start")',
            run: "click",
        },
        rate("recommend", 9),
        rate("proud", 4),
        rate("grow", 4),
        rate("recognised", 3),
        rate("manager supports", 5),
        rate("workload", 2),
        {
            content: "Add a comment",
            trigger: 'div.js_question-wrapper:contains("Anything you would like") textarea',
            run: "edit More pairing please",
        },
        {
            content: "Submit",
            trigger: 'button[value="finish"]',
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Thanks, and no score",
            trigger: ".o_survey_finished:not(:contains('You scored'))",
        },
    ],
});
