# Mixins first: the models below inherit them.
from . import digest_digest, mail_activity_plan, mail_activity_plan_template
from . import (
    performance_activity_plan_mixin,
    performance_company_check_mixin,
    performance_employee_mixin,
    performance_import_template,
    performance_my_team_mixin,
)
from . import (
    performance_calibration_log,
    performance_calibration_disagreement,
    performance_calibration_session,
    performance_calibration_vote,
    performance_career_path,
    performance_career_step,
    performance_career_step_skill,
    performance_coaching_action_item,
    performance_coaching_log,
    performance_coaching_note,
    performance_coaching_talking_point,
    performance_cycle,
    performance_cycle_launch,
    performance_development_action,
    performance_development_plan,
    performance_development_plan_skill,
    performance_feedback,
    performance_figure_check,
    performance_goal,
    performance_goal_checkin,
    performance_goal_checkin_line,
    performance_goal_tag,
    performance_improvement_checkin,
    performance_improvement_extension,
    performance_improvement_note,
    performance_improvement_objective,
    performance_improvement_plan,
    performance_issue,
    performance_key_result,
    performance_merit_matrix,
    performance_rating_scale,
    performance_rating_scale_level,
    performance_recognition,
    performance_review,
    performance_review_assessment,
    performance_review_line,
    performance_review_note,
    performance_review_template,
    performance_review_template_line,
    performance_reward,
    performance_reward_budget,
    performance_value,
    calendar_event,
    hr_employee,
    hr_employee_menu,
    hr_employee_public,
    ir_actions_report,
    ir_attachment,
    ir_ui_menu,
    res_company,
    res_config_settings,
    survey_question,
    survey_survey,
    survey_user_input,
    performance_pulse_schedule,
    performance_pulse_round,
    performance_pulse_participant,
    performance_pulse_result,
    survey_user_input_pulse,
)
from . import performance_text_rule, performance_review_text_check, performance_feedback_text_check
from . import performance_cycle_text_check
from . import performance_review_usefulness, performance_review_lighter
from . import performance_review_draft
from . import performance_review_evidence
from . import performance_data_export, performance_read_log, performance_read_log_mixin
from . import performance_cycle_reward_gap
from . import (
    hr_employee_legal_hold,
    performance_principles_version,
    performance_retention_rule,
    performance_review_retention,
    res_company_privacy,
    res_config_settings_privacy,
)
from . import survey_user_input_line
from . import performance_nudge, res_company_nudge, res_config_settings_nudge, res_users
from . import performance_text_flags_mixin
from . import (
    performance_issue_evidence,
    performance_review_assessment_suggestion,
    performance_review_suggestion,
    performance_reward_merit,
)
