from odoo import models

from ..tools import language
from .mentoring_tenancy_mixin import STAFF_GROUP

TODO = "mail.mail_activity_data_todo"


class MentoringStaffLanguageMixin(models.AbstractModel):
    """Texts the system writes on a record for program staff, in their language.

    Scheduled actions run with an empty context, and a referrer's or a visitor's click runs
    in their own language: neither is the language of the staff who read the result. So:

    - a to-do is written in the language of the user who receives it
      (:meth:`_schedule_staff_todo`), and is recognized as already planned by its activity
      type, its user, its record and an internal key (``mail.activity.mentoring_key``),
      never by its translated summary;
    - a note (chatter message, creation message, activity feedback) that the system or an
      outside user (an agency referrer, a website visitor) causes is written in
      :meth:`_staff_lang`: the language shared by the staff who read the record
      (:meth:`_staff_readers`, e.g. the program's coordinators), else the company's. A
      note of a staff member's own action stays in their language (:meth:`_note_env`).

    List this mixin **before** ``mail.thread`` in ``_inherit``: it overrides
    ``_creation_message``.
    """

    _name = "mentoring.staff.language.mixin"
    _description = "Texts written for program staff in their language"

    def _staff_readers(self):
        """Program staff who read what the system writes on these records (users); none
        by default: notes are then in the company's language. Models override it."""
        return self.env["res.users"]

    def _staff_lang(self):
        """Language of the notes the system writes on these records: the one their staff
        readers share (:meth:`_staff_readers`), else the company's, else the current
        one. See :func:`..tools.language.note_language`."""
        readers = self.sudo()._staff_readers()
        company_lang = self.env.company.sudo().partner_id.lang
        return language.note_language(
            readers.mapped("lang"), company_lang, self.env.lang or language.DEFAULT_LANG
        )

    def _staff_env(self, user=None):
        """This environment in the language of ``user`` (the receiver of a to-do) when
        given and set, else in :meth:`_staff_lang`."""
        lang = (user and user.sudo().lang) or self._staff_lang()
        return self.env(context=dict(self.env.context, lang=lang))

    def _note_env(self):
        """Environment of a note the current action writes on these records: the current
        one when a program staff member acts (their own note, in their language), else
        :meth:`_staff_env` (a scheduled action, the superuser, a website form, an agency
        referrer)."""
        if not self.env.su and self.env.user.has_group(STAFF_GROUP):
            return self.env
        return self._staff_env()

    def _creation_message(self):
        """The "created" line of the chatter, in the language of :meth:`_note_env`: a
        record a referrer, a visitor or a scheduled action creates is announced in the
        staff's language."""
        self.ensure_one()
        staff_env = self._note_env()
        document = staff_env["ir.model"]._get(self._name).name
        return staff_env._("%(document)s created", document=document)

    def _staff_todo_planned(self, user, key, summary, activity_type=TODO):
        """Whether ``user`` still has an open to-do about ``key`` on this record.

        To-dos planned before keys existed (no key) count when their summary is
        ``summary`` in one of the active languages.

        :param str activity_type: xmlid of the activity type (a to-do by default)"""
        self.ensure_one()
        todo = self.env.ref(activity_type)
        activities = self.sudo().activity_ids.filtered(
            lambda activity: activity.activity_type_id == todo and activity.user_id == user
        )
        if any(activity.mentoring_key == key for activity in activities):
            return True
        unkeyed = activities.filtered(lambda activity: not activity.mentoring_key)
        if not unkeyed:
            return False
        codes = [code for code, _name in self.env["res.lang"].get_installed()]
        summaries = {
            self.env(context=dict(self.env.context, lang=code))._(summary) for code in codes
        }
        return any(activity.summary in summaries for activity in unkeyed)

    def _close_staff_todos(self, key, feedback):
        """Mark done the open to-dos about ``key`` on these records, whoever holds them,
        with ``feedback`` (a lazy translation) written in the staff's language: the reason
        for the to-do is gone (e.g. a meeting was logged after an alert of silence).

        :return: the number of to-dos closed
        """
        todos = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("mentoring_key", "=", key),
                ]
            )
        )
        for record_id, record_todos in todos.grouped("res_id").items():
            staff_env = self.browse(record_id)._staff_env()
            record_todos.with_context(lang=staff_env.lang).action_feedback(
                feedback=staff_env._(feedback)
            )
        return len(todos)

    def _schedule_staff_todo(
        self, user, key, summary, date_deadline=None, note=None, activity_type=TODO
    ):
        """Plan a to-do for ``user`` on this record, its summary in their language, unless
        they still have one about ``key`` on it (:meth:`_staff_todo_planned`).

        :param user: ``res.users`` who receives the to-do; nothing is planned without one
        :param str key: what the to-do is about, unique for the record and the user while
            the to-do is open (``"no_meeting"``, ``"checkin:2026-04"``, ``"review"``...)
        :param summary: the summary, a lazy translation (``LazyTranslate``), translated in
            ``user``'s language (else :meth:`_staff_lang`)
        :param date_deadline: the deadline (today when not given)
        :param note: the description (HTML), already in the right language
        :param str activity_type: xmlid of the activity type (a to-do by default; e.g.
            ``mail.mail_activity_data_meeting`` for a meeting to hold)
        :return: the new ``mail.activity``, or an empty recordset
        """
        self.ensure_one()
        if not user or self._staff_todo_planned(user, key, summary, activity_type):
            return self.env["mail.activity"]
        values = {"mentoring_key": key}
        if note:
            values["note"] = note
        return self.activity_schedule(
            activity_type,
            date_deadline=date_deadline,
            user_id=user.id,
            summary=self._staff_env(user)._(summary),
            **values,
        )
