import { models } from "@web/../tests/web_test_helpers";

export class PerformanceReviewTemplate extends models.ServerModel {
    _name = "performance.review.template";
}
