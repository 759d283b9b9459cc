import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";

/**
 * The review-text check of the portal forms: as the user types (debounced), the server
 * checks the text of a record he may write (/my/performance/text_check) and the flags show
 * under the field with their reason. A hint only: the form submits whatever it says.
 */
export class PortalTextCheck extends Interaction {
    static selector = "textarea[data-pm-text-check]";
    dynamicContent = {
        _root: { "t-on-input": this.onInput },
    };

    setup() {
        this.flagsEl = document.createElement("div");
        this.flagsEl.className = "o_pm_text_flags small";
        this.flagsEl.setAttribute("aria-live", "polite");
        this.el.after(this.flagsEl);
        this.registerCleanup(() => this.flagsEl.remove());
        this.check = this.debounced(this.check, 600);
    }

    start() {
        if (this.el.value.trim()) {
            this.check();
        }
    }

    onInput() {
        this.check();
    }

    fetchFlags(text) {
        return rpc("/my/performance/text_check", {
            text,
            target: this.el.dataset.pmTextCheck,
            res_id: parseInt(this.el.dataset.pmResId || "0"),
        });
    }

    async check() {
        const text = this.el.value;
        let result;
        try {
            result = await this.waitFor(this.fetchFlags(text));
        } catch {
            return; // a hint only: no flags rather than an error while typing
        }
        if (text !== this.el.value) {
            return; // typed on meanwhile: the next check answers
        }
        this.render(result.flags || []);
    }

    render(flags) {
        if (!flags.length) {
            this.flagsEl.replaceChildren();
            this.flagsEl.classList.remove("alert", "alert-warning", "mt-1", "mb-0", "py-1");
            return;
        }
        this.flagsEl.classList.add("alert", "alert-warning", "mt-1", "mb-0", "py-1");
        const list = document.createElement("ul");
        list.className = "mb-0 ps-3";
        for (const flag of flags) {
            const item = document.createElement("li");
            item.className = "o_pm_text_flag";
            item.dataset.category = flag.category;
            const badge = document.createElement("span");
            badge.className = "badge text-bg-warning me-1";
            badge.textContent = flag.label;
            item.append(badge);
            if (flag.match) {
                const word = document.createElement("strong");
                word.className = "me-1";
                word.textContent = flag.match;
                item.append(word);
            }
            item.append(document.createTextNode(flag.reason));
            list.append(item);
        }
        this.flagsEl.replaceChildren(list);
    }
}

/**
 * The same check on the free-text answers of a 360 questionnaire (survey page): the
 * answer's tokens say which answer is written, whoever holds them (a rater without a user
 * included) gets its flags while the answer is open.
 */
export class SurveyTextCheck extends PortalTextCheck {
    static selector = "form[data-answer-token] [data-pm-survey-check]";

    fetchFlags(text) {
        const form = this.el.closest("form[data-answer-token]");
        const surveyToken = encodeURIComponent(form.dataset.surveyToken);
        const answerToken = encodeURIComponent(form.dataset.answerToken);
        return rpc(`/performance/360/text_check/${surveyToken}/${answerToken}`, { text });
    }
}

registry
    .category("public.interactions")
    .add("performance_management.portal_text_check", PortalTextCheck)
    .add("performance_management.survey_text_check", SurveyTextCheck);
