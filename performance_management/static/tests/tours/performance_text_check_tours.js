import { registry } from "@web/core/registry";

// The review-text check met by a portal employee writing her self review.

registry.category("web_tour.tours").add("performance_portal_text_check", {
    url: "/my/performance/reviews",
    steps: () => [
        {
            content: "Open my self review",
            trigger: "a:contains('Paula self review')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Write a comment with an absolute and a personality word",
            trigger: ".o_pm_review_line:eq(0) textarea",
            run: "edit My manager is always bossy",
        },
        {
            content: "The absolute is flagged with its reason while I write",
            trigger: ".o_pm_review_line:eq(0) .o_pm_text_flag[data-category='absolute']:contains('always')",
        },
        {
            content: "So is the personality word",
            trigger: ".o_pm_review_line:eq(0) .o_pm_text_flag[data-category='personality']:contains('bossy')",
        },
        {
            content: "Cite an instance instead",
            trigger: ".o_pm_review_line:eq(0) textarea",
            run: "edit In the March release I closed 12 tickets",
        },
        {
            content: "Nothing is flagged any more",
            trigger: ".o_pm_review_line:eq(0):not(:has(.o_pm_text_flag))",
        },
        {
            content: "Back to the flagged wording: the flags warn, they never block",
            trigger: ".o_pm_review_line:eq(0) textarea",
            run: "edit My manager is always bossy",
        },
        {
            content: "Flagged again",
            trigger: ".o_pm_review_line:eq(0) .o_pm_text_flag[data-category='absolute']",
        },
        {
            content: "Save the draft",
            trigger: ".o_pm_review_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The draft is saved as written",
            trigger: ".o_pm_success",
        },
        {
            content: "And its flags show again on the saved text",
            trigger: ".o_pm_review_line:eq(0) .o_pm_text_flag[data-category='personality']",
        },
    ],
});

// The review-text check met by a manager writing a review in the backend: a flagged
// sentence shows its flags and their reasons above the review, the fixed text clears them.
const answerCell =
    ".o_field_widget[name='manager_sheet_line_ids'] .o_data_row:contains('Delivery') td[name='answer']";
const flags = ".o_performance_text_flags_field .o_performance_text_flags";

registry.category("web_tour.tours").add("performance_backend_text_check", {
    steps: () => [
        {
            content: "Open the manager's part",
            trigger: ".o_notebook .nav-link:contains('Manager Review')",
            run: "click",
        },
        {
            content: "Open the answer of the first question",
            trigger: answerCell,
            run: "click",
        },
        {
            content: "Write an absolute and a personality word",
            trigger: `${answerCell} textarea`,
            run: "edit She is always bossy",
        },
        {
            content: "Leave the line",
            trigger: ".o_form_sheet .o_field_widget[name='manager_summary'] textarea",
            run: "click",
        },
        {
            content: "The absolute is flagged with its reason",
            trigger: `${flags} li[data-category='absolute']:contains('always'):contains('rarely true')`,
        },
        {
            content: "So is the personality word, with the behaviour to describe instead",
            trigger: `${flags} li[data-category='personality']:contains('bossy'):contains('behaviour')`,
        },
        {
            content: "Cite an instance instead",
            trigger: answerCell,
            run: "click",
        },
        {
            content: "Rewrite the answer",
            trigger: `${answerCell} textarea`,
            run: "edit In the March release she closed 12 tickets",
        },
        {
            content: "Leave the line again",
            trigger: ".o_form_sheet .o_field_widget[name='manager_summary'] textarea",
            run: "click",
        },
        {
            content: "The flags are gone",
            trigger: ".o_form_view .o_form_sheet:not(:has(.o_performance_text_flags))",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view:not(:has(.o_form_button_save:visible))",
        },
    ],
});
