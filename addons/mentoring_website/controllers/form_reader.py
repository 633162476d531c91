"""Server-side reading and checking of the public application forms.

Nothing the browser sends is trusted: every value is read from an explicit list of keys,
stripped, length-checked and converted here, and ids are re-read from the database and
checked against the domain the form offers. Each problem becomes one translated message
kept next to its field; what the visitor typed is kept to fill the form again.
"""

import io
import re
import zipfile
from pathlib import PurePosixPath

from odoo.tools import email_normalize, single_email_re
from odoo.tools.translate import LazyGettext, LazyTranslate

_lt = LazyTranslate(__name__)

MAX_ID = 2**31 - 1
MAX_FILE_SIZE = 5 * 1024 * 1024
# Extension -> (magic bytes at the start of the file, MIME type).
DOCUMENT_TYPES = {
    ".pdf": (b"%PDF-", "application/pdf"),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),
    ".docx": (
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}
ID_PATTERN = re.compile(r"[0-9]{1,10}")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PHONE_PATTERN = re.compile(
    r"\+?[0-9 ().\-/]{7,25}(?:\s*(?:x|ext\.?|poste|#)\s*[0-9]{1,6})?", re.IGNORECASE
)
TRUE_VALUES = ("1", "on", "true", "yes")

MSG_REQUIRED = _lt("This field is required.")
MSG_TOO_LONG = _lt("Use %(maximum)s characters at most.")
MSG_CONTROL_CHARACTERS = _lt("This text contains characters that are not allowed.")
MSG_EMAIL = _lt("Enter a valid e-mail address, for example name@example.com.")
MSG_PHONE = _lt("Enter a valid phone number, for example 613-555-0123.")
MSG_INTEGER = _lt("Enter a whole number.")
MSG_RANGE = _lt("Enter a number from %(minimum)s to %(maximum)s.")
MSG_CHOICE = _lt("Choose one of the options in the list.")
MSG_FILE_REQUIRED = _lt("Attach your résumé (PDF, DOC or DOCX, 5 MB at most).")
MSG_FILE_TYPE = _lt("Attach a PDF, DOC or DOCX document.")
MSG_FILE_SIZE = _lt("The file is larger than 5 MB: attach a smaller one.")
MSG_FILE_EMPTY = _lt("The file is empty.")


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
        value = self.text(key, required=required, max_length=254)
        if value and key not in self.errors:
            if not single_email_re.match(value) or not email_normalize(value):
                self.error(key, MSG_EMAIL)
                return False
        return value

    def phone(self, key, required=False):
        value = self.text(key, required=required, max_length=32)
        if value and key not in self.errors:
            digits = sum(char.isdigit() for char in value)
            if not PHONE_PATTERN.fullmatch(value) or digits < 7:
                self.error(key, MSG_PHONE)
                return False
        return value

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

    def boolean(self, key, required=False, message=MSG_REQUIRED):
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
        magic, mimetype = DOCUMENT_TYPES[extension]
        if not data.startswith(magic) or (extension == ".docx" and not _is_word_package(data)):
            self.error(key, MSG_FILE_TYPE)
            return None
        return {"name": name, "raw": data, "mimetype": mimetype}


def _is_word_package(data):
    """A DOCX file is a ZIP package holding a Word document part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)
