import { reactive } from "@odoo/owl";
import { KeepLast } from "@web/core/utils/concurrency";
import { RelationalModel } from "@web/model/relational_model/relational_model";

/**
 * The 9-box's model: the cards as the kanban loads them and, beside them, the counts of the
 * boxes and the rating distribution, which the server computes over the whole search
 * (whatever page of cards is loaded). None when grouped: the boxes are the grouping.
 */
export class NineBoxModel extends RelationalModel {
    setup(params, services) {
        super.setup(params, services);
        this.nineBox = reactive({ data: null });
        this.nineBoxKeepLast = new KeepLast();
    }

    async load(params = {}) {
        const config = this._getNextConfig(this.config, params);
        await Promise.all([super.load(params), this.loadNineBox(config)]);
    }

    /** Reads the counts for the search of `config` (by default, the loaded one). */
    async loadNineBox({ domain, context, groupBy } = this.config) {
        const data = groupBy.length
            ? null
            : this.orm.call("performance.review.assessment", "get_nine_box_data", [domain], {
                  context,
              });
        this.nineBox.data = await this.nineBoxKeepLast.add(Promise.resolve(data));
    }

    /**
     * Moves a card through the assessment's audited `action_calibrate`, then reloads the
     * cards and the counts, whether the server accepted the move or not.
     */
    async calibrate(record, ratingId, potential, reason) {
        try {
            await this.orm.call("performance.review.assessment", "action_calibrate", [
                [record.resId],
                ratingId,
                potential,
                reason,
            ]);
        } finally {
            await Promise.all([this.root.load(), this.loadNineBox()]);
        }
    }
}
