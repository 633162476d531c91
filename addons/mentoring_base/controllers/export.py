from odoo.addons.web.controllers import export


class TextOnlyCellsMixin:
    """Writes every text cell as a string: a name such as ``=HYPERLINK(...)`` typed on a
    public form must never become a formula in a spreadsheet staff open (xlsxwriter turns
    strings starting with ``=`` into formulas by default). Core's CSV export already quotes
    such values."""

    def write(self, row, column, cell_value, style=None):
        if isinstance(cell_value, str):
            return self.worksheet.write_string(row, column, cell_value, style)
        return super().write(row, column, cell_value, style)


class TextOnlyExportXlsxWriter(TextOnlyCellsMixin, export.ExportXlsxWriter):
    pass


class TextOnlyGroupExportXlsxWriter(TextOnlyCellsMixin, export.GroupExportXlsxWriter):
    pass


class ExcelExport(export.ExcelExport):
    """Odoo's "Export" to XLSX, with text cells that are never formulas."""

    def from_group_data(self, fields, columns_headers, groups):
        with TextOnlyGroupExportXlsxWriter(fields, columns_headers, groups.count) as writer:
            x, y = 1, 0
            for group_name, group in groups.children.items():
                x, y = writer.write_group(x, y, group_name, group)
        return writer.value

    def from_data(self, fields, columns_headers, rows):
        with TextOnlyExportXlsxWriter(fields, columns_headers, len(rows)) as writer:
            for row_index, row in enumerate(rows):
                for cell_index, cell_value in enumerate(row):
                    writer.write_cell(row_index + 1, cell_index, cell_value)
        return writer.value
