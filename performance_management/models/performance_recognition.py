from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import is_officer


class PerformanceRecognition(models.Model):
    """Kudos from one employee to colleagues, tied to a company value."""

    _name = "performance.recognition"
    _description = "Recognition"
    # hr.mixin: Odoo 19's way to link employees (receivers, giver) that the giver may not read
    _inherit = ("mail.thread", "performance.import.template.mixin", "hr.mixin")
    _order = "date desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"  # colleagues who see it may react and comment

    def _default_giver(self):
        # sudo: portal employees cannot read hr.employee, yet give kudos.
        employees = self.env.user.sudo().employee_ids
        giver = employees.filtered(lambda e: e.company_id == self.env.company)[:1]
        return (giver or employees[:1]).sudo(False)

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    giver_id = fields.Many2one(
        "hr.employee",
        string="From",
        required=True,
        index=True,
        default=_default_giver,
        check_company=True,
    )
    receiver_ids = fields.Many2many(
        "hr.employee",
        "performance_recognition_receiver_rel",
        "recognition_id",
        "employee_id",
        string="To",
        required=True,
        check_company=True,
    )
    # The first receiver: the main one, kept for the models that point at one employee.
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        index=True,
        ondelete="cascade",
        string="Receiver",
    )
    department_ids = fields.Many2many(
        "hr.department",
        "performance_recognition_department_rel",
        "recognition_id",
        "department_id",
        compute="_compute_department_ids",
        store=True,
        string="Teams",
    )
    # The teams when the kudos were given: history does not move with the people, and
    # Odoo's employee writes do not search recognitions to update.
    department_id = fields.Many2one(
        "hr.department", compute="_compute_department_id", store=True, string="Team"
    )
    value_id = fields.Many2one("performance.value", index=True, check_company=True)
    value_color = fields.Integer(related="value_id.color")
    value_icon = fields.Char(related="value_id.icon")
    message = fields.Html(required=True)
    visibility = fields.Selection(
        [
            ("company", "Whole Company"),
            ("team", "Team"),
            ("private", "Receiver and Manager"),
        ],
        default="company",
        required=True,
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    badge_id = fields.Many2one(
        "gamification.badge",
        help="Granted to the receivers who have a user; the others get the recognition only.",
    )
    badge_user_ids = fields.Many2many(
        "gamification.badge.user",
        "performance_recognition_badge_user_rel",
        "recognition_id",
        "badge_user_id",
        string="Badges Granted",
        readonly=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    receiver_count = fields.Integer(compute="_compute_receiver_count")

    @api.depends("receiver_ids", "value_id")
    def _compute_name(self):
        for recognition in self:
            names = ", ".join(recognition.receiver_ids.mapped("name"))
            if recognition.value_id:
                recognition.name = self.env._(
                    "Kudos to %(names)s for %(value)s",
                    names=names,
                    value=recognition.value_id.name,
                )
            else:
                recognition.name = self.env._("Kudos to %(names)s", names=names)

    @api.depends("receiver_ids", "receiver_ids.active")
    def _compute_employee_id(self):
        for recognition in self:
            # The first receiver by id (whatever the names), among those still employed: a
            # write of the receivers keeps the archived ones in the table but not in the
            # cache, so that counting them would depend on what was read last.
            receivers = recognition._get_receivers().sorted(lambda e: e._origin.id or 0)
            recognition.employee_id = (receivers.filtered("active") or receivers)[:1]

    @api.depends("receiver_ids")
    def _compute_receiver_count(self):
        for recognition in self:
            recognition.receiver_count = len(recognition.receiver_ids)

    @api.depends("receiver_ids")
    def _compute_department_ids(self):
        for recognition in self:
            recognition.department_ids = recognition._get_receivers().department_id

    def _get_receivers(self):
        """Every receiver of the kudos, archived employees included (x2many reads skip them)."""
        self.ensure_one()
        return self.with_context(active_test=False).receiver_ids

    @api.depends("employee_id")
    def _compute_department_id(self):
        for recognition in self:
            recognition.department_id = recognition.employee_id.department_id

    @api.constrains("giver_id", "receiver_ids")
    def _check_not_self(self):
        for recognition in self:
            if not recognition.receiver_ids:
                raise ValidationError(self.env._("Recognise at least one colleague."))
            if recognition.giver_id in recognition.receiver_ids:
                raise ValidationError(self.env._("You cannot recognise yourself."))

    @api.constrains("giver_id", "date")
    def _check_quota(self):
        for recognition in self:
            quota = recognition.company_id.performance_recognition_quota
            if not quota:
                continue
            start = recognition.date.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
            # sudo: a count of one giver's kudos this month, for the quota; no record comes out
            given = self.sudo().search_count(
                [
                    ("giver_id", "=", recognition.giver_id.id),
                    ("date", ">=", start),
                    ("date", "<", start + relativedelta(months=1)),
                ]
            )
            if given > quota:
                raise ValidationError(
                    self.env._(
                        "%(giver)s has already given %(quota)s recognitions this month, the "
                        "monthly quota.",
                        giver=recognition.giver_id.name,
                        quota=quota,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._check_givers(vals_list)
        # hr.mixin links the receivers with the giver's own rights: no sudo, the rules apply
        recognitions = super().create(vals_list)
        if not self.env.su:
            now = fields.Datetime.now()
            if any(abs(r.date - now) > timedelta(minutes=5) for r in recognitions):
                raise UserError(self.env._("Recognition is dated the moment it is given."))
        recognitions._grant_badges()
        recognitions._notify_receivers()
        return recognitions

    def write(self, vals):
        # who received them (computed from the receivers) is the application's too
        fixed = {"giver_id", "badge_id", "date", "employee_id", "department_id", "department_ids"}
        if not self.env.su and fixed & set(vals):
            raise UserError(
                self.env._("The giver, the badge and the date of a recognition cannot change.")
            )
        return super().write(vals)

    def _check_givers(self, vals_list):
        """Kudos are given in one's own name (officers excepted); fills in the giver."""
        officer = is_officer(self.env.user)
        # sudo: the user's own employees (portal users cannot read hr.employee)
        mine = self.env.user.sudo().employee_ids
        for vals in vals_list:
            giver = vals.get("giver_id") or self._default_giver().id
            if not giver:
                raise UserError(
                    self.env._("Link your user to an employee before giving recognition.")
                )
            if not officer and giver not in mine.ids:
                raise UserError(self.env._("You can only give recognition in your own name."))
            vals["giver_id"] = giver

    def action_recommend_reward(self):
        """Open a spot-award recommendation for the main receiver, from this recognition."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_reward_action"
        )
        action.update(
            views=[(False, "form")],
            view_mode="form",
            context={
                "default_source": "recognition",
                "default_recognition_id": self.id,
                "default_employee_id": self.employee_id.id,
                "default_kind": "spot",
            },
        )
        return action

    def _grant_badges(self):
        """Grant the badge to every receiver with a user, in the giver's name."""
        BadgeUser = self.env["gamification.badge.user"]
        for recognition in self.filtered("badge_id"):
            if self.env.user.share:
                raise UserError(self.env._("Badges are granted from the backend only."))
            # read as the giver: the users of employees are public (hr.employee.public)
            receivers = recognition.receiver_ids.filtered("user_id")
            if not receivers:
                continue
            badge_users = BadgeUser.create(
                [
                    {
                        "badge_id": recognition.badge_id.id,
                        "user_id": employee.user_id.id,
                        "employee_id": employee.id,
                        "sender_id": self.env.user.id,
                        "comment": recognition.name,
                    }
                    for employee in receivers
                ]
            )
            badge_users._send_badge()
            # sudo: link the badges just granted; badge_user_ids is the addon's to set
            recognition.sudo().badge_user_ids = badge_users

    def _notify_receivers(self):
        """Receivers and their managers follow the recognition and are told about it."""
        for recognition in self:
            # sudo: this kudos' own receivers and their managers are told; nothing else is read
            receivers = recognition.sudo().receiver_ids
            partners = (receivers | receivers.parent_id).work_contact_id
            if not partners:
                continue
            # sudo: the addon's own notification, rendered and posted on this kudos
            template = self.env.ref(
                "performance_management.performance_recognition_mail_template_notify"
            ).sudo()
            body = template._render_field("body_html", recognition.ids)[recognition.id]
            recognition = recognition.sudo()
            recognition.message_subscribe(partner_ids=partners.ids)
            recognition.message_post(
                body=body,
                subject=recognition.name,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=partners.ids,
            )
