import { registry } from "@web/core/registry";

// A portal employee walks every /my/performance page on a phone (390 px wide): nothing may
// stick out of the screen, but for the section tabs, which scroll on purpose.

/** The elements wider than the viewport that no scrolling box of theirs holds in. */
function overflowing() {
    const width = document.documentElement.clientWidth;
    const found = [];
    for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (!box.width || (box.right <= width + 1 && box.left >= -1)) {
            continue;
        }
        if (getComputedStyle(element).visibility === "hidden") {
            continue;
        }
        let parent = element.parentElement;
        let heldIn = false;
        while (parent && parent !== document.body) {
            const style = getComputedStyle(parent);
            if (
                ["auto", "scroll", "hidden", "clip"].includes(style.overflowX) &&
                parent.getBoundingClientRect().right <= width + 1
            ) {
                heldIn = true;
                break;
            }
            parent = parent.parentElement;
        }
        if (!heldIn) {
            found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`);
        }
    }
    if (document.documentElement.scrollWidth > width + 1) {
        found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    }
    return found;
}

function fitsThePhone(page, trigger) {
    return {
        content: `${page} fits a phone`,
        trigger,
        run() {
            if (window.innerWidth > 500) {
                throw new Error(`the tour runs ${window.innerWidth} px wide, not on a phone`);
            }
            const found = overflowing();
            if (found.length) {
                throw new Error(`${page} overflows the screen: ${found.slice(0, 5).join(", ")}`);
            }
        },
    };
}

function open(content, trigger) {
    return { content, trigger, run: "click", expectUnloadPage: true };
}

/** A section's list, from its tab or, on a detail page without tabs, from the breadcrumb. */
function section(path) {
    return `.o_pm_nav a[href='${path}'], .breadcrumb a[href='${path}']`;
}

registry.category("web_tour.tours").add("performance_portal_mobile", {
    url: "/my/performance",
    steps: () => [
        fitsThePhone("The overview", ".o_pm_overview"),
        open("Open my goals", section("/my/performance/goals")),
        fitsThePhone("My goals", ".o_pm_nav a.active[href='/my/performance/goals']"),
        open("Open a goal", "a:contains('Paula goal')"),
        fitsThePhone("A goal and its check-in", ".o_pm_checkin_form"),
        open("Back to my goals", section("/my/performance/goals")),
        open("Propose a goal", ".o_pm_propose_goal"),
        fitsThePhone("The goal proposal", "form"),
        open("Back to my goals", section("/my/performance/goals")),
        open("Open my reviews", section("/my/performance/reviews")),
        fitsThePhone("My reviews", ".o_pm_nav a.active[href='/my/performance/reviews']"),
        open("Open my self review", "a:contains('Paula self review')"),
        fitsThePhone("A self review", ".o_pm_review_line"),
        open("Back to my reviews", section("/my/performance/reviews")),
        open("Open my released review", "a:contains('Paula released')"),
        fitsThePhone("A released review", ".o_pm_review_pdf"),
        open("Back to my reviews", section("/my/performance/reviews")),
        open("Open my feedback", section("/my/performance/feedback")),
        fitsThePhone("My feedback", ".o_pm_give_feedback"),
        open("Open a feedback", "td a[href^='/my/performance/feedback/']"),
        fitsThePhone("A feedback", ".breadcrumb"),
        open("Back to my feedback", section("/my/performance/feedback")),
        open("Give feedback", ".o_pm_give_feedback"),
        fitsThePhone("Giving feedback", "form"),
        open("Back to my feedback", section("/my/performance/feedback")),
        open("Open the kudos", section("/my/performance/kudos")),
        fitsThePhone("The kudos", ".o_pm_nav a.active[href='/my/performance/kudos']"),
        open("Open my 1:1s", section("/my/performance/meetings")),
        fitsThePhone("My 1:1s", ".o_pm_nav a.active[href='/my/performance/meetings']"),
        open("Open a 1:1", "td a[href^='/my/performance/meetings/']"),
        fitsThePhone("A 1:1", ".breadcrumb"),
        open("Back to my 1:1s", section("/my/performance/meetings")),
        open("Open my plans", section("/my/performance/plans")),
        fitsThePhone("My plans", ".o_pm_nav a.active[href='/my/performance/plans']"),
        open("Open my development plan", "a[href^='/my/performance/development/']"),
        fitsThePhone("A development plan", ".breadcrumb"),
        open("Back to my plans", section("/my/performance/plans")),
        open("Open my improvement plan", "a[href^='/my/performance/improvement/']"),
        fitsThePhone("An improvement plan", ".breadcrumb"),
    ],
});
