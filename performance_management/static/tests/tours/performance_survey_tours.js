import { registry } from "@web/core/registry";

// A peer answers the 360 questionnaire of a feedback request from the portal, on
// survey's own pages, through the token of her answer.

registry.category("web_tour.tours").add("performance_survey_360_portal", {
    steps: () => [
        {
            content: "Open the questionnaire of the request",
            trigger: ".o_pm_feedback_survey a:contains('Answer the questionnaire')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start the questionnaire",
            trigger: 'button.btn:contains("Start")',
            run: "click",
        },
        {
            content: "Rate the teamwork",
            trigger: 'div.js_question-wrapper:contains("Teamwork") label:contains("Always")',
            run: "click",
        },
        {
            content: "Rate the delivery",
            trigger: 'div.js_question-wrapper:contains("Delivery") label:contains("Often")',
            run: "click",
        },
        {
            content: "Say what to keep doing",
            trigger: 'div.js_question-wrapper:contains("Keep doing") textarea',
            run: "edit Keep sharing the demos",
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
            content: "The answers are in: thanks, no score of the rater's own, no retake",
            trigger: ".o_survey_finished h1:contains('Thank you!')",
        },
        {
            content: "No passed or failed test",
            trigger: ".o_survey_finished:not(:contains('You scored')):not(:contains('the test')):not(:has(a[href*='/survey/retry/']))",
        },
    ],
});
