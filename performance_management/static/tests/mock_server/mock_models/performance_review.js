import { models } from "@web/../tests/web_test_helpers";

export class PerformanceReview extends models.ServerModel {
    _name = "performance.review";
}
