from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import scoring

MAX_WEIGHT = 10


def weight_field(label, default, help_text):
    return fields.Integer(string=label, default=default, required=True, help=help_text)


def must_field(label):
    return fields.Boolean(
        string=f"{label} is a must",
        help="A pair that does not meet this criterion is never proposed.",
    )


class MentoringMatchProfile(models.Model):
    """How a program weighs the matching criteria (0 to 10) and which ones are a must."""

    _name = "mentoring.match.profile"
    _description = "Match profile"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    program_ids = fields.One2many("mentoring.program", "match_profile_id", string="Programs")
    candidate_limit = fields.Integer(
        string="Candidates shown",
        default=10,
        required=True,
        help="How many candidates the match wizard lists at first.",
    )
    min_score = fields.Float(
        string="Minimum score",
        digits=(5, 1),
        help="Candidates below this score (0 to 100) are not listed.",
    )

    weight_occupation = weight_field(
        "Occupation (NOC)",
        10,
        "Same NOC unit group 1, minor group 0.75, sub-major group 0.5, major group 0.3, "
        "broad category 0.1. As a must: at least the same major group.",
    )
    must_occupation = must_field("Occupation (NOC)")
    weight_industry = weight_field(
        "Industry (NAICS)",
        6,
        "Same NAICS Canadian industry 1, NAICS industry 0.75, industry group 0.5, subsector "
        "0.3, sector 0.1. As a must: at least the same sector.",
    )
    must_industry = must_field("Industry (NAICS)")
    weight_service_language = weight_field(
        "Language of service",
        8,
        "The mentor speaks the mentee's language of service. A mentee served in French is "
        "only ever matched with French-speaking mentors.",
    )
    must_service_language = must_field("Language of service")
    weight_other_languages = weight_field(
        "Other languages",
        2,
        "The mentor speaks one of the mentee's languages other than English and French.",
    )
    must_other_languages = must_field("Other languages")
    weight_geography = weight_field(
        "Geography",
        4,
        "Same service location 1; by distance when both addresses have coordinates (1 up to "
        "5 km, 0 from 50 km); same city 0.8; same province 0.3.",
    )
    must_geography = must_field("Geography")
    weight_career_goal = weight_field(
        "Career objective",
        5,
        "Words shared by the mentee's career objective and the mentor's job title, "
        "occupation, industry and networks (cosine of the two sets of words).",
    )
    must_career_goal = must_field("Career objective")
    weight_background = weight_field(
        "Cultural background",
        3,
        "The mentor shares the mentee's country of origin; counts only for mentees who ask for it.",
    )
    must_background = must_field("Cultural background")
    weight_experience = weight_field(
        "Experience",
        2,
        "Mentor's years of experience in the region, full credit from 10 years.",
    )
    must_experience = must_field("Experience")
    weight_capacity = weight_field(
        "Free capacity",
        1,
        "Share of the mentor's places still free, so that mentors with room come first.",
    )
    must_capacity = must_field("Free capacity")
    weight_availability = weight_field(
        "Availability",
        3,
        "Share of the mentee's time slots (day and part of the day) the mentor is free at too.",
    )
    must_availability = must_field("Availability")

    @api.constrains(*(f"weight_{criterion}" for criterion in scoring.CRITERIA))
    def _check_weights(self):
        for profile in self:
            weights = profile._weights()
            for criterion, weight in weights.items():
                if not 0 <= weight <= MAX_WEIGHT:
                    raise ValidationError(
                        self.env._(
                            "The weight of %(field)s must be between 0 and 10 "
                            "(%(value)s was entered).",
                            field=self._fields[f"weight_{criterion}"]._description_string(self.env),
                            value=weight,
                        )
                    )
            if not any(weights.values()):
                raise ValidationError(self.env._("Give at least one criterion a weight above 0."))

    @api.constrains("candidate_limit", "min_score")
    def _check_limits(self):
        for profile in self:
            if profile.candidate_limit < 1:
                raise ValidationError(self.env._("Show at least one candidate."))
            if not 0 <= profile.min_score <= 100:
                raise ValidationError(self.env._("The minimum score is between 0 and 100."))

    def _weights(self):
        self.ensure_one()
        return {criterion: self[f"weight_{criterion}"] for criterion in scoring.CRITERIA}

    def _scoring_profile(self):
        """The profile as the pure scoring functions take it."""
        self.ensure_one()
        return scoring.Profile(
            weights=self._weights(),
            must=frozenset(
                criterion for criterion in scoring.CRITERIA if self[f"must_{criterion}"]
            ),
        )

    @api.model
    def _default_profile(self):
        return self.env.ref(
            "mentoring_matching.match_profile_default", raise_if_not_found=False
        ) or self.search([], limit=1)

    def _criterion_label(self, criterion):
        """Translated name of a criterion, e.g. "Occupation (NOC)": its weight's label."""
        return self._fields[f"weight_{criterion}"]._description_string(self.env)
