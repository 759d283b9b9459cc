from . import performance_employee_summary
