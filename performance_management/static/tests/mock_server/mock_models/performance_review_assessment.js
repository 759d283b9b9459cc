import { models } from "@web/../tests/web_test_helpers";

export class PerformanceReviewAssessment extends models.ServerModel {
    _name = "performance.review.assessment";

    /** Low, medium or high performance: the level's value normalised on its scale, in thirds. */
    _tier_of(level) {
        const values = this.env["performance.rating.scale.level"]
            .search_read([["scale_id", "=", level.scale_id[0]]], ["value"])
            .map((other) => other.value);
        const [min, max] = [Math.min(...values), Math.max(...values)];
        const score = max > min ? ((level.value - min) * 100) / (max - min) : 100;
        return score < 100 / 3 ? "low" : score < 200 / 3 ? "medium" : "high";
    }

    /** The server's counts of the 9-box, computed the same way from the mock records. */
    get_nine_box_data(domain) {
        const records = this.search_read(domain, [
            "scale_id",
            "performance_tier",
            "potential",
            "final_rating_id",
        ]);
        const boxes = {};
        const byLevel = {};
        let placed = 0;
        for (const record of records) {
            if (record.performance_tier && record.potential) {
                const box = `${record.performance_tier}_${record.potential}`;
                boxes[box] = (boxes[box] || 0) + 1;
                placed++;
            }
            if (record.final_rating_id) {
                const levelId = record.final_rating_id[0];
                byLevel[levelId] = (byLevel[levelId] || 0) + 1;
            }
        }
        const scaleIds = [...new Set(records.map((r) => r.scale_id?.[0]).filter(Boolean))];
        const scales = this.env["performance.rating.scale"].search_read(
            [["id", "in", scaleIds]],
            ["name"]
        );
        return {
            total: records.length,
            placed,
            boxes,
            scales: scales.map((scale) => ({
                id: scale.id,
                name: scale.name,
                levels: this.env["performance.rating.scale.level"]
                    .search_read(
                        [["scale_id", "=", scale.id]],
                        ["name", "description", "value", "target_percent", "scale_id"],
                        { order: "value" }
                    )
                    .map((level) => ({
                        id: level.id,
                        name: level.name,
                        description: level.description || "",
                        value: level.value,
                        tier: this._tier_of(level),
                        target: level.target_percent,
                        count: byLevel[level.id] || 0,
                    })),
            })),
        };
    }

    /** Calibrates as the server does: the rating sets the performance tier. */
    action_calibrate([id], ratingId, potential) {
        const [level] = this.env["performance.rating.scale.level"].search_read(
            [["id", "=", ratingId]],
            ["value", "scale_id"]
        );
        this.write([id], {
            final_rating_id: ratingId,
            performance_tier: level ? this._tier_of(level) : false,
            potential,
        });
        return true;
    }
}
