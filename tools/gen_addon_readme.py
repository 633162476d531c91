#!/usr/bin/env python3
"""Write each addon's README.rst from its readme/ fragments, in OCA's layout.

python3 tools/gen_addon_readme.py           # rewrite the files
python3 tools/gen_addon_readme.py --check   # exit 1 if one is out of date
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = (("CONFIGURE", "Configuration"), ("USAGE", "Usage"))


def markdown_to_rst(text):
    text = re.sub(r"`([^`]+)`", r"``\1``", text)
    return text


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))
    title = manifest["name"]
    parts = [
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        ".. |badge1| image:: https://img.shields.io/badge/licence-AGPL--3-blue.png",
        "    :target: http://www.gnu.org/licenses/agpl-3.0-standalone.html",
        "    :alt: License: AGPL-3",
        "",
        "|badge1|",
        "",
        markdown_to_rst((addon / "readme" / "DESCRIPTION.md").read_text(encoding="utf-8").strip()),
        "",
        "**Table of contents**",
        "",
        ".. contents::",
        "   :local:",
        "",
    ]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / f"{fragment}.md"
        if path.exists():
            parts += [
                heading,
                "=" * len(heading),
                "",
                markdown_to_rst(path.read_text().strip()),
                "",
            ]
    parts += ["Credits", "=======", "", "Authors", "-------", "", f"* {manifest['author']}", ""]
    return "\n".join(parts)


def main():
    stale = []
    for manifest in sorted(ROOT.glob("addons/*/__manifest__.py")):
        addon = manifest.parent
        if not (addon / "readme" / "DESCRIPTION.md").exists():
            continue  # reported by the offline layer's readme check
        target = addon / "README.rst"
        text = render(addon)
        if "--check" in sys.argv:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run tools/gen_addon_readme.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
