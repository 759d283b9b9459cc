import { Component } from "@odoo/owl";
import { formatDate, deserializeDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/** The phases of a cycle as progress bars: done of the reviews, late ones in red. */
export class CyclePhaseProgressField extends Component {
    static template = "performance_management.CyclePhaseProgressField";
    static props = { ...standardFieldProps };

    get phases() {
        return (this.props.record.data[this.props.name] || []).map((phase) => ({
            ...phase,
            deadlineLabel: phase.deadline ? formatDate(deserializeDate(phase.deadline)) : "",
            // the done and the late parts of one bar never add up past the whole
            latePercent: Math.min(phase.late_percent, 100 - phase.percent),
        }));
    }
}

export const cyclePhaseProgressField = {
    component: CyclePhaseProgressField,
    displayName: _t("Cycle Phase Progress"),
    supportedTypes: ["json"],
};

/** The rating distribution of a cycle as bars, each with its guideline marked. */
export class CycleDistributionField extends Component {
    static template = "performance_management.CycleDistributionField";
    static props = { ...standardFieldProps };

    get data() {
        return this.props.record.data[this.props.name] || { total: 0, levels: [] };
    }

    get levels() {
        return this.data.levels.map((level) => ({
            ...level,
            // more than a fifth away from the guideline share: the calibration has work
            off: this.data.total > 0 && Math.abs(level.actual - level.target) > 20,
        }));
    }
}

export const cycleDistributionField = {
    component: CycleDistributionField,
    displayName: _t("Cycle Rating Distribution"),
    supportedTypes: ["json"],
};

registry.category("fields").add("performance_cycle_phases", cyclePhaseProgressField);
registry.category("fields").add("performance_cycle_distribution", cycleDistributionField);
