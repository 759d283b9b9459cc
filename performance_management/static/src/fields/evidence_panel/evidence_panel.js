import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * The period's evidence about the reviewed employee beside the review: each item linked,
 * dated and citable by its writer, a month-by-month strip of how much there is, and a
 * warning when what the writer cites sits in the period's last six weeks.
 */
export class EvidencePanel extends Component {
    static template = "performance_management.EvidencePanel";
    static props = { ...standardFieldProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
    }

    get data() {
        return this.props.record.data[this.props.name] || { groups: [], months: [], max: 0 };
    }

    barHeight(month) {
        return this.data.max ? Math.max(4, Math.round((100 * month.count) / this.data.max)) : 0;
    }

    async cite(item) {
        const record = this.props.record;
        if (await record.save()) {
            await this.orm.call("performance.review", "action_cite_evidence", [
                [record.resId],
                item.model,
                item.id,
            ]);
            await record.load();
        }
    }

    open(item) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: item.model,
            res_id: item.id,
            views: [[false, "form"]],
            target: "new",
        });
    }
}

registry.category("fields").add("performance_evidence", {
    component: EvidencePanel,
    supportedTypes: ["json"],
});
