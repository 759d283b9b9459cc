import { registry } from "@web/core/registry";

const panel = ".o_pm_manager_writeup .o_pm_evidence";
const strengths = ".o_field_widget[name='manager_strengths'] textarea";

// The reviewer opens a review, reads the period's evidence, cites an item, drafts from the
// evidence, edits the draft and saves.
registry.category("web_tour.tours").add("performance_evidence_draft_tour", {
    steps: () => [
        {
            content: "Open the manager's part",
            trigger: ".o_notebook .nav-link:contains('Manager Review')",
            run: "click",
        },
        {
            content: "The month strip of the period is beside the form",
            trigger: `${panel} .o_pm_evidence_strip .o_pm_evidence_month:contains('Jun')`,
        },
        {
            content: "Cite the first kudos",
            trigger: `${panel} .o_pm_evidence_kudos .o_pm_evidence_item:first .o_pm_evidence_cite`,
            run: "click",
        },
        {
            content: "It is cited",
            trigger: `${panel} .o_pm_evidence_kudos .o_pm_evidence_item:first .o_pm_evidence_cite.btn-primary`,
        },
        {
            content: "Draft from the evidence",
            trigger: "button[name='action_draft_from_evidence']",
            run: "click",
        },
        {
            content: "The draft cites the kudos",
            trigger: `${strengths}:value(Kudos for)`,
        },
        {
            content: "Edit the draft",
            trigger: strengths,
            run: "edit - Shipped the API on time, two kudos for teamwork.",
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
