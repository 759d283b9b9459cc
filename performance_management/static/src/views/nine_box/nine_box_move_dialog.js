import { Component, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";

/** Asks why a card moves to another box, and the rating when the performance changes. */
export class NineBoxMoveDialog extends Component {
    static template = "performance_management.NineBoxMoveDialog";
    static components = { Dialog };
    static props = {
        employee: String,
        fromLabel: String,
        toLabel: String,
        toTitle: String,
        currentRating: String,
        levels: Array,
        movingUp: Boolean,
        confirm: Function,
        close: Function,
    };

    setup() {
        const { levels, movingUp } = this.props;
        // one step at a time: the nearest level of the new box is picked first
        const nearest = movingUp ? levels[0] : levels[levels.length - 1];
        this.state = useState({ ratingId: nearest?.id || false, reason: "", saving: false });
    }

    get canConfirm() {
        return (
            !this.state.saving &&
            this.state.reason.trim() &&
            (!this.props.levels.length || this.state.ratingId)
        );
    }

    async onConfirm() {
        if (!this.canConfirm) {
            return;
        }
        this.state.saving = true;
        try {
            await this.props.confirm(this.state.ratingId, this.state.reason.trim());
        } finally {
            this.props.close();
        }
    }
}
