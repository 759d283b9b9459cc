import { models } from "@web/../tests/web_test_helpers";

export class PerformanceCycle extends models.ServerModel {
    _name = "performance.cycle";
}
