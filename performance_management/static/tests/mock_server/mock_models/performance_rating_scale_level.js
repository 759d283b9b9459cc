import { models } from "@web/../tests/web_test_helpers";

export class PerformanceRatingScaleLevel extends models.ServerModel {
    _name = "performance.rating.scale.level";
}
