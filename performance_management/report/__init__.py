# SQL views after the models they read (the models package is imported first).
from . import (
    performance_activity_report,
    performance_employee_summary,
    performance_goal_report,
    performance_report,
)
from . import performance_cycle_evaluation
from . import performance_data_report
from . import (
    performance_fairness_attribute_mixin,
    performance_fairness_report,
    performance_reward_gap_report,
)
from . import performance_flag_report
from . import performance_manager_scorecard
