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
