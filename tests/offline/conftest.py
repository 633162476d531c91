import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDONS_DIR = ROOT / "addons"
ADDONS = sorted(path.parent for path in ADDONS_DIR.glob("*/__manifest__.py"))


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def load_pure_module(relative_path):
    """Import a pure-Python file of an addon without importing the addon (and so Odoo)."""
    path = ADDONS_DIR / relative_path
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_generate_tests(metafunc):
    if "addon" in metafunc.fixturenames:
        metafunc.parametrize("addon", ADDONS, ids=[addon.name for addon in ADDONS])


@pytest.fixture(scope="session")
def root():
    return ROOT
