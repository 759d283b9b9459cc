from . import (
    performance_career_step,
    performance_feedback,
    performance_goal,
    performance_recognition,
    performance_review,
    performance_value,
    hr_employee,
    res_company,
    res_config_settings,
)
