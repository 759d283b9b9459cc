import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { _t } from "@web/core/l10n/translation";
import { getColor } from "@web/core/colors/colors";

/** Guideline against actual share of each rating level, as bars and as a table. */
export class RatingDistributionChart extends Component {
    static template = "performance_management.RatingDistributionChart";
    static props = { scale: Object };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => this.renderChart(),
            () => [this.props.scale]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    get total() {
        return this.props.scale.levels.reduce((sum, level) => sum + level.count, 0);
    }

    get rows() {
        const total = this.total;
        return this.props.scale.levels.map((level) => {
            const actual = total ? Math.round((level.count * 100) / total) : 0;
            return { ...level, actual, gap: actual - Math.round(level.target) };
        });
    }

    renderChart() {
        this.chart?.destroy();
        if (!this.canvasRef.el || !window.Chart) {
            return;
        }
        const rows = this.rows;
        this.chart = new window.Chart(this.canvasRef.el, {
            type: "bar",
            data: {
                labels: rows.map((row) => row.name),
                datasets: [
                    {
                        label: _t("Guideline %"),
                        data: rows.map((row) => row.target),
                        backgroundColor: "rgba(108, 117, 125, 0.45)",
                    },
                    {
                        label: _t("Actual %"),
                        data: rows.map((row) => row.actual),
                        backgroundColor: getColor(1, "light", "odoo"),
                    },
                ],
            },
            options: {
                animation: false,
                maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, suggestedMax: 60 } },
                plugins: { legend: { position: "bottom" } },
            },
        });
    }
}
