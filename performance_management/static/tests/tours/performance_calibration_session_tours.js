import { registry } from "@web/core/registry";

const current = (state) => `.o_statusbar_status .o_arrow_button_current:contains('${state}')`;

function pick(field, text) {
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${text}')`,
            run: "click",
        },
    ];
}

// The facilitator plans a session on Mia's team and starts the blind pre-rating.
registry.category("web_tour.tours").add("performance_calibration_session_create_tour", {
    steps: () => [
        {
            content: "Plan a new session",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Team Mia calibration",
        },
        ...pick("cycle_id", "Annual 2026"),
        ...pick("manager_ids", "Mia Manager"),
        ...pick("participant_ids", "pm_manager"),
        ...pick("participant_ids", "pm_director"),
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Four reviews of Mia's team are in scope",
            trigger: ".o_field_widget[name='review_count']:contains('4')",
        },
        {
            content: "Start the pre-rating",
            trigger: "button[name='action_start_pre_rating']",
            run: "click",
        },
        {
            trigger: current("Pre-Rating"),
        },
    ],
});

// The participants voted: the facilitator sees the counts, opens the session on its
// disagreements and closes it.
registry.category("web_tour.tours").add("performance_calibration_session_open_tour", {
    steps: () => [
        {
            content: "Two votes came in; who voted what stays hidden",
            trigger: ".o_field_widget[name='vote_count']:contains('2')",
        },
        {
            trigger: "button[name='action_open']",
            run: "click",
        },
        {
            content: "Confirm the opening",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: current("Open"),
        },
        {
            content: "The session opens on its disagreements",
            trigger: ".o_notebook_headers a:contains('Disagreements')",
            run: "click",
        },
        {
            content: "The disagreement on Eli shows, with its spread",
            trigger:
                ".o_field_widget[name='disagreement_ids'] .o_data_row:contains('Eli Employee'):contains('50')",
        },
        {
            trigger: "button[name='action_close']",
            run: "click",
        },
        {
            content: "Confirm the closing",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The session is closed, its minute ready",
            trigger: current("Closed"),
        },
        {
            trigger: "button[name='action_print_minute']",
        },
    ],
});
