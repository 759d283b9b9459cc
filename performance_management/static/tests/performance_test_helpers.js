import { hrModels } from "@hr/../tests/hr_test_helpers";
import { defineModels } from "@web/../tests/web_test_helpers";
import { PerformanceCycle } from "./mock_server/mock_models/performance_cycle";
import { PerformanceGoal } from "./mock_server/mock_models/performance_goal";
import { PerformanceRatingScale } from "./mock_server/mock_models/performance_rating_scale";
import { PerformanceRatingScaleLevel } from "./mock_server/mock_models/performance_rating_scale_level";
import { PerformanceReview } from "./mock_server/mock_models/performance_review";
import { PerformanceReviewAssessment } from "./mock_server/mock_models/performance_review_assessment";
import { PerformanceReviewTemplate } from "./mock_server/mock_models/performance_review_template";

/** The addon's mock models (fields read from the server's own), over hr's and mail's. */
export function definePerformanceModels() {
    return defineModels(performanceModels);
}

export const performanceModels = {
    ...hrModels,
    PerformanceCycle,
    PerformanceGoal,
    PerformanceRatingScale,
    PerformanceRatingScaleLevel,
    PerformanceReview,
    PerformanceReviewAssessment,
    PerformanceReviewTemplate,
};
