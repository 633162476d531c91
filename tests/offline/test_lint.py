"""The linters OCA runs, on every addon: ruff, pylint-odoo and oca-odoo-pre-commit-hooks."""

import shutil
import subprocess
import sys

import pytest

from conftest import ADDONS, ROOT


def run(cmd):
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    return result.returncode, (result.stdout + result.stderr)[-6000:]


def require(module_or_command):
    if shutil.which(module_or_command) is None:
        pytest.fail(f"{module_or_command} is not installed: pip install -r requirements-test.txt")


def test_ruff():
    require("ruff")
    code, output = run(["ruff", "check", "addons", "tests", "tools", "i18n", "run-tests"])
    assert code == 0, output
    code, output = run(["ruff", "format", "--check", "addons", "tests", "tools", "i18n"])
    assert code == 0, output


def test_pylint_odoo():
    require("pylint")
    code, output = run(
        [sys.executable, "-m", "pylint", "--rcfile=.pylintrc", *[str(addon) for addon in ADDONS]]
    )
    assert code == 0, output


def test_oca_checks_odoo_module():
    require("oca-checks-odoo-module")
    code, output = run(["oca-checks-odoo-module", *[str(addon) for addon in ADDONS]])
    assert code == 0, output


def test_oca_checks_po():
    require("oca-checks-po")
    files = [str(path) for addon in ADDONS for path in (addon / "i18n").glob("*.po*")]
    code, output = run(["oca-checks-po", *files])
    assert code == 0, output
