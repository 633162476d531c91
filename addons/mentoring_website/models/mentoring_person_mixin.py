from odoo import models


class MentoringPersonMixin(models.AbstractModel):
    """Every participant model (mentors, mentees) can be created from a website application
    (see ``mentoring.website.applicant.mixin``); Odoo rebuilds the models inheriting
    ``mentoring.person.mixin`` when an addon extends it."""

    _name = "mentoring.person.mixin"
    _inherit = ["mentoring.person.mixin", "mentoring.website.applicant.mixin"]
