from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import FiniteFloat

DIMENSIONS = [
    ("company", "Company"),
    ("department", "Department"),
    ("team", "Team"),
    ("band", "Rating Band"),
]


class PerformancePulseResult(models.Model):
    """A released figure of a pulse round: one question's mean (and eNPS) for one group.

    Written once by the round's release, only for the groups with at least the anonymity
    threshold of answers and whose complement in a larger group shown is not smaller
    than it either (no group derivable by difference).
    """

    _name = "performance.pulse.result"
    _description = "Pulse Result"
    _order = "date desc, dimension, id"

    round_id = fields.Many2one(
        "performance.pulse.round", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True)
    date = fields.Date(related="round_id.date_start", store=True, string="Round Date")
    dimension = fields.Selection(DIMENSIONS, required=True, readonly=True, index=True)
    department_id = fields.Many2one("hr.department", readonly=True, index="btree_not_null")
    manager_id = fields.Many2one(
        "hr.employee", string="Team of", readonly=True, index="btree_not_null"
    )
    rating_id = fields.Many2one(
        "performance.rating.scale.level", string="Rating Band", readonly=True
    )
    question_id = fields.Many2one("survey.question", required=True, readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True, aggregator="max")
    mean = FiniteFloat(readonly=True, aggregator="avg", digits=(16, 2))
    enps = FiniteFloat(string="eNPS", readonly=True, aggregator="avg", digits=(16, 1))
    # the lists show an eNPS only on the rows of the eNPS question (0 elsewhere is no figure)
    is_enps = fields.Boolean(related="question_id.performance_enps", string="eNPS Question")

    def _read_group_select(self, aggregate_spec, query):
        """The eNPS measure counts the rows of the eNPS question only.

        The other questions' rows hold 0 there (a Float column stores no empty value): an
        average over all rows would pull the eNPS towards 0 in every pivot and spreadsheet.
        """
        fname, __, func = aggregate_spec.partition(":")
        if fname != "enps" or func not in ("avg", "sum", "min", "max", "count"):
            return super()._read_group_select(aggregate_spec, query)
        enps = self._field_to_sql(self._table, "enps", query)
        is_enps = self._field_to_sql(self._table, "is_enps", query)
        return SQL("%s(CASE WHEN %s THEN %s END)", SQL(func.upper()), is_enps, enps)

    @api.model
    def _create_from_answers(self, pulse_round, answers):
        """The figures of a round's submitted answers, per group past the threshold."""
        threshold = pulse_round.company_id.performance_anonymity_threshold
        groups = self._shown_groups(answers, threshold)
        questions = pulse_round.survey_id.question_ids.filtered(
            lambda q: q.question_type in ("scale", "numerical_box")
        )
        values = defaultdict(dict)
        for line in answers.user_input_line_ids:
            if line.question_id in questions and not line.skipped:
                values[line.question_id][line.user_input_id.id] = (
                    line.value_scale if line.answer_type == "scale" else line.value_numerical_box
                )
        vals_list = []
        for (dimension, key), members in groups.items():
            field = {"department": "department_id", "team": "manager_id", "band": "rating_id"}
            for question in questions:
                numbers = [values[question][i] for i in members if i in values[question]]
                if len(numbers) < threshold:
                    continue
                vals = {
                    "round_id": pulse_round.id,
                    "dimension": dimension,
                    "question_id": question.id,
                    "answer_count": len(numbers),
                    "mean": sum(numbers) / len(numbers),
                    "enps": self._enps(numbers) if question.performance_enps else 0.0,
                }
                if dimension in field:
                    vals[field[dimension]] = key
                vals_list.append(vals)
        return self.create(vals_list)

    @api.model
    def _enps(self, numbers):
        """Promoters (9-10) minus detractors (0-6), in percent of the answers."""
        promoters = sum(1 for n in numbers if n >= 9)
        detractors = sum(1 for n in numbers if n <= 6)
        return round(100.0 * (promoters - detractors) / len(numbers), 1) if numbers else 0.0

    @api.model
    def _shown_groups(self, answers, threshold):
        """{(dimension, key): answer ids} of the groups that may be shown.

        A group is shown with at least ``threshold`` answers. Groups of one dimension are
        disjoint; a group is hidden too while the answers of a larger group shown outside
        its shown subgroups (the round for each dimension, a department for its teams) are
        between one and the threshold: the difference would give their figures.
        """
        keys = {
            "department": lambda i: i.performance_pulse_department_id.id,
            "team": lambda i: i.performance_pulse_manager_id.id,
            "band": lambda i: i.performance_pulse_rating_id.id,
        }
        everyone = frozenset(answers.ids)
        shown = {("company", False): everyone}
        for dimension, key in keys.items():
            for value, members in answers.grouped(key).items():
                if value and len(members) >= threshold:
                    shown[(dimension, value)] = frozenset(members.ids)

        def residual(whole, parts):
            return len(whole) - sum(len(p) for p in parts)

        changed = True
        while changed:
            changed = False
            outers = [(k, m) for k, m in shown.items() if k[0] in ("company", "department")]
            for outer_key, outer in outers:
                if outer_key not in shown:
                    continue
                inner_dims = keys if outer_key[0] == "company" else ("team",)
                for dimension in inner_dims:
                    inner = sorted(
                        (
                            (len(m), k)
                            for k, m in shown.items()
                            if k[0] == dimension and k != outer_key and m <= outer
                        ),
                    )
                    left = residual(outer, [shown[k] for _n, k in inner])
                    if inner and 0 < left < threshold:
                        del shown[inner[0][1]]
                        changed = True
        return shown
