from . import period
from . import workbook
from . import wording
