"""Server-side reading and checking of the public application forms.

Nothing the browser sends is trusted: every value is read from an explicit list of keys,
stripped, length-checked and converted here, and ids are re-read from the database and
checked against the domain the form offers. Each problem becomes one translated message
kept next to its field; what the visitor typed is kept to fill the form again.
"""

import datetime
import re
from pathlib import PurePosixPath

from odoo.addons.mentoring_base.tools.availability import DAYS, PARTS, cells_to_slots
from odoo.addons.phone_validation.tools.phone_validation import phone_format
from odoo.exceptions import UserError
from odoo.tools import email_normalize, single_email_re
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.translate import LazyGettext, LazyTranslate

_lt = LazyTranslate(__name__)

MAX_ID = 2**31 - 1
MAX_FILE_SIZE = 5 * 1024 * 1024
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Extension -> (MIME types ``guess_mimetype`` may find in such a file, MIME type stored).
# Word 97-2003 files are OLE compound files: without a recognizable Word part, libmagic
# only names the container (as Odoo's ``fix_filename_extension`` also accepts).
DOCUMENT_TYPES = {
    ".pdf": (("application/pdf",), "application/pdf"),
    ".doc": (
        ("application/msword", "application/CDFV2", "application/x-ole-storage"),
        "application/msword",
    ),
    ".docx": ((DOCX_MIMETYPE,), DOCX_MIMETYPE),
}
ID_PATTERN = re.compile(r"[0-9]{1,10}")
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Phone numbers are read in Canada; "poste" is how francophones write an extension.
PHONE_REGION = "CA"
PHONE_COUNTRY_CODE = 1
FRENCH_EXTENSION = re.compile(r"\s*(?:poste|p\.)\s*([0-9]{1,6})\s*$", re.IGNORECASE)
TRUE_VALUES = ("1", "on", "true", "yes")
# Name of the checkbox of one time slot of a weekly grid: day 0 (Monday) to 6, part 0
# (morning) to 3 (evening).
SLOT_INPUT = "slot_{day}_{part}"

MSG_REQUIRED = _lt("This field is required.")
MSG_TOO_LONG = _lt("Use %(maximum)s characters at most.")
MSG_CONTROL_CHARACTERS = _lt("This text contains characters that are not allowed.")
MSG_EMAIL = _lt("Enter a valid e-mail address, for example name@example.com.")
MSG_PHONE = _lt(
    "Enter a valid phone number, for example 613-555-0123; for a number outside North "
    "America, start with + and the country code."
)
MSG_INTEGER = _lt("Enter a whole number.")
MSG_DATE = _lt("Enter a date, for example 2026-03-15.")
MSG_RANGE = _lt("Enter a number from %(minimum)s to %(maximum)s.")
MSG_CHOICE = _lt("Choose one of the options in the list.")
MSG_FILE_REQUIRED = _lt("Attach your résumé (PDF, DOC or DOCX, 5 MB at most).")
MSG_FILE_TYPE = _lt("Attach a PDF, DOC or DOCX document.")
MSG_FILE_SIZE = _lt("The file is larger than 5 MB: attach a smaller one.")
MSG_FILE_EMPTY = _lt("The file is empty.")


def slot_input(day, part):
    """The name of the checkbox of one time slot (``day`` 0 to 6, ``part`` 0 to 3)."""
    return SLOT_INPUT.format(day=day, part=part)


