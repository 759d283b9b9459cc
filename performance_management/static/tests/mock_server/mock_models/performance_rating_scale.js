import { models } from "@web/../tests/web_test_helpers";

export class PerformanceRatingScale extends models.ServerModel {
    _name = "performance.rating.scale";
}
