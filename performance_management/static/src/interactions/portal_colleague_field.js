import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";

/**
 * The colleague field of the portal's feedback and kudos forms: type two letters, pick one
 * of at most 20 names from /my/performance/colleagues. The hidden input holds the id that is
 * posted; the server checks it is a colleague the user may pick.
 */
export class PortalColleagueField extends Interaction {
    static selector = ".o_pm_colleague_field";
    dynamicContent = {
        ".o_pm_colleague_search": {
            "t-on-input": this.onInput,
            "t-on-keydown": this.onKeydown,
        },
        ".o_pm_colleague_results": {
            "t-on-click.prevent": this.onPick,
        },
        _root: {
            "t-on-focusout": this.onFocusout,
        },
    };

    setup() {
        this.searchEl = this.el.querySelector(".o_pm_colleague_search");
        this.idEl = this.el.querySelector(".o_pm_colleague_id");
        this.resultsEl = this.el.querySelector(".o_pm_colleague_results");
        this.search = this.debounced(this.search, 250);
        this.form = this.searchEl.form;
        this.onSubmit = (ev) => {
            if (!this.idEl.value) {
                ev.preventDefault();
                this.searchEl.setCustomValidity(this.searchEl.placeholder);
                this.searchEl.reportValidity();
            }
        };
        this.form?.addEventListener("submit", this.onSubmit);
        this.registerCleanup(() => this.form?.removeEventListener("submit", this.onSubmit));
    }

    onInput() {
        this.idEl.value = "";
        this.searchEl.setCustomValidity("");
        this.search();
    }

    onKeydown(ev) {
        const first = this.resultsEl.querySelector(".dropdown-item");
        if (ev.key === "Enter" && this.resultsEl.classList.contains("show")) {
            ev.preventDefault();
            if (first) {
                this.pick(first);
            }
        } else if (ev.key === "Escape") {
            this.close();
        }
    }

    async search() {
        const query = this.searchEl.value.trim();
        if (query.length < 2) {
            this.close();
            return;
        }
        const response = await this.waitFor(
            fetch(`/my/performance/colleagues?q=${encodeURIComponent(query)}`, {
                headers: { Accept: "application/json" },
            })
        );
        const people = response.ok ? await this.waitFor(response.json()) : [];
        if (query !== this.searchEl.value.trim()) {
            return; // typed on meanwhile: the next search answers
        }
        this.resultsEl.replaceChildren(
            ...people.map((person) => {
                const item = document.createElement("a");
                item.href = "#";
                item.role = "option";
                item.className = "dropdown-item o_pm_colleague_option";
                item.dataset.id = person.id;
                item.textContent = person.name;
                return item;
            })
        );
        if (!people.length) {
            const empty = document.createElement("span");
            empty.className = "dropdown-item-text text-muted";
            empty.textContent = this.searchEl.dataset.emptyText || "No colleague found";
            this.resultsEl.append(empty);
        }
        this.resultsEl.classList.add("show");
    }

    onPick(ev) {
        const item = ev.target.closest(".o_pm_colleague_option");
        if (item) {
            this.pick(item);
        }
    }

    pick(item) {
        this.idEl.value = item.dataset.id;
        this.searchEl.value = item.textContent;
        this.searchEl.setCustomValidity("");
        this.close();
    }

    onFocusout(ev) {
        if (!this.el.contains(ev.relatedTarget)) {
            this.close();
        }
    }

    close() {
        this.resultsEl.classList.remove("show");
    }
}

registry
    .category("public.interactions")
    .add("performance_management.portal_colleague_field", PortalColleagueField);
