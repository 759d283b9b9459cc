import { registry } from "@web/core/registry";

// A portal peer answers the 360 questionnaire of a request: the questionnaire names whom
// she rates, and its thanks lead back to her performance page.

registry.category("web_tour.tours").add("performance_survey_360_portal_back", {
    steps: () => [
        {
            content: "Open the questionnaire of the request",
            trigger: ".o_pm_feedback_survey a:contains('Answer the questionnaire')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The header names the colleague rated",
            trigger: ".o_pm_survey_about:contains('Eli Employee'):contains('Answer by')",
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
            content: "The thanks lead back to the performance page",
            trigger: ".o_survey_finished .o_pm_survey_back a[href='/my/performance']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on the performance page",
            trigger: ".o_pm_overview",
        },
    ],
});
