"""The Odoo layer of the test command: install every addon on throwaway databases and test it.

Steps, each reported as a test case in ``test-reports/odoo-junit.xml``:

1. install all project addons with demo data on a fresh database and run their tests;
2. upgrade them twice on that database (``-u``), which must stay clean;
3. install them without demo data on a second fresh database the README's way
   (``tools/serve``): English and French (Canada) must be active, English the language of
   new contacts, both languages on the website, the company named;
4. start ``tools/serve`` again on that database, as after a ``git pull``: it must update
   the addons (a menu changed in the database is reloaded from its XML file) and the
   first-run tests (``TestFirstRun``: a new contact keeps the language it is given) pass.

A log line at WARNING level or above that comes from, or names, one of our addons fails
the step. Databases are dropped at the end, whatever happened.

Odoo is found as the running interpreter's ``odoo`` package, or in the source tree named
by the ``ODOO_PATH`` environment variable (the folder holding ``odoo-bin``).
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
REPORTS = ROOT / "test-reports"

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$"
)
TEST_START = re.compile(r"Starting (?P<test>\w+\.\w+)")
TEST_PROBLEM = re.compile(r"^(?P<kind>FAIL|ERROR): (?:Subtest )?(?P<test>\w+\.\w+)")
# Warnings of Odoo itself that say nothing about our code.
IGNORED = (
    "addons path is not a directory",
    "missing --http-interface",
    "Running as user 'root'",
)


def find_odoo():
    """The command that runs Odoo 19, or (None, reason)."""
    source = os.environ.get("ODOO_PATH")
    if source:
        odoo_bin = Path(source) / "odoo-bin"
        if not odoo_bin.is_file():
            return None, f"ODOO_PATH={source} holds no odoo-bin"
        return [sys.executable, str(odoo_bin)], None
    try:
        from odoo import release  # noqa: PLC0415
    except ImportError:
        return None, f"no 'odoo' package importable by {sys.executable} and ODOO_PATH is not set"
    if release.version_info[0] != 19:
        return None, f"the importable odoo is {release.version}, not 19.0"
    return [sys.executable, "-m", "odoo"], None


def project_addons():
    return sorted(path.parent.name for path in ADDONS.glob("*/__manifest__.py"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_odoo(odoo_cmd, database, args, log_path, serve=False):
    """Run Odoo once on ``database`` (``--stop-after-init``); with ``serve``, through
    ``tools/serve`` as the README says, with this interpreter."""
    env = dict(os.environ)
    if serve:
        env.update(PYTHON=sys.executable, PORT=str(free_port()), MENTORING_DEMO="0")
        cmd = [str(ROOT / "tools" / "serve"), database]
    else:
        cmd = [
            *odoo_cmd,
            "-d",
            database,
            f"--addons-path={ADDONS}",
            "--http-interface=127.0.0.1",
            f"--http-port={free_port()}",
        ]
    cmd += ["--stop-after-init", "--max-cron-threads=0", *args]
    started = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        returncode = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    return returncode, time.monotonic() - started


def our_problems(log_path, addons):
    """Log lines at WARNING or above that come from or name our addons."""
    problems = []
    names = tuple(addons)
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = LOG_LINE.match(line)
        if not match or match["level"] not in ("WARNING", "ERROR", "CRITICAL"):
            continue
        if any(text in line for text in IGNORED):
            continue
        if match["logger"].startswith("odoo.addons.") and match["logger"].split(".")[2] in names:
            problems.append(line)
        elif any(name in match["msg"] for name in names) or match["level"] != "WARNING":
            problems.append(line)
    return problems


def parse_tests(log_path):
    """Test cases of an Odoo run: name -> None when passed, or the failure text."""
    results = {}
    current = None
    lines = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        match = LOG_LINE.match(line)
        if match:
            current = None
            start = TEST_START.search(match["msg"])
            if start and match["level"] == "INFO":
                results.setdefault(f"{match['logger']}.{start['test']}", None)
                continue
            problem = TEST_PROBLEM.match(match["msg"])
            if problem:
                current = f"{match['logger']}.{problem['test']}"
                results[current] = match["msg"] + "\n"
        elif current:
            results[current] += line + "\n"
    return results


def summary_counts(log_path):
    """Odoo's own totals ('N failed, N error(s) of N tests'), or None."""
    text = log_path.read_text(encoding="utf-8", errors="replace")
    found = re.findall(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests", text)
    if not found:
        return None
    failed, errors, total = (int(value) for value in found[-1])
    return failed + errors, total


def not_installed(database, addons):
    """Our addons that are not installed in ``database`` (all of them if it does not exist)."""
    import psycopg2  # noqa: PLC0415

    try:
        conn = psycopg2.connect(dbname=database)
    except psycopg2.OperationalError:
        return list(addons)
    with conn, conn.cursor() as cr:
        cr.execute(
            "SELECT name FROM ir_module_module WHERE name = ANY(%s) AND state = 'installed'",
            [list(addons)],
        )
        installed = {name for (name,) in cr.fetchall()}
    conn.close()
    return [addon for addon in addons if addon not in installed]


def query(database, sql, params=()):
    import psycopg2  # noqa: PLC0415

    conn = psycopg2.connect(dbname=database)
    try:
        with conn, conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall() if cr.description else None
    finally:
        conn.close()


# A menu of mentoring_base: a restart that updates the addons reloads it from its XML file.
MENU_XMLID = ("mentoring_base", "menu_mentoring_root")
CHANGED_SEQUENCE = 9999


def change_menu(database):
    """Change the menu in the database, as a file changed by ``git pull`` would differ."""
    query(
        database,
        "UPDATE ir_ui_menu SET sequence = %s WHERE id = (SELECT res_id FROM ir_model_data"
        " WHERE module = %s AND name = %s)",
        (CHANGED_SEQUENCE, *MENU_XMLID),
    )


def first_run_problems(database, updated=False):
    """What a database installed the README's way lacks: both languages, English for new
    contacts, both languages on every website, the company named; with ``updated``, the
    menu changed by :func:`change_menu` reloaded."""
    problems = []
    active = {code for (code,) in query(database, "SELECT code FROM res_lang WHERE active")}
    for code in ("en_US", "fr_CA"):
        if code not in active:
            problems.append(f"language {code} is not active")
    default = query(
        database,
        "SELECT json_value FROM ir_default d JOIN ir_model_fields f ON f.id = d.field_id"
        " WHERE f.model = 'res.partner' AND f.name = 'lang' AND d.company_id IS NULL"
        " AND d.user_id IS NULL",
    )
    if [row[0] for row in default] != ['"en_US"']:
        problems.append(f"default language of new contacts: {default}, not en_US")
    websites = query(
        database,
        "SELECT w.name, array_agg(l.code ORDER BY l.code) FROM website w"
        " JOIN website_lang_rel r ON r.website_id = w.id JOIN res_lang l ON l.id = r.lang_id"
        " GROUP BY w.name",
    )
    for name, codes in websites:
        if not {"en_US", "fr_CA"} <= set(codes):
            problems.append(f"website {name} offers {codes}, not English and French")
    [(company,)] = query(database, "SELECT name FROM res_company ORDER BY id LIMIT 1")
    if company in ("My Company", "YourCompany"):
        problems.append(f"the company is still named {company!r}")
    if updated:
        [(sequence,)] = query(
            database,
            "SELECT m.sequence FROM ir_ui_menu m JOIN ir_model_data d ON d.res_id = m.id"
            " AND d.model = 'ir.ui.menu' WHERE d.module = %s AND d.name = %s",
            MENU_XMLID,
        )
        if sequence == CHANGED_SEQUENCE:
            problems.append("the restart did not update the addons (menu not reloaded)")
    return [problem + "\n" for problem in problems]


def drop_database(name):
    import psycopg2  # noqa: PLC0415

    conn = psycopg2.connect(dbname="postgres")
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


def write_junit(cases, path):
    suite = ElementTree.Element(
        "testsuite",
        name="odoo",
        tests=str(len(cases)),
        failures=str(sum(1 for case in cases if case["failure"])),
    )
    for case in cases:
        element = ElementTree.SubElement(
            suite,
            "testcase",
            classname=case["classname"],
            name=case["name"],
            time=f"{case.get('time', 0):.3f}",
        )
        if case["failure"]:
            ElementTree.SubElement(element, "failure", message="failed").text = case["failure"]
    path.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)


