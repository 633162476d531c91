import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";
import { KeepLast } from "@web/core/utils/concurrency";

/**
 * Occupation box of the mentoring forms: the visitor types words or a NOC code, picks one
 * of the suggested unit groups, and its id goes into the hidden input the server checks.
 * Changing the text afterwards clears the id, so what is sent is always a picked entry.
 */
export class NocAutocomplete extends Interaction {
    static selector = ".o_mentoring_noc_autocomplete";
    dynamicContent = {
        ".o_mentoring_noc_input": {
            "t-on-input": this.onInput,
            "t-on-keydown": this.onKeydown,
            "t-on-blur": this.onBlur,
            "t-att-aria-expanded": () => String(this.isOpen),
            "t-att-aria-activedescendant": () =>
                this.activeIndex >= 0 ? this.optionId(this.activeIndex) : undefined,
        },
        ".o_mentoring_noc_suggestions": {
            "t-on-mousedown": (ev) => ev.preventDefault(), // keep the focus in the box
            "t-on-click": this.onSuggestionClick,
            "t-att-class": () => ({ show: this.isOpen }),
        },
    };

    setup() {
        this.inputEl = this.el.querySelector(".o_mentoring_noc_input");
        this.idEl = this.el.querySelector(".o_mentoring_noc_id");
        this.menuEl = this.el.querySelector(".o_mentoring_noc_suggestions");
        this.url = this.el.dataset.searchUrl;
        this.keepLast = new KeepLast();
        this.suggestions = [];
        this.activeIndex = -1;
        this.isOpen = false;
        this.fetchSuggestions = this.debounced(this.fetchSuggestions, 250);
    }

    optionId(index) {
        return `${this.menuEl.id}_${index}`;
    }

    onInput() {
        // The text no longer names the picked entry: the server must not receive its id.
        this.idEl.value = "";
        this.fetchSuggestions();
    }

    async fetchSuggestions() {
        const term = this.inputEl.value.trim();
        if (term.length < 2) {
            this.close();
            return;
        }
        const url = `${this.url}?${new URLSearchParams({ q: term })}`;
        const results = await this.keepLast.add(
            this.waitFor(
                fetch(url, { headers: { Accept: "application/json" } }).then((response) =>
                    response.ok ? response.json() : []
                )
            )
        );
        this.showSuggestions(results);
    }

    showSuggestions(results) {
        this.suggestions = results;
        this.activeIndex = -1;
        const items = results.map((result, index) => {
            const itemEl = document.createElement("li");
            itemEl.id = this.optionId(index);
            itemEl.setAttribute("role", "option");
            itemEl.setAttribute("aria-selected", "false");
            const linkEl = document.createElement("a");
            linkEl.className = "dropdown-item text-wrap";
            linkEl.href = "#";
            linkEl.tabIndex = -1;
            linkEl.dataset.index = String(index);
            linkEl.textContent = result.label;
            itemEl.append(linkEl);
            return itemEl;
        });
        if (!items.length) {
            const emptyEl = document.createElement("li");
            emptyEl.className = "dropdown-item-text text-muted";
            emptyEl.textContent = _t("No occupation found: try other words or a NOC code.");
            items.push(emptyEl);
        }
        this.menuEl.replaceChildren(...items);
        this.isOpen = true;
    }

    highlight(index) {
        this.activeIndex = index;
        for (const linkEl of this.menuEl.querySelectorAll("[data-index]")) {
            const active = Number(linkEl.dataset.index) === index;
            linkEl.classList.toggle("active", active);
            linkEl.parentElement.setAttribute("aria-selected", String(active));
            if (active) {
                linkEl.scrollIntoView({ block: "nearest" });
            }
        }
    }

    select(index) {
        const suggestion = this.suggestions[index];
        if (!suggestion) {
            return;
        }
        this.inputEl.value = suggestion.label;
        this.idEl.value = String(suggestion.id);
        this.inputEl.classList.remove("is-invalid");
        this.close();
    }

    close() {
        clearTimeout(this.blurTimeout);
        this.isOpen = false;
        this.activeIndex = -1;
        this.suggestions = [];
        this.menuEl.replaceChildren();
    }

    onSuggestionClick(ev) {
        ev.preventDefault();
        const linkEl = ev.target.closest("[data-index]");
        if (linkEl) {
            this.select(Number(linkEl.dataset.index));
        }
    }

    onKeydown(ev) {
        if (!this.isOpen) {
            return;
        }
        const count = this.suggestions.length;
        switch (ev.key) {
            case "ArrowDown":
                ev.preventDefault();
                if (count) {
                    this.highlight((this.activeIndex + 1) % count);
                }
                break;
            case "ArrowUp":
                ev.preventDefault();
                if (count) {
                    this.highlight((this.activeIndex - 1 + count) % count);
                }
                break;
            case "Enter":
                if (this.activeIndex >= 0) {
                    ev.preventDefault(); // pick the entry instead of sending the form
                    this.select(this.activeIndex);
                }
                break;
            case "Escape":
                this.close();
                break;
        }
    }

    onBlur() {
        // Let a click on a suggestion land before the list closes.
        this.blurTimeout = this.waitForTimeout(() => this.close(), 200);
    }
}

registry
    .category("public.interactions")
    .add("mentoring_website.noc_autocomplete", NocAutocomplete);
