import { Component } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { formatDate, parseDate } from "@web/core/l10n/dates";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { top: 12, right: 16, bottom: 28, left: 40 };

/**
 * Place the check-ins on the chart: x by date (by order when all share one date), y by
 * progress from 0 to 100. Pure, so that it is tested alone.
 *
 * @param {{date: string, progress: number, confidence: string}[]} history oldest first
 * @returns {{x: number, y: number, date: string, progress: number, confidence: string}[]}
 */
export function placeCheckins(history, width = WIDTH, height = HEIGHT) {
    const innerWidth = width - PAD.left - PAD.right;
    const innerHeight = height - PAD.top - PAD.bottom;
    const times = history.map((point) => Date.parse(point.date));
    const first = Math.min(...times);
    const span = Math.max(...times) - first;
    return history.map((point, index) => {
        let ratio;
        if (history.length === 1) {
            ratio = 0.5;
        } else if (span > 0) {
            ratio = (times[index] - first) / span;
        } else {
            ratio = index / (history.length - 1);
        }
        const progress = Math.min(Math.max(Number(point.progress) || 0, 0), 100);
        return {
            ...point,
            progress,
            x: Math.round((PAD.left + ratio * innerWidth) * 10) / 10,
            y: Math.round((PAD.top + (1 - progress / 100) * innerHeight) * 10) / 10,
        };
    });
}

export class GoalCheckinChart extends Component {
    static template = "performance_management.GoalCheckinChart";
    static props = { ...standardFieldProps };

    get width() {
        return WIDTH;
    }

    get height() {
        return HEIGHT;
    }

    get pad() {
        return PAD;
    }

    get history() {
        return this.props.record.data[this.props.name] || [];
    }

    get points() {
        return placeCheckins(this.history);
    }

    get polyline() {
        return this.points.map((point) => `${point.x},${point.y}`).join(" ");
    }

    get gridLines() {
        const innerHeight = HEIGHT - PAD.top - PAD.bottom;
        return [0, 50, 100].map((value) => ({
            value,
            y: PAD.top + (1 - value / 100) * innerHeight,
        }));
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
}

export const goalCheckinChart = {
    component: GoalCheckinChart,
    displayName: _t("Check-in History"),
    supportedTypes: ["json"],
};

registry.category("fields").add("performance_goal_checkin_chart", goalCheckinChart);