def main():
    odoo_cmd, reason = find_odoo()
    if odoo_cmd is None:
        print(f"odoo layer: SKIPPED, {reason} (see README, 'Testing').")
        return None
    addons = project_addons()
    stamp = time.strftime("%Y%m%d%H%M%S")
    demo_db = f"mentoring_test_{stamp}_demo"
    bare_db = f"mentoring_test_{stamp}_nodemo"
    REPORTS.mkdir(exist_ok=True)
    cases = []

    def step(name, database, args, with_tests=False, serve=False, check=None):
        slug = re.sub(r"[^\w.]+", "-", name).strip("-")
        log_path = REPORTS / f"odoo-{slug}.log"
        returncode, seconds = run_odoo(odoo_cmd, database, args, log_path, serve=serve)
        print(f"odoo layer: {name}: {seconds:.1f} s (log: {log_path.relative_to(ROOT)})")
        problems = our_problems(log_path, addons)
        failure = ""
        if returncode:
            failure += f"odoo exited with {returncode}\n"
        if problems:
            failure += "log lines at WARNING or above about our addons:\n" + "\n".join(problems)
        missing = not_installed(database, addons)
        if missing:
            failure += f"not installed afterwards: {', '.join(missing)}\n"
        elif check:
            failure += "".join(check(database))
        if with_tests:
            tests = parse_tests(log_path)
            counted = summary_counts(log_path)
            if not tests or counted is None:
                failure += "no test ran\n"
            elif counted[0] > sum(1 for text in tests.values() if text):
                failure += f"Odoo counted {counted[0]} failing tests (see the log)\n"
            for test, test_failure in sorted(tests.items()):
                module, _sep, name_ = test.rpartition(".")
                cases.append({"classname": module, "name": name_, "failure": test_failure})
        cases.append(
            {"classname": "odoo.install", "name": name, "failure": failure, "time": seconds}
        )
        if failure:
            print(f"odoo layer: {name}: FAILED\n{failure}")

    modules = ",".join(addons)
    tags = ",".join(f"/{addon}" for addon in addons)
    try:
        step(
            "install with demo and test",
            demo_db,
            [
                "-i",
                modules,
                "--with-demo",
                "--test-enable",
                f"--test-tags={tags}",
                "--log-level=test",
                "--load-language=en_US,fr_CA",
            ],
            with_tests=True,
        )
        step("upgrade 1", demo_db, ["-u", modules])
        step("upgrade 2", demo_db, ["-u", modules])
        step(
            "install without demo, the README's way (tools/serve)",
            bare_db,
            [],
            serve=True,
            check=first_run_problems,
        )
        if not_installed(bare_db, addons):
            print("odoo layer: restart the README's way: skipped, the install failed")
            return finish(cases)
        change_menu(bare_db)
        step(
            "restart the README's way (tools/serve updates)",
            bare_db,
            [
                "--test-tags=/mentoring_base:TestFirstRun,/mentoring_website:TestWebsiteLanguages",
                "--log-level=test",
            ],
            with_tests=True,
            serve=True,
            check=lambda database: first_run_problems(database, updated=True),
        )
    finally:
        for database in (demo_db, bare_db):
            drop_database(database)
    return finish(cases)


def finish(cases):
    write_junit(cases, REPORTS / "odoo-junit.xml")
    failed = sum(1 for case in cases if case["failure"])
    passed = len(cases) - failed
    print(f"odoo layer: {passed} passed, {failed} failed (JUnit: test-reports/odoo-junit.xml)")
    return passed, failed


if __name__ == "__main__":
    outcome = main()
    sys.exit(1 if outcome and outcome[1] else 0)
