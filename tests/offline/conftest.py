import ast
import importlib
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDONS_DIR = ROOT / "addons"
ADDONS = sorted(path.parent for path in ADDONS_DIR.glob("*/__manifest__.py"))


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def load_pure_module(relative_path):
    """Import a pure-Python file of an addon's ``tools`` folder without Odoo.

    ``"mentoring_matching/tools/scoring.py"`` is imported as
    ``odoo.addons.mentoring_matching.tools.scoring``, the name it has in Odoo, so that its
    imports of other tools (``from odoo.addons.mentoring_base.tools...``, ``from . import``)
    resolve; the ``odoo``, ``odoo.addons`` and addon packages are empty stand-ins whose
    only content is the addons' folders (no model, no Odoo code is imported)."""
    addon, *parts = Path(relative_path).with_suffix("").parts
    for name in ("odoo", "odoo.addons"):
        if name not in sys.modules:
            sys.modules[name] = types.ModuleType(name)
            sys.modules[name].__path__ = []
    sys.modules["odoo"].addons = sys.modules["odoo.addons"]
    for path in ADDONS:
        package = f"odoo.addons.{path.name}"
        if package not in sys.modules:
            sys.modules[package] = types.ModuleType(package)
            sys.modules[package].__path__ = [str(path)]
    return importlib.import_module(".".join(("odoo.addons", addon, *parts)))


def pytest_generate_tests(metafunc):
    if "addon" in metafunc.fixturenames:
        metafunc.parametrize("addon", ADDONS, ids=[addon.name for addon in ADDONS])


@pytest.fixture(scope="session")
def root():
    return ROOT
