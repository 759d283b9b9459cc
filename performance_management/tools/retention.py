"""What a retention rule erases, per record type of the addon.

Each type names its model, the path to the employee it is about, the date each event of
the rule counts from, the actions it allows, what anonymising writes (the person's links and
free text go; cycle, department, ratings and figures stay for statistics) and what it does to
the children that hold free text (cleared, or deleted with ``UNLINK``). ``PLACEHOLDER`` is an
archived "Anonymised employee" of the company that takes the place of the person on a required
link; ``NAME`` a neutral name. ``pending`` is the domain of records not yet anonymised, which
makes a run idempotent and lets a stopped run resume.
"""

PLACEHOLDER = "placeholder"
NAME = "Anonymised"
UNLINK = "unlink"

EVENTS = [
    ("departure", "Employee's departure"),
    ("cycle_close", "Close of the cycle"),
    ("plan_end", "End of the plan"),
    ("record_date", "Date of the record"),
]

ACTIONS = [("anonymise", "Anonymise"), ("delete", "Delete")]

RECORD_TYPES = {
    "review": {
        "label": "Reviews",
        "model": "performance.review",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {
            "record_date": "date_end",
            "cycle_close": "cycle_id.date_end",
        },
        "actions": ("anonymise",),
        "anonymise": {
            "employee_id": PLACEHOLDER,
            "retention_anonymised": True,
            "name": NAME,
            # the manager's summary is the assessment's (cleared with it below)
            "acknowledgement_comment": False,
            "released_pdf": False,
        },
        "children": [
            ("line_ids", {"answer": False}),
            ("assessment_ids", {"manager_summary": False}),
            ("note_ids", UNLINK),
        ],
        "pending": [("retention_anonymised", "=", False)],
    },
    "feedback": {
        "label": "Feedback",
        "model": "performance.feedback",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"record_date": "date"},
        "actions": ("delete", "anonymise"),
        "anonymise": {
            "employee_id": PLACEHOLDER,
            "name": NAME,
            "message": False,
            "request_message": False,
        },
        "children": [],
        "pending": [("employee_id", "not in", PLACEHOLDER)],
    },
    "coaching": {
        "label": "1:1 Notes",
        "model": "performance.coaching.log",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"record_date": "date_start"},
        "actions": ("delete",),
        "children": [],
        "pending": [],
    },
    "improvement_plan": {
        "label": "Improvement Plans",
        "model": "performance.improvement.plan",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"plan_end": "date_end", "record_date": "date_start"},
        "actions": ("anonymise", "delete"),
        "anonymise": {
            "employee_id": PLACEHOLDER,
            "name": NAME,
            "reason": False,
            "support": False,
            "hr_note": False,
            "outcome_note": False,
            "acknowledgement_comment": False,
            "outcome_comment": False,
        },
        "children": [
            ("objective_ids", {"success_criteria": False}),
            ("note_ids", UNLINK),
            ("checkin_ids", {"notes": False}),
            ("extension_ids", {"reason": False}),
        ],
        "pending": [("employee_id", "not in", PLACEHOLDER)],
    },
    "development_plan": {
        "label": "Development Plans",
        "model": "performance.development.plan",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"plan_end": "date_end", "record_date": "date_start"},
        "actions": ("delete", "anonymise"),
        "anonymise": {
            "employee_id": PLACEHOLDER,
            "name": NAME,
            "note": False,
            "mentor_id": False,
        },
        "children": [("action_ids", {"note": False})],
        "pending": [("employee_id", "not in", PLACEHOLDER)],
    },
    "goal": {
        "label": "Goals",
        "model": "performance.goal",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"record_date": "date_deadline"},
        "actions": ("anonymise", "delete"),
        "anonymise": {
            "employee_id": PLACEHOLDER,
            "name": NAME,
            "description": False,
        },
        "children": [("checkin_ids", {"note": False})],
        "pending": [("scope", "=", "employee"), ("employee_id", "not in", PLACEHOLDER)],
    },
    "checkin": {
        "label": "Goal Check-ins",
        "model": "performance.goal.checkin",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"record_date": "date"},
        # the link to the person is the goal's: the goals' rule removes it
        "actions": ("anonymise",),
        "anonymise": {"note": False},
        "children": [],
        "pending": [("note", "!=", False)],
    },
    "recognition": {
        "label": "Recognitions",
        "model": "performance.recognition",
        "employee": "receiver_ids",
        "company": "company_id",
        "dates": {"record_date": "date"},
        "actions": ("delete",),
        "children": [],
        "pending": [],
    },
    "reward": {
        "label": "Rewards",
        "model": "performance.reward",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"record_date": "create_date", "cycle_close": "cycle_id.date_end"},
        "actions": ("anonymise", "delete"),
        "anonymise": {
            "employee_id": PLACEHOLDER,
            "name": NAME,
            "justification": False,
        },
        "children": [],
        "pending": [("employee_id", "not in", PLACEHOLDER)],
    },
    "calibration_log": {
        "label": "Calibration Logs",
        "model": "performance.calibration.log",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"record_date": "create_date", "cycle_close": "cycle_id.date_end"},
        # the link to the person is the review's: the reviews' rule removes it
        "actions": ("anonymise",),
        "anonymise": {"reason": NAME},
        "children": [],
        "pending": [("reason", "!=", NAME)],
    },
    "survey_360": {
        "label": "360 Answers",
        "model": "survey.user_input",
        "employee": "performance_review_id.employee_id",
        "company": "performance_review_id.company_id",
        "dates": {
            "record_date": "create_date",
            "cycle_close": "performance_cycle_id.date_end",
        },
        "actions": ("delete",),
        "children": [],
        "pending": [("performance_review_id", "!=", False)],
    },
    "issue": {
        "label": "Performance Issues",
        "model": "performance.issue",
        "employee": "employee_id",
        "company": "company_id",
        "dates": {"record_date": "date"},
        "actions": ("delete",),
        "children": [],
        "pending": [],
    },
}

# The periods and actions a company starts with (months, counted from the departure unless
# said otherwise): short for notes about a person, longer for what pay and careers rest on.
DEFAULT_RULES = [
    ("review", "departure", 36, "anonymise"),
    ("feedback", "departure", 12, "delete"),
    ("coaching", "departure", 12, "delete"),
    ("improvement_plan", "plan_end", 24, "anonymise"),
    ("development_plan", "departure", 12, "delete"),
    ("goal", "departure", 24, "anonymise"),
    ("checkin", "record_date", 36, "anonymise"),
    ("recognition", "departure", 24, "delete"),
    ("reward", "departure", 72, "anonymise"),
    ("calibration_log", "cycle_close", 36, "anonymise"),
    ("survey_360", "departure", 12, "delete"),
    ("issue", "departure", 6, "delete"),
]
