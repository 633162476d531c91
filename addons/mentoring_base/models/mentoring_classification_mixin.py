import json
from collections.abc import Set as AbstractSet

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import classification

# Translations of the official titles are written for every French variant Odoo
# ships, so they show whichever of them a database activates, now or later.
FRENCH_LANGS = ("fr_FR", "fr_CA", "fr_BE", "fr_CH")


class MentoringClassificationMixin(models.AbstractModel):
    """A node of an official hierarchical classification (NOC 2021, NAICS Canada 2022)."""

    _name = "mentoring.classification.mixin"
    _description = "Official classification entry"
    _parent_store = True
    _order = "code"
    _rec_name = "name"
    # Which tree of tools.classification the codes belong to: "noc" or "naics".
    _classification_kind = None

    code = fields.Char(required=True, index=True, readonly=True)
    name = fields.Char(string="Title", required=True, translate=True)
    definition = fields.Text(translate=True)
    level = fields.Integer(required=True, index=True, readonly=True)
    parent_path = fields.Char(index=True)
    search_text = fields.Char(
        index="trigram",
        readonly=True,
        help="Code and titles in English and French, lower-case and without accents.",
    )
    active = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        """Create the entries, then refresh the stored ancestors of the entries below them
        (an entry added by hand after its descendants becomes their ancestor; the official
        loader creates each level before the next, so it finds none)."""
        entries = super().create(vals_list)
        created = set(entries.mapped("code"))
        below = self.with_context(active_test=False).search(
            [("id", "not in", entries.ids), ("level", ">", min(entries.mapped("level"), default=0))]
        )
        below.filtered(
            lambda entry: (
                created
                & set(classification.classification_path(self._classification_kind, entry.code))
            )
        ).modified(["code"])
        return entries

    def _ancestors_at_level(self, level):
        """{entry: its ancestor at ``level`` (1 = top; the entry itself at its own level),
        an empty record when the entry is shallower}, read in one search.

        Ancestors are found by code (``tools.classification.ancestor_code``), the one
        definition of the hierarchy shared with the matching and the reports."""
        codes = {
            entry: classification.ancestor_code(self._classification_kind, entry.code, level)
            for entry in self
        }
        found = self.with_context(active_test=False).search(
            [("code", "in", [code for code in set(codes.values()) if code])]
        )
        by_code = {entry.code: entry for entry in found}
        return {entry: by_code.get(code, self.browse()) for entry, code in codes.items()}

    @api.depends("level")
    def _compute_level_name(self):
        for entry in self:
            entry.level_name = str(entry.level) if entry.level else False

    @api.depends("code", "name")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = f"{entry.code} – {entry.name}" if entry.code else entry.name

    @api.model
    def _search_display_name(self, operator, value):
        """Find entries by code prefix ("2123") or by words in either language.

        Words match the English and French titles without regard to case or accents
        ("ingenieur logiciel" finds "Ingénieurs ... en logiciel").

        With ``=`` or ``in`` (what an import does with a spreadsheet cell), a code finds
        exactly the entry of that code ("21231", not "212310"), as does a display name
        ("21231 – Software engineers and designers", what an export writes); other text
        must equal the title.
        """
        if operator in ("=", "in"):
            values = [value] if isinstance(value, str) else value
            if (
                isinstance(values, (list, tuple, AbstractSet))
                and values
                and all(isinstance(text, str) for text in values)
            ):
                codes = {text: classification.exact_code(text) for text in values}
                titles = [text for text, code in codes.items() if not code]
                domain = Domain("code", "in", [code for code in codes.values() if code])
                if titles:
                    domain |= super()._search_display_name("in", titles)
                return domain
        if operator not in ("ilike", "=ilike", "like", "=like") or not value:
            return super()._search_display_name(operator, value)
        if classification.is_code_query(value):
            return Domain("code", "=like", value.strip() + "%")
        return Domain.AND(
            [Domain("search_text", "ilike", word) for word in classification.search_words(value)]
        )

    # -- loading the official tables ---------------------------------------------------

    @api.model
    def _official_rows(self):
        """Rows of the official table, as returned by ``tools.classification``."""
        raise NotImplementedError

    @api.model
    def _row_values(self, row):
        return {
            "code": row["code"],
            "level": row["level"],
            "name": row["name_en"],
            "definition": row["definition_en"],
            "search_text": classification.build_search_text(
                row["code"], row["name_en"], row["name_fr"]
            ),
        }

    @api.model
    def _load_official_table(self):
        """Create or update every entry of the official table; safe to run at every upgrade.

        Entries are matched on their code, so ids (and every link to them) are kept and
        nothing is ever duplicated.
        """
        rows = self._official_rows()
        existing = {entry.code: entry for entry in self.with_context(active_test=False).search([])}
        for level_rows in classification.rows_by_level(rows):
            to_create = []
            for row in level_rows:
                vals = self._row_values(row)
                vals["parent_id"] = existing[row["parent_code"]].id if row["parent_code"] else False
                entry = existing.get(row["code"])
                if entry is None:
                    to_create.append(vals)
                    continue
                changed = {
                    key: value
                    for key, value in vals.items()
                    if (entry[key].id if key == "parent_id" else entry[key]) != value
                }
                if changed:
                    entry.with_context(lang="en_US").write(changed)
            for entry in self.with_context(lang="en_US").create(to_create):
                existing[entry.code] = entry
        self._write_french_titles(existing, rows)
        return len(rows)

    def _write_french_titles(self, entries_by_code, rows):
        """Store the official French titles and definitions in the translated columns."""
        values = []
        for row in rows:
            name_fr = dict.fromkeys(FRENCH_LANGS, row["name_fr"]) if row["name_fr"] else {}
            definition_fr = (
                dict.fromkeys(FRENCH_LANGS, row["definition_fr"]) if row["definition_fr"] else {}
            )
            if name_fr or definition_fr:
                values.append(
                    {
                        "id": entries_by_code[row["code"]].id,
                        "name_fr": name_fr,
                        "definition_fr": definition_fr,
                    }
                )
        self.flush_model(["name", "definition"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE %(table)s AS t
                   SET name = t.name || v.name_fr,
                       definition = COALESCE(t.definition, '{}'::jsonb) || v.definition_fr
                  FROM jsonb_to_recordset(%(values)s::jsonb)
                       AS v(id integer, name_fr jsonb, definition_fr jsonb)
                 WHERE t.id = v.id
                """,
                table=SQL.identifier(self._table),
                values=json.dumps(values),
            )
        )
        self.invalidate_model(["name", "definition"])
