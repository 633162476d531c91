from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import eligibility

ROLE_MODELS = {"mentee": "mentoring.mentee", "mentor": "mentoring.mentor"}
FIELD_KINDS = {
    "integer": "integer",
    "float": "float",
    "boolean": "boolean",
    "char": "text",
    "selection": "text",
    "many2one": "text",
}
FIELD_DOMAIN = (
    "[('model', '=', role_model), ('store', '=', True), "
    "('ttype', 'in', ['integer', 'float', 'boolean', 'char', 'selection', 'many2one'])]"
)


class MentoringEligibilityRule(models.Model):
    _name = "mentoring.eligibility.rule"
    _description = "Eligibility criterion"
    _order = "program_id, role, sequence, id"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    program_id = fields.Many2one("mentoring.program", required=True, ondelete="cascade", index=True)
    role = fields.Selection(
        [("mentee", "Mentee"), ("mentor", "Mentor")], required=True, default="mentee"
    )
    field_id = fields.Many2one(
        "ir.model.fields",
        string="Profile field",
        required=True,
        ondelete="cascade",
        domain=FIELD_DOMAIN,
        help="The field of the mentee or mentor profile the criterion looks at.",
    )
    field_name = fields.Char(related="field_id.name", store=True)
    field_type = fields.Selection(related="field_id.ttype", store=True)
    role_model = fields.Char(compute="_compute_role_model")
    operator = fields.Selection(
        [
            ("gte", "is at least"),
            ("lte", "is at most"),
            ("eq", "is"),
            ("ne", "is not"),
            ("in", "is one of"),
            ("not_in", "is none of"),
            ("set", "is filled in"),
            ("not_set", "is empty"),
        ],
        required=True,
        default="gte",
    )
    value = fields.Char(
        help="Number, yes/no, or code. For a selection, its technical key (e.g. "
        "permanent_resident); for a linked record such as a province, its code (e.g. ON). "
        "Separate several values with commas.",
    )
    mandatory = fields.Boolean(
        default=True,
        help="A mandatory criterion blocks acceptance; an advisory one only warns.",
    )
    explanation = fields.Char(
        required=True,
        translate=True,
        help="The criterion as people read it, e.g. “Canadian Language Benchmark 5 or higher "
        "in every skill”.",
    )

    @api.depends("role")
    def _compute_role_model(self):
        for rule in self:
            rule.role_model = ROLE_MODELS.get(rule.role)

    @api.depends("explanation")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = rule.explanation

    @api.constrains("role", "field_id", "operator", "value")
    def _check_rule(self):
        for rule in self:
            if rule.field_id.sudo().model != ROLE_MODELS[rule.role]:
                raise ValidationError(
                    self.env._(
                        "The criterion “%(rule)s” must look at a field of the %(role)s profile.",
                        rule=rule.explanation,
                        role=dict(self._fields["role"]._description_selection(self.env))[rule.role],
                    )
                )
            try:
                rule._expected_value()
            except (ValueError, KeyError):
                raise ValidationError(
                    self.env._(
                        "“%(value)s” is not a valid value for the criterion “%(rule)s” "
                        "on %(field)s.",
                        value=rule.value or "",
                        rule=rule.explanation,
                        field=rule.field_id.sudo().field_description,
                    )
                ) from None

    def _kind(self):
        return FIELD_KINDS[self.field_type]

    def _expected_value(self):
        return eligibility.parse_expected(self.value, self._kind(), self.operator)

    def _seen_value(self, person):
        """The profile value in the plain form the criterion compares: a linked record
        becomes its code (a province: ON) or its name."""
        value = person[self.field_name]
        if self.field_type == "many2one":
            return (value.code if "code" in value._fields else value.display_name) or False
        return value

    def _seen_label(self, person):
        field = person._fields[self.field_name]
        value = person[self.field_name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "")
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        return "" if value is False else str(value)

    def _evaluate(self, person):
        """Values of a ``mentoring.eligibility.result`` for ``person``."""
        self.ensure_one()
        return {
            "rule_id": self.id,
            "passed": eligibility.satisfies(
                self.operator, self._expected_value(), self._seen_value(person)
            ),
            "value_seen": self._seen_label(person),
        }
