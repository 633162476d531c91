"""First run and deployment: tools/serve, the Docker files, the import templates, the README.

The two start scripts run here with stand-ins for Odoo, psql and pg_isready that record
how they were called: a new database is installed (-i) with English and French, an
existing one updated (-u). The Odoo layer (tools/odoo_suite.py) runs tools/serve for real.
"""

import configparser
import os
import re
import shlex
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
import yaml

from conftest import ADDONS, ROOT

ADDON_NAMES = ",".join(addon.name for addon in ADDONS)
README = (ROOT / "README.md").read_text(encoding="utf-8")


def stub(folder, name, script):
    path = folder / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(0o755)


def run_recorded(tmp_path, cmd, env):
    """Run ``cmd``; return the arguments the stand-in Odoo got (one list)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    calls = tmp_path / "odoo-calls"
    result = subprocess.run(
        cmd,
        cwd=ROOT,
        env={**os.environ, **env, "CALLS": str(calls)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = calls.read_text(encoding="utf-8").splitlines()
    return shlex.split(line)


# -- docker/mentoring-init.sh (the "init" service) ------------------------------------------


@pytest.fixture
def docker_bin(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    stub(folder, "pg_isready", "exit 0\n")
    # psql answers "1" when the database is installed, fails as for a missing database.
    stub(
        folder,
        "psql",
        'if [ "$DB_INSTALLED" = 1 ]; then echo 1; else echo "no database" >&2; exit 2; fi\n',
    )
    stub(
        folder,
        "odoo",
        'for arg in "$@"; do printf "%s " "\'$arg\'"; done >> "$CALLS"\necho >> "$CALLS"\n',
    )
    return folder


def run_init(tmp_path, docker_bin, **env):
    return run_recorded(
        tmp_path,
        ["sh", "docker/mentoring-init.sh"],
        {
            "PATH": f"{docker_bin}{os.pathsep}{os.environ['PATH']}",
            "MENTORING_ADDONS_DIR": str(ROOT / "addons"),
            **env,
        },
    )


def test_docker_init_installs_a_new_database_in_both_languages(tmp_path, docker_bin):
    args = run_init(tmp_path, docker_bin, DB_INSTALLED="0")
    assert "--database=mentoring" in args
    assert f"--init={ADDON_NAMES}" in args
    assert "--load-language=en_US,fr_CA" in args
    assert "--with-demo" in args
    assert "--stop-after-init" in args
    assert not [arg for arg in args if arg.startswith("--update")]
    without_demo = run_init(tmp_path / "bare", docker_bin, DB_INSTALLED="0", MENTORING_DEMO="0")
    assert "--with-demo" not in without_demo


def test_docker_init_updates_an_existing_database(tmp_path, docker_bin):
    args = run_init(tmp_path, docker_bin, DB_INSTALLED="1")
    assert f"--update={ADDON_NAMES}" in args
    # Installs an addon added to the repository since (-i skips the installed ones).
    assert f"--init={ADDON_NAMES}" in args
    assert not [arg for arg in args if arg.startswith(("--load-language", "--with-demo"))]
    assert "--stop-after-init" in args


# -- tools/serve --------------------------------------------------------------------------


@pytest.fixture
def fake_python(tmp_path):
    """A stand-in interpreter: ``python - DB ...`` (the database check) answers from
    DB_INSTALLED; ``python -m odoo ...`` records its arguments."""
    folder = tmp_path / "python-bin"
    folder.mkdir()
    stub(
        folder,
        "python",
        'if [ "$1" = "-" ]; then cat > /dev/null; [ "$DB_INSTALLED" = 1 ]; exit $?; fi\n'
        'for arg in "$@"; do printf "%s " "\'$arg\'"; done >> "$CALLS"\necho >> "$CALLS"\n',
    )
    return folder / "python"


def run_serve(tmp_path, fake_python, *args, **env):
    return run_recorded(
        tmp_path, ["tools/serve", *args], {"PYTHON": str(fake_python), "ODOO_PATH": "", **env}
    )


def test_serve_installs_a_new_database_in_both_languages(tmp_path, fake_python):
    args = run_serve(tmp_path, fake_python, DB_INSTALLED="0")
    # The stand-in interpreter of $PYTHON ran Odoo.
    assert args[:2] == ["-m", "odoo"]
    assert "--database=mentoring" in args
    assert f"--init={ADDON_NAMES}" in args
    assert "--load-language=en_US,fr_CA" in args
    assert "--with-demo" in args
    assert not [arg for arg in args if arg.startswith("--update")]
    bare = run_serve(tmp_path / "bare", fake_python, "other", DB_INSTALLED="0", MENTORING_DEMO="0")
    assert "--database=other" in bare
    assert "--with-demo" not in bare


def test_serve_updates_an_existing_database(tmp_path, fake_python):
    args = run_serve(
        tmp_path, fake_python, "mentoring", "--stop-after-init", DB_INSTALLED="1", PORT="8111"
    )
    assert f"--update={ADDON_NAMES}" in args
    assert f"--init={ADDON_NAMES}" in args
    assert not [arg for arg in args if arg.startswith(("--load-language", "--with-demo"))]
    # Options after the database go to Odoo, last.
    assert args[-1] == "--stop-after-init"
    assert "--http-port=8111" in args


def test_serve_with_an_odoo_source_tree(tmp_path, fake_python):
    args = run_serve(tmp_path, fake_python, DB_INSTALLED="0", ODOO_PATH="/src/odoo")
    assert args[0] == "/src/odoo/odoo-bin"


# -- Docker files ---------------------------------------------------------------------------


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_runs_init_then_odoo_behind_the_proxy():
    services = compose()["services"]
    assert set(services) == {"db", "init", "odoo", "proxy"}
    assert services["init"]["command"] == ["mentoring-init"]
    assert services["odoo"]["depends_on"]["init"]["condition"] == "service_completed_successfully"
    for name in ("init", "odoo"):
        assert "./docker/odoo.conf:/etc/odoo/odoo.conf:ro" in services[name]["volumes"]
        assert services[name]["env_file"] == [{"path": "docker/odoo.env", "required": False}]
        assert services[name]["environment"]["PGHOST"] == "db"
    assert services["proxy"]["ports"] == ["127.0.0.1:8069:80"]
    assert "./docker/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["proxy"]["volumes"]
    assert "ports" not in services["odoo"]
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text(encoding="utf-8")
    assert "COPY docker/mentoring-init.sh /usr/local/bin/mentoring-init" in dockerfile


def test_odoo_conf_production_settings_without_secrets():
    text = (ROOT / "docker" / "odoo.conf").read_text(encoding="utf-8")
    parser = configparser.ConfigParser()
    parser.read_string(text)
    options = parser["options"]
    assert int(options["workers"]) >= 2
    assert options.getboolean("proxy_mode")
    assert not options.getboolean("list_db")
    assert options["dbfilter"] == "^mentoring$"
    assert options["db_name"] == "mentoring"
    # Secrets come from the environment (ODOO_ADMIN_PASSWD, ODOO_SMTP_PASSWORD).
    for secret in ("admin_passwd", "smtp_password", "db_password"):
        assert secret not in options
    for documented in ("ODOO_ADMIN_PASSWD", "ODOO_SMTP_SERVER", "ODOO_SMTP_PASSWORD"):
        assert documented in text
    env_example = (ROOT / "docker" / "odoo.env.example").read_text(encoding="utf-8")
    for variable in ("ODOO_ADMIN_PASSWD", "ODOO_SMTP_SERVER", "MENTORING_COMPANY_NAME"):
        assert variable in env_example
    assert "/docker/odoo.env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_proxy_sends_live_updates_to_the_gevent_port():
    text = (ROOT / "docker" / "nginx.conf").read_text(encoding="utf-8")
    websocket = re.search(r"location /websocket \{(.*?)\}", text, re.DOTALL).group(1)
    assert "$odoo_live" in websocket and "set $odoo_live http://odoo:8072;" in text
    assert "Upgrade $http_upgrade" in websocket
    assert "X-Forwarded-Proto" in websocket
    assert "set $odoo_http http://odoo:8069;" in text


# -- import templates ---------------------------------------------------------------------


def xlsx_rows(path):
    """The rows of the first sheet of an .xlsx file, as text (standard library only)."""
    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as book:
        shared = [
            "".join(node.itertext())
            for node in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).findall(
                "s:si", ns
            )
        ]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{{{ns['s']}}}row"):
        cells = []
        for cell in row.findall("s:c", ns):
            value = cell.findtext("s:v", default="", namespaces=ns)
            cells.append(shared[int(value)] if cell.get("t") == "s" else value)
        rows.append(cells)
    return rows


def test_import_templates_match_their_generator():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import make_import_templates

    for name, (headers, template_rows) in make_import_templates.TEMPLATES.items():
        rows = xlsx_rows(ROOT / "addons" / "mentoring_base" / "static" / "xls" / name)
        assert rows[0] == [label for label, _field in headers], name
        assert len(rows) == 1 + len(template_rows), name
        for row, expected in zip(rows[1:], template_rows, strict=True):
            for label, cell, value in zip(rows[0], row, expected, strict=True):
                if isinstance(value, str):
                    assert cell == value, (name, label)
        # Codes are text cells, so that a code such as 00010 keeps its zeros.
        for column, label in enumerate(rows[0]):
            if label in make_import_templates.CODE_HEADERS:
                assert all(re.fullmatch(r"\d[\d-]*", row[column]) for row in rows[1:])


# -- README ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "needle",
    [
        "PYTHON=",  # the interpreter that has Odoo's requirements
        "--load-language=en_US,fr_CA",
        "docker compose down && docker compose up -d --build",  # upgrading with Docker
        "tools/serve",  # upgrading from source: the same command updates
        "pg_dump",  # backups
        "filestore",
        "Incoming Mail Servers",  # incoming mail
        "auth_totp",
        "base_geolocalize",
        "website_cf_turnstile",
        "google_recaptcha",
        "privacy_lookup",  # core modules the suite pulls in
        "phone_validation",
        "docker/odoo.conf",
        "MENTORING_COMPANY_NAME",
        "Import records",  # staff import mentees and mentors
        "21231",
    ],
)
def test_readme_covers_deployment(needle):
    assert needle in README
