import re

import pytest
from lxml import etree

from conftest import ADDONS

XML_FILES = sorted(path for addon in ADDONS for path in addon.rglob("*.xml"))
# Odoo 16/17 habits that Odoo 19 rejects or silently ignores.
LEGACY = [
    (re.compile(r"<tree[\s>]"), "<tree> is <list> in Odoo 19"),
    (re.compile(r"\sattrs="), "attrs= is gone: use invisible=/readonly=/required= expressions"),
    (re.compile(r"\sstates="), "states= is gone: use an invisible= expression"),
    (re.compile(r"kanban-box"), 'kanban cards are <t t-name="card">'),
    (re.compile(r"oe_chatter"), "use <chatter/>"),
    (re.compile(r"<report\s|<act_window\s"), "shortcut tags create nothing in Odoo 19"),
    (re.compile(r"groups_id"), "groups_id is group_ids in Odoo 19"),
    (re.compile(r"t-esc=|t-raw="), "use t-out"),
]


@pytest.mark.parametrize(
    "path", XML_FILES, ids=[str(path.relative_to(path.parents[2])) for path in XML_FILES]
)
def test_xml_parses_and_is_odoo19(path):
    etree.parse(str(path))
    text = path.read_text(encoding="utf-8")
    problems = [message for pattern, message in LEGACY if pattern.search(text)]
    assert not problems, f"{path.name}: {problems}"
