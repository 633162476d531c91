from odoo import api, fields, models
from odoo.tools.misc import file_path

from ..tools import classification

NAICS_FILE = "mentoring_base/data/naics-scian-2022-structure-v1-eng.csv"
NAICS_FRENCH_FILE = "mentoring_base/data/naics_2022_fr.csv"


class MentoringNaics(models.Model):
    _name = "mentoring.naics"
    _inherit = "mentoring.classification.mixin"
    _classification_kind = "naics"
    _description = "NAICS Canada 2022 industry"

    parent_id = fields.Many2one(
        "mentoring.naics", string="Parent class", index=True, ondelete="restrict", readonly=True
    )
    child_ids = fields.One2many("mentoring.naics", "parent_id", string="Sub-classes")
    sector_id = fields.Many2one(
        "mentoring.naics",
        compute="_compute_ancestors",
        store=True,
        index=True,
        help="The sector (level 1) this class belongs to.",
    )
    level = fields.Integer(
        help="1 sector, 2 subsector, 3 industry group, 4 NAICS industry, 5 Canadian industry."
    )
    level_name = fields.Selection(
        [
            ("1", "Sector"),
            ("2", "Subsector"),
            ("3", "Industry group"),
            ("4", "NAICS industry"),
            ("5", "Canadian industry"),
        ],
        string="Level name",
        compute="_compute_level_name",
        store=True,
    )
    superscript = fields.Selection(
        [("CAN", "Canadian"), ("US", "Canada and United States"), ("MEX", "Canada and Mexico")],
        readonly=True,
        help="Where the class is comparable in the three NAICS countries, as published by "
        "Statistics Canada.",
    )

    _code_uniq = models.Constraint("UNIQUE(code)", "This NAICS code already exists.")

    @api.depends("code")
    def _compute_ancestors(self):
        sectors = self._ancestors_at_level(1)
        for entry in self:
            entry.sector_id = sectors[entry]

    @api.model
    def _official_rows(self):
        return classification.read_naics_rows(file_path(NAICS_FILE), file_path(NAICS_FRENCH_FILE))

    @api.model
    def _row_values(self, row):
        vals = super()._row_values(row)
        vals["superscript"] = row["superscript"] or False
        return vals
