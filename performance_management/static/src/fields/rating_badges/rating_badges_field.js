import { Component, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { formatFloat } from "@web/core/utils/numbers";
import { getFieldDomain } from "@web/model/relational_model/utils";
import { useSpecialData } from "@web/views/fields/relational_utils";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * The levels of a rating scale as badges, each with its meaning, instead of a drop-down;
 * the score and the suggested level shown beside them while rating.
 */
export class RatingBadgesField extends Component {
    static template = "performance_management.RatingBadgesField";
    static props = {
        ...standardFieldProps,
        domain: { type: [Array, Function], optional: true },
        scoreField: { type: String, optional: true },
        suggestedField: { type: String, optional: true },
        size: { type: String, optional: true },
    };

    setup() {
        this.state = useState({ hoveredId: false });
        this.levels = useSpecialData((orm, props) => {
            const { relation } = props.record.fields[props.name];
            const domain = getFieldDomain(props.record, props.name, props.domain);
            return orm
                .call(relation, "web_search_read", [], {
                    domain,
                    specification: { display_name: 1, description: 1, value: 1 },
                })
                .then(({ records }) => records);
        });
    }

    get options() {
        return this.levels.data || [];
    }

    get value() {
        return this.props.record.data[this.props.name]?.id || false;
    }

    get selected() {
        return this.options.find((level) => level.id === this.value);
    }

    get suggestedId() {
        const { suggestedField, record } = this.props;
        return (suggestedField && record.data[suggestedField]?.id) || false;
    }

    get suggestedName() {
        // an invisible many2one comes without its name: the levels carry it
        const suggested = this.options.find((level) => level.id === this.suggestedId);
        return suggested?.display_name || "";
    }

    get score() {
        const { scoreField, record } = this.props;
        if (!scoreField || !record.data[scoreField]) {
            return "";
        }
        return formatFloat(record.data[scoreField], { digits: [16, 1] });
    }

    /** What the level under the pointer, else the picked one, means. */
    get meaning() {
        const level =
            this.options.find((option) => option.id === this.state.hoveredId) || this.selected;
        return level?.description || "";
    }

    levelTitle(level) {
        const parts = [level.description || level.display_name];
        if (level.id === this.suggestedId) {
            parts.push(_t("Suggested by the score"));
        }
        return parts.join(" · ");
    }

    onSelect(level) {
        if (this.props.readonly) {
            return;
        }
        const { required } = this.props.record.fields[this.props.name];
        if (level.id === this.value && !required) {
            this.props.record.update({ [this.props.name]: false });
            return;
        }
        this.props.record.update({
            [this.props.name]: { id: level.id, display_name: level.display_name },
        });
    }
}

export const ratingBadgesField = {
    component: RatingBadgesField,
    displayName: _t("Rating Badges"),
    supportedTypes: ["many2one"],
    supportedOptions: [
        { label: _t("Score field"), name: "score_field", type: "field" },
        { label: _t("Suggested level field"), name: "suggested_field", type: "field" },
    ],
    isEmpty: (record, fieldName) => record.data[fieldName] === false,
    extractProps: ({ options }, dynamicInfo) => ({
        domain: dynamicInfo.domain,
        scoreField: options.score_field,
        suggestedField: options.suggested_field,
        size: options.size,
    }),
};

registry.category("fields").add("performance_rating_badges", ratingBadgesField);