class FormReader:
    """Reads the fields of one posted form.

    :param env: the visitor's environment (its language translates the messages)
    :param form: the posted fields (a werkzeug ``MultiDict``)
    :param files: the posted files (a werkzeug ``MultiDict`` of ``FileStorage``)
    """

    def __init__(self, env, form, files):
        self.env = env
        self.form = form
        self.files = files
        self.values = {}
        self.errors = {}

    # -- helpers ----------------------------------------------------------------------

    def error(self, key, message, **params):
        """Keep the first problem found for ``key``, translated in the visitor's language."""
        if key not in self.errors:
            text = self.env._(message) if isinstance(message, LazyGettext) else message
            self.errors[key] = text % params if params else text

    def _raw(self, key):
        value = self.form.get(key, "")
        return value.strip() if isinstance(value, str) else ""

    def _browse(self, model, raw):
        """The existing record of ``model`` whose id is ``raw``, read as superuser, or nothing."""
        records = self.env[model].sudo()
        if not ID_PATTERN.fullmatch(raw) or not 0 < int(raw) <= MAX_ID:
            return records
        return records.browse(int(raw)).exists()

    # -- field types ------------------------------------------------------------------

    def text(self, key, required=False, max_length=200, multiline=False):
        """Stripped text of ``max_length`` characters at most, without control characters
        (nor line breaks unless ``multiline``); ``False`` when empty."""
        value = self._raw(key)
        if multiline:
            value = value.replace("\r\n", "\n")
        self.values[key] = value
        if not value:
            if required:
                self.error(key, MSG_REQUIRED)
            return False
        if len(value) > max_length:
            self.error(key, MSG_TOO_LONG, maximum=max_length)
        if CONTROL_CHARACTERS.search(value) or (not multiline and re.search(r"[\r\n]", value)):
            self.error(key, MSG_CONTROL_CHARACTERS)
        return value

    def email(self, key, required=True):
        """One e-mail address, as typed (``False`` when wrong or empty)."""
        value = self.text(key, required=required, max_length=254)
        if value and key not in self.errors:
            if not single_email_re.match(value) or not email_normalize(value):
                self.error(key, MSG_EMAIL)
                return False
        return value

    def phone(self, key, required=False):
        """A phone number checked and formatted by ``phone_validation`` (Canada unless it
        starts with ``+``), in international format: ``+1 613-555-0123``."""
        value = self.text(key, required=required, max_length=32)
        if not value or key in self.errors:
            return False
        try:
            return phone_format(
                FRENCH_EXTENSION.sub(r" ext. \1", value),
                PHONE_REGION,
                PHONE_COUNTRY_CODE,
                force_format="INTERNATIONAL",
                raise_exception=True,
            )
        except UserError:
            self.error(key, MSG_PHONE)
            return False

    def integer(self, key, minimum, maximum, required=True, range_message=MSG_RANGE):
        """A whole number from ``minimum`` to ``maximum``; ``None`` when empty or wrong."""
        raw = self._raw(key)
        self.values[key] = raw
        if not raw:
            if required:
                self.error(key, MSG_REQUIRED)
            return None
        if not re.fullmatch(r"-?[0-9]{1,6}", raw):
            self.error(key, MSG_INTEGER)
            return None
        number = int(raw)
        if not minimum <= number <= maximum:
            self.error(key, range_message, minimum=minimum, maximum=maximum)
            return None
        return number

    def date(self, key, required=True):
        """A date as a date input sends it (``YYYY-MM-DD``); ``None`` when empty or
        wrong."""
        raw = self._raw(key)
        self.values[key] = raw
        if not raw:
            if required:
                self.error(key, MSG_REQUIRED)
            return None
        try:
            if not DATE_PATTERN.fullmatch(raw):
                raise ValueError(raw)
            return datetime.date.fromisoformat(raw)
        except ValueError:
            self.error(key, MSG_DATE)
            return None

    def boolean(self, key, required=False, message=MSG_REQUIRED):
        """Whether the checkbox ``key`` was ticked; ``message`` when required and not."""
        checked = self._raw(key).lower() in TRUE_VALUES
        self.values[key] = checked
        if required and not checked:
            self.error(key, message)
        return checked

    def selection(self, key, choices, required=True):
        """One of ``choices`` (the technical values of a selection field)."""
        raw = self._raw(key)
        self.values[key] = raw
        if not raw:
            if required:
                self.error(key, MSG_REQUIRED)
            return False
        if raw not in choices:
            self.error(key, MSG_CHOICE)
            return False
        return raw

    def record(self, key, model, domain, required=True, message=MSG_CHOICE, required_message=None):
        """The record whose id was posted, if it exists and satisfies ``domain``."""
        raw = self._raw(key)
        self.values[key] = raw
        empty = self.env[model].sudo()
        if not raw:
            if required:
                self.error(key, required_message or MSG_REQUIRED)
            return empty
        record = self._browse(model, raw).filtered_domain(domain)
        if not record:
            self.error(key, message)
            return empty
        return record

    def records(self, key, model, domain, required=True, message=MSG_CHOICE):
        """The records whose ids were posted (checkboxes); any forged id is an error."""
        raws = [value.strip() for value in self.form.getlist(key) if isinstance(value, str)][:50]
        raws = [raw for raw in raws if raw]
        self.values[key] = raws
        found = self.env[model].sudo()
        if not raws:
            if required:
                self.error(key, message)
            return found
        for raw in raws:
            record = self._browse(model, raw).filtered_domain(domain)
            if not record:
                self.error(key, MSG_CHOICE)
                return self.env[model].sudo()
            found |= record
        return found

    def weekly_grid(self, key, required=False, message=MSG_REQUIRED):
        """The time slots ticked in a weekly grid of checkboxes, as a bit mask (see
        ``mentoring_base.tools.availability``); 0 when none is ticked.

        Only the 28 names :func:`slot_input` gives are read: any other posted name (a day
        or part outside the grid, a forged name) is ignored. Each ticked checkbox is kept
        in :attr:`values` under its name to tick it again, the mask under ``key``.
        """
        cells = []
        for day in range(len(DAYS)):
            for part in range(len(PARTS)):
                name = slot_input(day, part)
                if self._raw(name).lower() in TRUE_VALUES:
                    self.values[name] = True
                    cells.append((day, part))
        bits = cells_to_slots(cells)
        self.values[key] = bits
        if required and not bits:
            self.error(key, message)
        return bits

    def upload(self, key, required=False):
        """A PDF, DOC or DOCX document of 5 MB at most: ``{name, raw, mimetype}`` or ``None``."""
        storage = self.files.get(key)
        if storage is None or not getattr(storage, "filename", None):
            if required:
                self.error(key, MSG_FILE_REQUIRED)
            return None
        name = PurePosixPath(storage.filename.replace("\\", "/")).name.strip()[-120:]
        extension = PurePosixPath(name.lower()).suffix
        data = storage.read(MAX_FILE_SIZE + 1)
        if extension not in DOCUMENT_TYPES or CONTROL_CHARACTERS.search(name):
            self.error(key, MSG_FILE_TYPE)
            return None
        if len(data) > MAX_FILE_SIZE:
            self.error(key, MSG_FILE_SIZE)
            return None
        if not data:
            self.error(key, MSG_FILE_EMPTY)
            return None
        # The content decides, as Odoo's own uploads do; it must match the extension.
        accepted, mimetype = DOCUMENT_TYPES[extension]
        if guess_mimetype(data, default="application/octet-stream") not in accepted:
            self.error(key, MSG_FILE_TYPE)
            return None
        return {"name": name, "raw": data, "mimetype": mimetype}
