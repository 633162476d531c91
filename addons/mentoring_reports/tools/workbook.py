"""XLSX workbooks in which user text is only ever text.

xlsxwriter's ``write()`` turns a string that starts with ``=`` into a formula and a string
that looks like a URL into a hyperlink. A mentee called ``=HYPERLINK("http://x","y")`` or a
career objective ``+1+1`` must reach the funder as the characters typed, never as something
the spreadsheet computes or links to. So:

- the workbook is opened with ``strings_to_formulas``, ``strings_to_urls`` and
  ``strings_to_numbers`` off (nothing a string contains changes its type);
- every piece of text goes through :meth:`SafeWorkbook.text`, which writes a string cell
  with ``write_string`` whatever the text starts with (``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return included);
- the workbook's own formulas (totals, rates) are written with ``write_formula`` by the
  code that builds them, never from user text.

Pure Python (xlsxwriter only), so it can be used by any wizard of the addon.
"""

import io

import xlsxwriter

# What a spreadsheet may read as the start of a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def looks_like_formula(text):
    """True when ``text`` starts like a formula would in a spreadsheet cell."""
    return isinstance(text, str) and text.startswith(FORMULA_TRIGGERS)


class SafeWorkbook:
    """An in-memory XLSX workbook whose text cells are always strings.

    Use :meth:`text` and :meth:`text_row` for every string (user data, names, labels);
    numbers, dates and formulas are written on the worksheet itself (``write_number``,
    ``write_datetime``, ``write_formula``).
    """

    def __init__(self):
        self._output = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self._output, dict(WORKBOOK_OPTIONS))

    def add_format(self, properties):
        """A cell format, as ``xlsxwriter.Workbook.add_format``."""
        return self.workbook.add_format(properties)

    def add_worksheet(self, name):
        """A new sheet (Odoo makes the translated name a valid sheet name)."""
        return self.workbook.add_worksheet(name)

    @staticmethod
    def text(sheet, row, col, value, cell_format=None):
        """Write ``value`` as a string cell, never as a formula, URL or number.

        ``None``/``False``/empty give an empty (but formatted) cell; anything else is written
        as ``str(value)`` with ``write_string``.
        """
        text = "" if value is None or value is False else str(value)
        if not text:
            return sheet.write_blank(row, col, None, cell_format)
        return sheet.write_string(row, col, text, cell_format)

    def text_row(self, sheet, row, col, values, cell_format=None):
        """Write each of ``values`` as a string cell, from ``col`` rightwards."""
        for offset, value in enumerate(values):
            self.text(sheet, row, col + offset, value, cell_format)

    def close(self):
        """Finish the workbook and return its content (bytes)."""
        self.workbook.close()
        return self._output.getvalue()
