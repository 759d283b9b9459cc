import { models } from "@web/../tests/web_test_helpers";

export class PerformanceGoal extends models.ServerModel {
    _name = "performance.goal";
}
