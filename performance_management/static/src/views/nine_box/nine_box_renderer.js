import { Component, useRef, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { useService } from "@web/core/utils/hooks";
import { useSortable } from "@web/core/utils/sortable_owl";
import { KanbanRecord } from "@web/views/kanban/kanban_record";
import { NineBoxMoveDialog } from "./nine_box_move_dialog";
import { RatingDistributionChart } from "@performance_management/components/rating_distribution_chart/rating_distribution_chart";

export const TIERS = ["low", "medium", "high"];
const MOVABLE_STATES = ["manager_review", "calibration"];

export const AXIS_LABELS = {
    low: _t("Low"),
    medium: _t("Medium"),
    high: _t("High"),
};

/** The usual names of the boxes, keyed `performance_potential`. */
export const BOX_LABELS = {
    low_high: _t("Rough Diamond"),
    medium_high: _t("Future Star"),
    high_high: _t("Star"),
    low_medium: _t("Inconsistent Player"),
    medium_medium: _t("Core Player"),
    high_medium: _t("High Performer"),
    low_low: _t("Talent Risk"),
    medium_low: _t("Effective Employee"),
    high_low: _t("Trusted Professional"),
};

/**
 * The 9-box: performance across (from the final rating), potential up. The nine boxes are
 * always drawn; counts and the rating distribution are those its model loaded for the whole
 * search, the cards those of the loaded page. A card dropped in another box asks for the
 * calibration reason and goes through the assessment's audited `action_calibrate`.
 */
export class NineBoxRenderer extends Component {
    static template = "performance_management.NineBoxRenderer";
    static components = { KanbanRecord, RatingDistributionChart };
    static props = [
        "archInfo",
        "Compiler",
        "list",
        "deleteRecord",
        "openRecord",
        "readonly?",
        "forceGlobalClick?",
        "noContentHelp?",
        "scrollTop?",
        "canQuickCreate?",
        "quickCreateState?",
        "progressBarState?",
        "addLabel?",
        "onAdd?",
    ];

    setup() {
        this.action = useService("action");
        this.dialog = useService("dialog");
        this.notification = useService("notification");
        this.tiers = TIERS;
        this.potentialsTopDown = [...TIERS].reverse();
        this.axisLabels = AXIS_LABELS;
        this.boxLabels = BOX_LABELS;
        this.nineBox = useState(this.props.list.model.nineBox);
        this.rootRef = useRef("root");
        let draggedId;
        let fromBox;
        useSortable({
            ref: this.rootRef,
            elements: ".o_draggable",
            groups: ".o_nine_box_cell",
            connectGroups: true,
            cursor: "move",
            placeholderClasses: ["opacity-50"],
            onDragStart: ({ element, group }) => {
                draggedId = element.dataset.id;
                fromBox = group?.dataset.box;
                element.classList.add("o_dragged");
            },
            onDragEnd: ({ element }) => element.classList.remove("o_dragged"),
            onDrop: ({ parent }) => {
                const toBox = parent?.dataset.box;
                if (toBox && toBox !== fromBox) {
                    this.askMove(draggedId, toBox);
                }
            },
        });
    }

    get records() {
        return this.props.list.isGrouped ? [] : this.props.list.records;
    }

    boxOf(record) {
        const { performance_tier: tier, potential } = record.data;
        return tier && potential ? `${tier}_${potential}` : false;
    }

    recordsIn(box) {
        return this.records.filter((record) => this.boxOf(record) === box);
    }

    get unplacedRecords() {
        return this.records.filter((record) => !this.boxOf(record));
    }

    get scales() {
        return this.nineBox.data?.scales || [];
    }

    get unplacedCount() {
        const data = this.nineBox.data;
        return data ? data.total - data.placed : this.unplacedRecords.length;
    }

    countOf(box) {
        return this.nineBox.data?.boxes[box] || 0;
    }

    shareOf(count) {
        const placed = this.nineBox.data?.placed;
        return placed ? Math.round((count * 100) / placed) : 0;
    }

    /** The scale the guideline is read from: the one most reviews are rated on. */
    get mainScale() {
        const scales = this.nineBox.data?.scales || [];
        const rated = (scale) => scale.levels.reduce((sum, level) => sum + level.count, 0);
        return [...scales].sort((a, b) => rated(b) - rated(a))[0];
    }

    columnGuideline(tier) {
        const levels = this.mainScale?.levels || [];
        return Math.round(
            levels.filter((l) => l.tier === tier).reduce((sum, l) => sum + l.target, 0)
        );
    }

    columnActual(tier) {
        return this.shareOf(
            TIERS.reduce((sum, potential) => sum + this.countOf(`${tier}_${potential}`), 0)
        );
    }

    boxTitle(box) {
        const [tier, potential] = box.split("_");
        return _t("%(performance)s performance, %(potential)s potential", {
            performance: AXIS_LABELS[tier],
            potential: AXIS_LABELS[potential],
        });
    }

    isMovable(record) {
        return !this.props.readonly && MOVABLE_STATES.includes(record.data.review_state);
    }

    scaleOf(record) {
        const scaleId = record.data.scale_id?.id;
        return (this.nineBox.data?.scales || []).find((scale) => scale.id === scaleId);
    }

    askMove(recordId, toBox) {
        const record = this.records.find((r) => r.id === recordId);
        if (!record) {
            return;
        }
        const [tier, potential] = toBox.split("_");
        const currentRating = record.data.final_rating_id;
        const sameTier = record.data.performance_tier === tier && currentRating;
        const levels = sameTier
            ? []
            : (this.scaleOf(record)?.levels || []).filter((level) => level.tier === tier);
        if (!sameTier && !levels.length) {
            this.notification.add(_t("The rating scale of this review has no level there."), {
                type: "warning",
            });
            return;
        }
        this.dialog.add(NineBoxMoveDialog, {
            employee: record.data.employee_id?.display_name || "",
            fromLabel: this.boxOf(record) ? BOX_LABELS[this.boxOf(record)] : _t("Not placed"),
            toLabel: BOX_LABELS[toBox],
            toTitle: this.boxTitle(toBox),
            currentRating: currentRating?.display_name || "",
            levels,
            movingUp: TIERS.indexOf(tier) > TIERS.indexOf(record.data.performance_tier || "low"),
            confirm: (ratingId, reason) =>
                this.props.list.model.calibrate(
                    record,
                    ratingId || currentRating?.id || false,
                    potential,
                    reason
                ),
        });
    }

    openReview(record) {
        const reviewId = record.data.review_id?.id;
        if (!reviewId) {
            return this.props.openRecord(record);
        }
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "performance.review",
            res_id: reviewId,
            views: [[false, "form"]],
            target: "current",
        });
    }
}
