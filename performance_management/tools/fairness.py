"""The fairness engine shared by the review analysis and the reward gap: which employee
attributes group people, and how groups under the minimum size are kept out of every figure."""

from odoo.tools import SQL

# (field of the report views, label); the views name their columns after these fields
ATTRIBUTES = [
    ("gender", "Gender"),
    ("age_band", "Age Band"),
    ("department_id", "Department"),
    ("job_id", "Job Position"),
    ("resource_calendar_id", "Working Time"),
    ("work_location_id", "Work Location"),
]

GENDERS = [("male", "Male"), ("female", "Female"), ("other", "Other")]

AGE_BANDS = [
    ("under_25", "Under 25"),
    ("25_34", "25-34"),
    ("35_44", "35-44"),
    ("45_54", "45-54"),
    ("55_plus", "55 and over"),
]

# a group whose top-rating share is under this fraction of the best group's is flagged
FOUR_FIFTHS = 0.8


def attribute_columns(employee, version, department, job, on_date):
    """The attribute columns of a report view, as of ``on_date`` for the age.

    ``employee`` and ``version`` are the aliases of hr_employee and its current hr_version;
    ``department`` and ``job`` the columns the record kept when it was written.
    """
    age = SQL("date_part('year', age(%s, %s.birthday))", on_date, SQL.identifier(employee))
    return SQL(
        """
        %(version)s.sex AS gender,
        CASE WHEN %(employee)s.birthday IS NULL THEN NULL
             WHEN %(age)s < 25 THEN 'under_25'
             WHEN %(age)s < 35 THEN '25_34'
             WHEN %(age)s < 45 THEN '35_44'
             WHEN %(age)s < 55 THEN '45_54'
             ELSE '55_plus' END AS age_band,
        %(department)s AS department_id,
        %(job)s AS job_id,
        %(version)s.resource_calendar_id AS resource_calendar_id,
        %(version)s.work_location_id AS work_location_id
        """,
        version=SQL.identifier(version),
        employee=SQL.identifier(employee),
        age=age,
        department=department,
        job=job,
    )


def hide_small_groups(groups, min_size, size="count"):
    """Split groups into those shown and the number of people left out.

    A group under ``min_size`` is never shown. Neither is anything that would give its size
    away by subtraction: when the people left out number fewer than ``min_size`` (one small
    group beside a shown total), the smallest shown groups are left out too until they are
    at least ``min_size`` or nothing is shown. So the people left out are none, or at least
    ``min_size``, or everybody: the caller shows their number only when it is
    ``min_size`` or more.
    """
    shown = sorted((g for g in groups if g[size] >= min_size), key=lambda g: g[size])
    left_out = sum(g[size] for g in groups if g[size] < min_size)
    while shown and 0 < left_out < min_size:
        left_out += shown.pop(0)[size]
    return shown, left_out


def ratio_to_best(groups, key):
    """Each group's ``key`` divided by the best group's, flagged under four fifths."""
    best = max((g[key] for g in groups), default=0.0)
    for group in groups:
        group["ratio"] = group[key] / best if best else 0.0
        group["flagged"] = bool(best) and group["ratio"] < FOUR_FIFTHS
    return groups
