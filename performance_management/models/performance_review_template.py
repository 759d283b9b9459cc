from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from ..tools import FiniteFloat


class PerformanceReviewTemplate(models.Model):
    """The questionnaire of a review and how its parts weigh in the overall score."""

    _name = "performance.review.template"
    _description = "Review Template"
    _order = "sequence, name"
    _check_company_auto = True

    def _default_scale_id(self):
        # the only scale of the company, when there is one: nothing to choose
        scales = self.env["performance.rating.scale"].search(
            [("company_id", "in", (False, self.env.company.id))], limit=2
        )
        return scales if len(scales) == 1 else False

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    scale_id = fields.Many2one(
        "performance.rating.scale",
        string="Rating Scale",
        required=True,
        check_company=True,
        default=lambda self: self._default_scale_id(),
    )
    line_ids = fields.One2many(
        "performance.review.template.line", "template_id", string="Questions", copy=True
    )
    department_ids = fields.Many2many(
        "hr.department", string="Departments", help="Leave empty to use it for every department."
    )
    job_ids = fields.Many2many(
        "hr.job", string="Job Positions", help="Leave empty to use it for every job."
    )
    goal_weight = FiniteFloat(string="Goals (%)", default=40.0)
    competency_weight = FiniteFloat(string="Competencies (%)", default=20.0)
    question_weight = FiniteFloat(string="Questions (%)", default=40.0)
    include_goals = fields.Boolean(string="Score Goals", default=True)
    include_competencies = fields.Boolean(
        string="Rate Job Competencies",
        default=True,
        help="The skills expected for the employee's job come in to be rated.",
    )
    # the 360 questionnaires, one per kind of rater (survey.survey of the performance type)
    survey_peer_id = fields.Many2one(
        "survey.survey",
        string="Peer Questionnaire",
        domain=[("survey_type", "=", "performance")],
        ondelete="restrict",
        check_company=True,
        groups="performance_management.group_performance_officer",
        help="Sent at launch to the colleagues asked for feedback.",
    )
    survey_report_id = fields.Many2one(
        "survey.survey",
        string="Direct Report Questionnaire",
        domain=[("survey_type", "=", "performance")],
        ondelete="restrict",
        check_company=True,
        groups="performance_management.group_performance_officer",
        help="Sent at launch to the direct reports of the employee.",
    )
    survey_manager_id = fields.Many2one(
        "survey.survey",
        string="Manager Questionnaire",
        domain=[("survey_type", "=", "performance")],
        ondelete="restrict",
        check_company=True,
        groups="performance_management.group_performance_officer",
        help="Sent at launch to the reviewer.",
    )
    survey_self_id = fields.Many2one(
        "survey.survey",
        string="Self Questionnaire",
        domain=[("survey_type", "=", "performance")],
        ondelete="restrict",
        check_company=True,
        groups="performance_management.group_performance_officer",
        help="Sent at launch to the employee.",
    )

    estimated_self_minutes = fields.Integer(
        string="Self Review (min)",
        compute="_compute_estimated_minutes",
        help="Estimated time for the employee to fill: 1 minute per rating question, 3 per "
        "free-text question; each competency and goal a launch adds takes about a minute more.",
    )
    estimated_manager_minutes = fields.Integer(
        string="Manager Review (min)",
        compute="_compute_estimated_minutes",
        help="Estimated time for the reviewer to fill: 1 minute per rating question, 3 per "
        "free-text question; each competency and goal a launch adds takes about a minute more.",
    )

    usefulness_html = fields.Html(
        string="Was this Review Useful?",
        compute="_compute_usefulness_html",
        sanitize=False,
        groups="performance_management.group_performance_officer",
        help="The employees' answers after acknowledging, shown once at least the company's "
        "minimum of anonymous answers came in.",
    )

    def _compute_usefulness_html(self):
        # sudo: counts only; the answers carry no author and are never listed
        answers = (
            self.env["performance.review.usefulness"]
            .sudo()
            .search_fetch(
                [("template_id", "in", self.ids), ("company_id", "in", self.env.companies.ids)],
                ["template_id", "answer"],
                order="id",
            )
        )
        labels = self.env["performance.review.usefulness"]._fields["answer"]
        labels = labels._description_selection(self.env)
        threshold = max(self.env.company.performance_anonymity_threshold, 1)
        for template in self:
            given = answers.filtered(lambda a, t=template: a.template_id == t._origin)
            # whole batches of the threshold only: one more answer never shows alone what
            # it said (its author's acknowledgement tells when he answered)
            shown = given[: len(given) // threshold * threshold].mapped("answer")
            rows = [(label, shown.count(key)) for key, label in labels]
            total = len(given) if len(given) < threshold else len(shown)
            template.usefulness_html = self.env["ir.qweb"]._render(
                "performance_management.performance_review_template_usefulness",
                {"rows": rows, "total": total, "threshold": threshold},
            )

    @api.depends("line_ids.question_type", "line_ids.answered_by", "line_ids.display_type")
    def _compute_estimated_minutes(self):
        minutes = {"rating": 1, "text": 3}
        for template in self:
            questions = template.line_ids.filtered(lambda line: not line.display_type)
            template.estimated_self_minutes = sum(
                minutes[line.question_type]
                for line in questions
                if line.answered_by in ("both", "employee")
            )
            template.estimated_manager_minutes = sum(
                minutes[line.question_type]
                for line in questions
                if line.answered_by in ("both", "manager")
            )

    @api.constrains("goal_weight", "competency_weight", "question_weight", "line_ids")
    def _check_weights(self):
        for template in self:
            weights = (template.goal_weight, template.competency_weight, template.question_weight)
            if any(weight < 0 for weight in weights) or round(sum(weights), 2) != 100:
                raise ValidationError(
                    self.env._(
                        "The weights of goals, competencies and questions of the template "
                        "%(template)s must add up to 100%%.",
                        template=template.name,
                    )
                )
            questions = template.line_ids.filtered(lambda line: line.question_type == "rating")
            if questions and any(line.weight < 0 for line in questions):
                raise ValidationError(self.env._("A question cannot weigh less than zero."))
            if template.question_weight and not any(questions.mapped("weight")):
                raise ValidationError(
                    self.env._(
                        "The template %(template)s gives weight to questions but has no "
                        "weighted rating question.",
                        template=template.name,
                    )
                )

    @api.constrains("survey_peer_id", "survey_report_id", "survey_manager_id", "survey_self_id")
    def _check_questionnaires(self):
        # a questionnaire quick-created from the field has no question: raters would get
        # an empty page
        # sudo: the questions of the template's own questionnaires, to count them
        for template in self.sudo():
            surveys = (
                template.survey_peer_id
                | template.survey_report_id
                | template.survey_manager_id
                | template.survey_self_id
            )
            empty = surveys.filtered(lambda survey: not survey.question_ids)
            if empty:
                raise ValidationError(
                    self.env._(
                        "The questionnaire %(survey)s has no question yet: add its questions "
                        "before the template sends it.",
                        survey=empty[0].title,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # sudo: cycles and reviews of every company count, the database would refuse anyway
        domain = [("template_id", "in", self.ids)]
        for model in ("performance.cycle", "performance.review"):
            if (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search_count(domain, limit=1)
            ):
                raise UserError(
                    self.env._("Cycles or reviews use this template: archive it instead.")
                )

    def _prepare_review_lines(self, job_skills, goals):
        """Line commands of a new review: the questions, the job's skills and the goals."""
        self.ensure_one()
        commands = []
        roles = {
            "both": ("employee", "manager"),
            "employee": ("employee",),
            "manager": ("manager",),
        }
        sequence = 0
        for line in self.line_ids:
            sequence += 1
            if line.display_type:
                commands.append(
                    Command.create(
                        {
                            "sequence": sequence,
                            "display_type": "line_section",
                            "name": line.name,
                            "role": "shared",
                        }
                    )
                )
                continue
            for role in roles[line.answered_by]:
                commands.append(
                    Command.create(
                        {
                            "sequence": sequence,
                            "name": line.name,
                            "description": line.description,
                            "kind": line.question_type,
                            "role": role,
                            "weight": line.weight,
                        }
                    )
                )
        if self.include_competencies and job_skills:
            sequence += 1
            commands.append(
                Command.create(
                    {
                        "sequence": sequence,
                        "display_type": "line_section",
                        "role": "shared",
                        "name": self.env._("Competencies"),
                    }
                )
            )
            for job_skill in job_skills:
                for role in ("employee", "manager"):
                    commands.append(
                        Command.create(
                            {
                                "sequence": sequence,
                                "name": job_skill.skill_id.name,
                                "kind": "competency",
                                "role": role,
                                "weight": 1.0,
                                "skill_id": job_skill.skill_id.id,
                                "skill_type_id": job_skill.skill_type_id.id,
                                "expected_level_id": job_skill.skill_level_id.id,
                            }
                        )
                    )
        if self.include_goals and goals:
            sequence += 1
            for goal in goals:
                commands.append(
                    Command.create(
                        {
                            "sequence": sequence,
                            "name": goal.name,
                            "kind": "goal",
                            "role": "shared",
                            "goal_id": goal.id,
                            "weight": 1.0,
                            "achievement": goal.progress,
                        }
                    )
                )
        return commands
