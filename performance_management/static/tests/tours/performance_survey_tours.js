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
            content: "Write a flagged sentence",
            trigger: 'div.js_question-wrapper:contains("Keep doing") textarea',
            run: "edit She is always so bossy",
        },
        {
            content: "The text check says why, under the field",
            trigger:
                'div.js_question-wrapper:contains("Keep doing") .o_pm_text_flag[data-category="personality"]:contains("bossy")',
        },
        {
            content: "Say what to keep doing, with an instance",
            trigger: 'div.js_question-wrapper:contains("Keep doing") textarea',
            run: "edit Keep running the demos every Friday",
        },
        {
            content: "The flags are gone",
            trigger:
                'div.js_question-wrapper:contains("Keep doing"):not(:has(.o_pm_text_flag))',
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
