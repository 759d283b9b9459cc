import { Component, onWillStart, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { formatDate, parseDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

const DAY = 24 * 60 * 60 * 1000;
// theme colours of the line and of each confidence, read from Bootstrap's CSS variables
const LINE_COLOR = "primary";
const CONFIDENCE_COLORS = { on_track: "success", at_risk: "warning", off_track: "danger" };
const FALLBACK_COLORS = {
    primary: "#714b67",
    success: "#28a745",
    warning: "#ffac00",
    danger: "#d44c59",
    "border-color": "#dee2e6",
};

/**
 * The check-ins as points of the chart: x in days since the first check-in (their order
 * when all share one date), y the progress kept within 0 to 100. Pure, so that it is
 * tested alone.
 *
 * @param {{date: string, progress: number, confidence: string}[]} history oldest first
 * @returns {{x: number, y: number, date: string, progress: number, confidence: string}[]}
 */
export function checkinPoints(history) {
    const days = history.map((point) => Date.parse(point.date) / DAY);
    const first = Math.min(...days);
    const span = Math.max(...days) - first;
    return history.map((point, index) => {
        const progress = Math.min(Math.max(Number(point.progress) || 0, 0), 100);
        return { ...point, progress, x: span > 0 ? days[index] - first : index, y: progress };
    });
}

/** The progress of a goal's check-ins over time, a Chart.js line as Odoo's graph view draws. */
export class GoalCheckinChart extends Component {
    static template = "performance_management.GoalCheckinChart";
    static props = { ...standardFieldProps };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => {
                this.renderChart();
                return () => {
                    this.chart?.destroy();
                    this.chart = null;
                };
            },
            () => [this.history]
        );
    }

    get history() {
        return this.props.record.data[this.props.name] || [];
    }

    get points() {
        return checkinPoints(this.history);
    }

    get confidenceLabels() {
        return {
            on_track: _t("On Track"),
            at_risk: _t("At Risk"),
            off_track: _t("Off Track"),
        };
    }

    formatDate(date) {
        return formatDate(parseDate(date));
    }

    pointTitle(point) {
        return _t("%(date)s: %(progress)s (%(confidence)s)", {
            date: this.formatDate(point.date),
            progress: `${Math.round(point.progress)}%`,
            confidence: this.confidenceLabels[point.confidence] || "",
        });
    }

    color(name) {
        const style = getComputedStyle(this.canvasRef.el);
        return style.getPropertyValue(`--${name}`).trim() || FALLBACK_COLORS[name];
    }

    renderChart() {
        if (!this.canvasRef.el || !window.Chart) {
            return;
        }
        const points = this.points;
        const [first, last] = [points[0], points[points.length - 1]];
        // one check-in sits in the middle; the date of the first and of the last under the axis
        const [min, max] = first.x === last.x ? [first.x - 1, last.x + 1] : [first.x, last.x];
        const gridColor = this.color("border-color");
        this.chart = new window.Chart(this.canvasRef.el, {
            type: "line",
            data: {
                datasets: [
                    {
                        data: points,
                        borderColor: this.color(LINE_COLOR),
                        borderWidth: 2,
                        pointBackgroundColor: points.map((point) =>
                            this.color(CONFIDENCE_COLORS[point.confidence] || LINE_COLOR)
                        ),
                        pointBorderColor: "#ffffff",
                        pointBorderWidth: 1.5,
                        pointRadius: 5,
                        pointHoverRadius: 6,
                        // the first and last points whole, on the edges of the axis
                        clip: false,
                    },
                ],
            },
            options: {
                animation: false,
                maintainAspectRatio: false,
                layout: { padding: { left: 8, right: 24 } },
                scales: {
                    x: {
                        type: "linear",
                        min,
                        max,
                        grid: { display: false },
                        afterBuildTicks: (scale) => {
                            scale.ticks = [...new Set([first.x, last.x])].map((value) => ({
                                value,
                            }));
                        },
                        ticks: {
                            maxRotation: 0,
                            callback: (value) => {
                                const point = points.find((p) => p.x === value);
                                return point ? this.formatDate(point.date) : "";
                            },
                        },
                    },
                    y: {
                        min: 0,
                        max: 100,
                        grid: { color: gridColor },
                        ticks: { stepSize: 50, callback: (value) => `${value}%` },
                    },
                },
                plugins: {
                    legend: { display: false },
                    tooltip: {
                        displayColors: false,
                        callbacks: {
                            title: () => "",
                            label: (context) => this.pointTitle(context.raw),
                        },
                    },
                },
            },
        });
    }
}

export const goalCheckinChart = {
    component: GoalCheckinChart,
    displayName: _t("Check-in History"),
    supportedTypes: ["json"],
};

registry.category("fields").add("performance_goal_checkin_chart", goalCheckinChart);
