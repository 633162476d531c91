from . import workbook
