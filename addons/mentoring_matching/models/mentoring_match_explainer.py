from markupsafe import Markup

from odoo import models
from odoo.addons.mentoring_base.tools.classification import NOC_LEVELS, ancestor_code
from odoo.tools.translate import LazyTranslate

from ..tools import cohort

_lt = LazyTranslate(__name__)

# What each credit means, for the coordinator (keys of tools/criteria.py).
EXPLANATIONS = {
    "noc_level_5": _lt("same NOC unit group %(code)s"),
    "noc_level_4": _lt("same NOC minor group %(code)s"),
    "noc_level_3": _lt("same NOC sub-major group %(code)s"),
    "noc_level_2": _lt("same NOC major group %(code)s"),
    "noc_level_1": _lt("same NOC broad category %(code)s"),
    "noc_different": _lt("no NOC group in common (%(mentee)s and %(mentor)s)"),
    "noc_mentor_unknown": _lt("the mentor's occupation (NOC) is not recorded"),
    "naics_level_5": _lt("same Canadian industry %(code)s (NAICS)"),
    "naics_level_4": _lt("same NAICS industry %(code)s"),
    "naics_level_3": _lt("same NAICS industry group %(code)s"),
    "naics_level_2": _lt("same NAICS subsector %(code)s"),
    "naics_level_1": _lt("same NAICS sector %(code)s"),
    "naics_different": _lt("no NAICS class in common (%(mentee)s and %(mentor)s)"),
    "naics_mentor_unknown": _lt("the mentor's industry (NAICS) is not recorded"),
    "speaks_service_language": _lt("speaks %(language)s, the language of service"),
    "lacks_service_language": _lt("does not speak %(language)s, the language of service"),
    "mentor_languages_unknown": _lt("the mentor's languages are not recorded"),
    "shares_languages": _lt("also speaks %(languages)s"),
    "no_shared_language": _lt("does not speak %(languages)s"),
    "same_location": _lt("same service location (%(location)s)"),
    "distance": _lt("%(km)s km apart"),
    "same_city": _lt("same city (%(city)s)"),
    "same_province": _lt("same province (%(province)s)"),
    "far": _lt("different city and province"),
    "mentor_place_unknown": _lt("the mentor's address is not recorded"),
    "goal_words": _lt("words shared with the career objective (%(words)s)"),
    "goal_no_words": _lt("no word in common with the career objective"),
    "goal_mentor_unknown": _lt("the mentor's work is not described"),
    "same_background": _lt("same background (%(country)s)"),
    "other_background": _lt("background other than %(country)s"),
    "background_unknown": _lt("the mentor's cultural background is not recorded"),
    "experience": _lt("years of experience in the region (%(years)s)"),
    "capacity": _lt("free places (%(free)s of %(max)s)"),
    "availability_overlap": _lt("free at %(shared)s of the mentee's %(wanted)s time slots"),
    "availability_none": _lt("not free at the mentee's times"),
    "availability_unknown": _lt("the mentor's availability is not recorded"),
}
# Why a pair is not proposed.
EXCLUSIONS = {
    "mentor_unavailable": _lt("mentor not available"),
    "mentor_full": _lt("mentor full"),
    "declined_before": _lt("proposed before and declined"),
    "already_paired": _lt("already proposed or matched together"),
    "no_french": _lt("service in French, mentor does not speak French"),
    "below_min_score": _lt("below the minimum score"),
}
# Why a mentee of a cohort stays unmatched (tools/cohort.py).
UNMATCHED = {
    cohort.NO_MENTOR: _lt("No available mentor in the program"),
    cohort.NO_CAPACITY_LEFT: _lt("No capacity left: the suitable mentors went to other mentees"),
    "no_capacity": _lt("No mentor with a free place"),
    "no_french_mentor": _lt("No French-speaking mentor available"),
    "no_noc_major_group": _lt("No mentor in their NOC major group %(code)s"),
    "declined_before": _lt("Every suitable mentor was proposed before and declined"),
    "below_min_score": _lt("No mentor reaches the minimum score"),
    cohort.HARD_RULE: _lt("Every mentor is excluded by a hard rule (%(rule)s)"),
}
MUST_NOT_MET = _lt("required criterion not met (%(criterion)s)")
LINE = _lt("%(explanation)s: %(credit)s × weight %(weight)s")
TOTAL = _lt("Score %(score)s = 100 × %(points)s points ÷ %(weights)s of weight")
NOT_LISTED = _lt("Not listed: %(reasons)s.")


