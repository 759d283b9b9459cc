import { Component, onWillStart, useState, useSubEnv } from "@odoo/owl";
import { formatDate, deserializeDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { useSetupAction } from "@web/search/action_hook";
import { Layout } from "@web/search/layout";
import { getDefaultConfig } from "@web/views/view";

/**
 * One employee's performance on one page: current goals, last reviews, feedback, 1:1s, plans,
 * kudos and rewards. The server reads each area with the reader's rights
 * (hr.employee.public.get_performance_overview); this page only shows what it is given.
 */
export class EmployeePerformanceOverview extends Component {
    static template = "performance_management.EmployeePerformanceOverview";
    static components = { Layout };
    static props = ["*"];

    setup() {
        useSubEnv({ config: { ...getDefaultConfig(), ...this.env.config } });
        useSetupAction();
        this.orm = useService("orm");
        this.actionService = useService("action");
        const params = this.props.action?.params || {};
        const context = this.props.action?.context || {};
        this.employeeId = params.employee_id || context.active_id;
        this.state = useState({ employee: {}, sections: [] });
        onWillStart(() => this.load());
    }

    async load() {
        if (!this.employeeId) {
            return; // opened without an employee (e.g. a bare URL): the page says so
        }
        const overview = await this.orm.call("hr.employee.public", "get_performance_overview", [
            [this.employeeId],
        ]);
        Object.assign(this.state, overview);
        // reloaded from its URL, the client action has no name: the breadcrumb said "Unnamed"
        this.env.config.setDisplayName?.(overview.title);
    }

    formatDate(value) {
        return value ? formatDate(deserializeDate(value)) : "";
    }

    async openAll(section) {
        const action = await this.orm.call("hr.employee.public", section.button, [
            [this.employeeId],
        ]);
        return this.actionService.doAction(action);
    }

    openRecord(section, row) {
        return this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: section.model,
            res_id: row.id,
            views: [[false, "form"]],
        });
    }

    async openJournal() {
        const action = await this.orm.call("hr.employee.public", "action_open_performance_journal", [
            [this.employeeId],
        ]);
        return this.actionService.doAction(action);
    }
}

registry.category("actions").add("performance_employee_overview", EmployeePerformanceOverview);
