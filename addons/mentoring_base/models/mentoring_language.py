from odoo import fields, models


class MentoringLanguage(models.Model):
    _name = "mentoring.language"
    _description = "Spoken language"
    _order = "sequence, name"
    # Found by its ISO code too: an import's "en,fr" works in every language.
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        string="ISO code", required=True, help="ISO 639-1 code of the language, e.g. fr."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "This language code already exists.")
