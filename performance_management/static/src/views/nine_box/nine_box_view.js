import { registry } from "@web/core/registry";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { NineBoxModel } from "./nine_box_model";
import { NineBoxRenderer } from "./nine_box_renderer";

/** A kanban whose renderer is the 9-box: Odoo's search, filters and pager come with it. */
export const nineBoxView = {
    ...kanbanView,
    Model: NineBoxModel,
    Renderer: NineBoxRenderer,
    // the boxes are the grouping: a group by would hide them
    searchMenuTypes: ["filter", "favorite"],
};

registry.category("views").add("performance_nine_box", nineBoxView);