class MentoringMatchExplainer(models.AbstractModel):
    """Words the matching's figures for the coordinator, in the user's language: each
    criterion's credit, the total, why a pair or a mentee was left out."""

    _name = "mentoring.match.explainer"
    _description = "Matching explanations"

    def _number(self, value, digits=2):
        """A short number in the user's language: 0.75, 0,75, 1."""
        text = f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".")
        key = ("mentoring_matching.decimal_point", self.env.lang)
        point = self.env.cr.cache.get(key)
        if point is None:
            lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
            point = self.env.cr.cache[key] = (lang.decimal_point if lang else "") or "."
        return text.replace(".", point)

    def _render_params(self, params):
        rendered = {}
        for name, value in params.items():
            if name == "language":
                value = self._language_names([value])
            elif name == "languages":
                value = self._language_names(value)
            elif name == "country":
                value = self._names_by_code("res.country").get(value, value)
            elif name == "location":
                value = self.env["res.partner"].browse(value).display_name
            elif name == "province":
                value = self.env["res.country.state"].browse(value).name
            elif name == "criterion":
                value = self.env["mentoring.match.profile"]._criterion_label(value)
            elif name == "km":
                value = self._number(value, 1)
            rendered[name] = value
        return rendered

    def _names_by_code(self, model):
        """{code: name} of languages or countries in the user's language, read once per
        transaction (explaining a cohort renders thousands of them)."""
        key = ("mentoring_matching.names", model, self.env.lang)
        names = self.env.cr.cache.get(key)
        if names is None:
            records = (
                self.env[model].with_context(active_test=False).search([("code", "!=", False)])
            )
            names = self.env.cr.cache[key] = {record.code: record.name for record in records}
        return names

    def _language_names(self, codes):
        names = self._names_by_code("mentoring.language")
        french = (self.env.lang or "").startswith("fr")
        found = []
        for code in codes:
            name = names.get(code, code)
            # French writes language names in lower case: "parle français".
            found.append(name[:1].lower() + name[1:] if french else name)
        return ", ".join(found)

    def _translated(self, term, params=None):
        """A module-level ``_lt`` term in the user's language, then filled in (translated
        first, formatted after)."""
        template = self.env._(term)
        return template % params if params else template

    def _explanation(self, key, params):
        return self._translated(EXPLANATIONS[key], self._render_params(params))

    def _exclusion_text(self, key):
        if key.startswith("must_"):
            return self._translated(
                MUST_NOT_MET, self._render_params({"criterion": key.removeprefix("must_")})
            )
        return self._translated(EXCLUSIONS[key])

    def _excluded_summary(self, excluded):
        if not excluded:
            return False
        reasons = ", ".join(
            f"{self._exclusion_text(key)} ({count})"
            for key, count in sorted(excluded.items(), key=lambda item: (-item[1], item[0]))
        )
        return self._translated(NOT_LISTED, {"reasons": reasons})

    def _unmatched_text(self, mentee, reason, key):
        params = {}
        if reason == "no_noc_major_group":
            params["code"] = ancestor_code("noc", mentee.noc, NOC_LEVELS.index("major_group") + 1)
        elif reason == cohort.HARD_RULE:
            params["rule"] = self._exclusion_text(key)
        return self._translated(UNMATCHED[reason], params)

    def _explain(self, pair):
        """(short summary, HTML breakdown) of a scoring.PairScore."""
        profile = self.env["mentoring.match.profile"]
        items, points, weights = [], 0.0, 0
        for line in pair.lines:
            text = self._translated(
                LINE,
                {
                    "explanation": self._explanation(line.key, line.params),
                    "credit": self._number(line.credit),
                    "weight": line.weight,
                },
            )
            items.append(
                (line.weight * line.credit, profile._criterion_label(line.criterion), text)
            )
            points += line.weight * line.credit
            weights += line.weight
        total = self._translated(
            TOTAL,
            {
                "score": self._number(pair.score, 1),
                "points": self._number(points, 2),
                "weights": weights,
            },
        )
        html = Markup("<ul class='mb-0'>%s</ul><p class='mb-0 text-muted'>%s</p>") % (
            Markup().join(
                Markup("<li><strong>%s</strong> – %s</li>") % (label, text)
                for _points, label, text in items
            ),
            total,
        )
        best = sorted(items, key=lambda item: -item[0])[:3]
        summary = "; ".join(text for points, _label, text in best if points > 0)
        return summary, html
