from odoo import api, fields, models
from odoo.tools.misc import file_path

from ..tools import classification

NOC_FILE = "mentoring_base/data/noc_2021_v1.0_structure_en_fr.csv"


class MentoringNoc(models.Model):
    _name = "mentoring.noc"
    _inherit = "mentoring.classification.mixin"
    _description = "NOC 2021 occupation group"
    _classification_kind = "noc"

    parent_id = fields.Many2one(
        "mentoring.noc", string="Parent group", index=True, ondelete="restrict", readonly=True
    )
    child_ids = fields.One2many("mentoring.noc", "parent_id", string="Sub-groups")
    broad_category_id = fields.Many2one(
        "mentoring.noc",
        string="Broad category",
        compute="_compute_ancestors",
        store=True,
        index=True,
        help="The group at level 1 (1 digit) this group belongs to.",
    )
    major_group_id = fields.Many2one(
        "mentoring.noc",
        string="Major group",
        compute="_compute_ancestors",
        store=True,
        index=True,
        help="The group at level 2 (2 digits) this group belongs to; empty for a broad category.",
    )
    level = fields.Integer(
        help="1 broad category, 2 major group, 3 sub-major group, 4 minor group, 5 unit group."
    )
    level_name = fields.Selection(
        [
            ("1", "Broad category"),
            ("2", "Major group"),
            ("3", "Sub-major group"),
            ("4", "Minor group"),
            ("5", "Unit group"),
        ],
        string="Level name",
        compute="_compute_level_name",
        store=True,
    )
    teer = fields.Char(
        string="TEER",
        compute="_compute_teer",
        store=True,
        help="Training, Education, Experience and Responsibilities category: the second "
        "digit of the code.",
    )

    _code_uniq = models.Constraint("UNIQUE(code)", "This NOC code already exists.")

    @api.depends("code")
    def _compute_ancestors(self):
        broad_categories = self._ancestors_at_level(1)
        major_groups = self._ancestors_at_level(2)
        for entry in self:
            entry.broad_category_id = broad_categories[entry]
            entry.major_group_id = major_groups[entry]

    @api.depends("code")
    def _compute_teer(self):
        for entry in self:
            entry.teer = entry.code[1] if entry.code and len(entry.code) > 1 else False

    @api.model
    def _official_rows(self):
        return classification.read_noc_rows(file_path(NOC_FILE))
