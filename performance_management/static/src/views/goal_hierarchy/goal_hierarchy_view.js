import { Domain } from "@web/core/domain";
import { registry } from "@web/core/registry";
import { HierarchyModel } from "@web_hierarchy/hierarchy_model";
import { hierarchyView } from "@web_hierarchy/hierarchy_view";

export class GoalHierarchyModel extends HierarchyModel {
    /**
     * Opened on a goal (context hierarchy_res_id) under an action domain, web_hierarchy keeps
     * the combined domain as a Domain object; its loader expects a list and would show the
     * roots instead of the goal. Keep the domain a list.
     *
     * @override
     */
    _getNextConfig(currentConfig, params) {
        const config = super._getNextConfig(currentConfig, params);
        if (config.domain instanceof Domain) {
            config.domain = config.domain.toList({});
        }
        return config;
    }
}

export const goalHierarchyView = {
    ...hierarchyView,
    Model: GoalHierarchyModel,
};

registry.category("views").add("performance_goal_hierarchy", goalHierarchyView);
