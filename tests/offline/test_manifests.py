import re

from conftest import ADDONS, manifest

VERSION = re.compile(r"^19\.0\.\d+\.\d+\.\d+$")
REQUIRED_KEYS = ("name", "version", "license", "author", "depends", "data")
LICENSES = {"LGPL-3", "AGPL-3", "GPL-3", "OPL-1", "OEEL-1", "Other OSI approved licence"}


def test_there_are_addons():
    assert ADDONS, "no addon found under addons/"


def test_manifest_keys_and_version(addon):
    data = manifest(addon)
    missing = [key for key in REQUIRED_KEYS if key not in data]
    assert not missing, f"{addon.name}: manifest lacks {missing}"
    assert VERSION.match(data["version"]), (
        f"{addon.name}: version {data['version']!r} is not 19.0.x.y.z"
    )
    assert data["license"] in LICENSES
    assert data.get("installable", True) is True


def test_manifest_files_exist(addon):
    data = manifest(addon)
    for key in ("data", "demo"):
        for relative in data.get(key, []):
            assert (addon / relative).is_file(), f"{addon.name}: {key} file {relative} is missing"


def test_readme_fragments(addon):
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md"):
        path = addon / "readme" / fragment
        assert path.is_file() and path.read_text(encoding="utf-8").strip(), f"{path} is missing"


def test_icon(addon):
    if manifest(addon).get("application"):
        assert (addon / "static" / "description" / "icon.png").is_file()


def test_readme_rst_up_to_date(root):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "tools/gen_addon_readme.py", "--check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
