from . import (
    performance_calibration_wizard,
    performance_coaching_goal_checkin,
    performance_coaching_goal_checkin_line,
    performance_cycle_phase,
    performance_feedback_answer,
    performance_feedback_give,
    performance_feedback_request,
    performance_goal_assign,
    performance_improvement_acknowledge,
    performance_improvement_extend,
    performance_issue_dismiss,
    performance_journal,
    performance_review_acknowledge_wizard,
)
from . import performance_data_export_wizard
from . import performance_fairness_analysis, performance_fairness_analysis_line
from . import performance_retention_preview, performance_retention_preview_line
