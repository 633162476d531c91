#!/usr/bin/env python3
"""Speed of mentoring_matching on generated data: prints figures, asserts nothing.

    python3 benchmarks/matching_benchmark.py                 # throwaway database mm_bench
    python3 benchmarks/matching_benchmark.py --keep          # keep it to look around
    python3 benchmarks/matching_benchmark.py --reuse --keep  # run again on the kept one

It creates a database with mentoring_matching installed (no demo data), generates 10,000
available mentors and 1,100 mentees ready for matching with the ORM (batch ``create``), then
measures, at full size and at a tenth of it:

- ranking one mentee against every available mentor (10,000, then 1,000), database reads
  and the explanation of the top 10 included: ``mentoring.match.ranking._rank_mentors``;
- matching a cohort (1,000 mentees × 3,000 mentors, then 100 × 300): reads, score matrix,
  exact and greedy assignments, explanations of every pair: ``_match_cohort``;
- the same work done the naive way: an ORM loop over the records and one ``score_pair``
  call per pair;
- the peak memory of the process (``resource.getrusage``), Odoo's registry included.

Needs Odoo 19 importable by ``python3`` and a local PostgreSQL the user may create databases
in (the usual PG* variables apply).
"""

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"

OCCUPATIONS = (
    "21231 21232 21211 21221 21222 21223 21300 21301 21310 21311 21320 21399 22220 22221 "
    "22310 11100 11101 11102 11200 11201 11202 12010 12011 12100 12200 13100 10010 10011 "
    "10019 10020 10030 31100 31102 31110 31112 31120 31200 31301 32101 32102 41200 41210 "
    "41400 41401 42201 40020 40030 51100 52120 53100 72010 72100 72106 72200 72400 73300 "
    "20010 20011 20012 21100 21101 21102 21110 22110 22111 22112 13110 14110 64100 62020"
).split()
INDUSTRIES = (
    "541514 541515 541330 541310 541110 541211 541212 541611 541612 522111 522112 523110 "
    "524111 517112 518210 611310 622111 621110 813310 911910 913910 221122 237310 236220 "
    "311611 332710 336410 334410 445110 452000 481110 484121 541920 711111 721111"
).split()
OTHER_LANGUAGES = ("ar", "zh", "es", "pt", "hi", "pa", "ur", "fa", "ru", "uk", "tl", "ta")
PLACES = (
    ("Ottawa", 45.4215, -75.6972, "on"),
    ("Gatineau", 45.4765, -75.7013, "qc"),
    ("Kanata", 45.3088, -75.8987, "on"),
    ("Orléans", 45.4654, -75.5182, "on"),
    ("Toronto", 43.6532, -79.3832, "on"),
    ("Mississauga", 43.5890, -79.6441, "on"),
    ("Montréal", 45.5019, -73.5674, "qc"),
    ("Kingston", 44.2312, -76.4860, "on"),
)
AVAILABILITY = (
    "Weekday evenings after 17:30",
    "Tuesday and Thursday lunch hours; one evening a week by video call",
    "Wednesday mornings before work and Saturday mornings",
    "Monday and Friday afternoons",
    "Le samedi matin et les soirs de semaine",
    "mardi et jeudi après-midi",
    "flexible during working hours",
    "weekends",
    "",
)
TITLES = (
    "Senior software developer",
    "Data scientist",
    "Civil engineer, structures",
    "Electrical engineer",
    "Financial analyst",
    "Internal audit manager, CPA",
    "Human resources business partner",
    "Project manager",
    "Registered nurse",
    "Marketing manager",
    "Conseillère en ressources humaines",
    "Ingénieur logiciel principal",
)
GOALS = (
    "Work as a software developer in an Ottawa technology company.",
    "Find a position as a financial analyst in a bank or credit union.",
    "Return to structural engineering with a consulting firm.",
    "Travailler comme ingénieur électricien dans la distribution d'électricité.",
    "Occuper un poste de conseillère en ressources humaines dans un organisme bilingue.",
    "Become a licensed nurse in a hospital.",
    "Project management in construction or infrastructure.",
    "Data analysis and machine learning for public health.",
)
COUNTRIES = ("ma", "dz", "cn", "in", "pk", "ir", "ng", "cm", "ht", "ph", "br", "co", "sy", "ua")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="mm_bench")
    parser.add_argument("--mentors", type=int, default=10_000)
    parser.add_argument("--cohort-mentees", type=int, default=1_000)
    parser.add_argument("--cohort-mentors", type=int, default=3_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each ranking")
    parser.add_argument("--reuse", action="store_true", help="use the existing database")
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument(
        "--skip-naive-full-cohort",
        action="store_true",
        help="skip the naive cohort at full size (3 million score_pair calls)",
    )
    return parser.parse_args()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def database_exists(name):
    result = subprocess.run(
        ["psql", "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'", "postgres"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() == "1"


def create_database(name):
    print(f"Creating database {name} with mentoring_matching (about a minute)...", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-d",
            name,
            f"--addons-path={ADDONS}",
            "-i",
            "mentoring_matching",
            "--stop-after-init",
            "--no-http",
            "--http-interface=127.0.0.1",
            "--log-level=warn",
        ],
        check=True,
    )


def odoo_env(name):
    import odoo.init  # noqa: F401, PLC0415  (Odoo's core setup)
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(
        ["-d", name, f"--addons-path={ADDONS}", "--http-interface=127.0.0.1", "--log-level=warn"],
        setup_logging=True,
    )
    registry = Registry(name)
    cr = registry.cursor()
    return api.Environment(cr, api.SUPERUSER_ID, {"lang": "en_US"}), cr


def generate(env, args, rng):
    """Mentors, mentees and the programs of the measures; returns the programs."""
    quiet = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    env = env(context=dict(env.context, **quiet))
    noc = {r.code: r.id for r in env["mentoring.noc"].search([("code", "in", OCCUPATIONS)])}
    naics = {r.code: r.id for r in env["mentoring.naics"].search([("code", "in", INDUSTRIES)])}
    occupations, industries = sorted(noc), sorted(naics)
    languages = {r.code: r.id for r in env["mentoring.language"].search([])}
    countries = {r.code.lower(): r.id for r in env["res.country"].search([])}
    provinces = {
        "on": env.ref("base.state_ca_on").id,
        "qc": env.ref("base.state_ca_qc").id,
    }
    Program = env["mentoring.program"]
    programs = {
        "all": Program.create({"name": "Benchmark: every mentor"}),
        "tenth": Program.create({"name": "Benchmark: a tenth of the mentors"}),
        "cohort": Program.create({"name": "Benchmark: cohort"}),
        "cohort_tenth": Program.create({"name": "Benchmark: cohort, a tenth"}),
    }
    locations = env["res.partner"].create(
        [{"name": f"Service point {index}", "is_company": True} for index in range(5)]
    )

    def place(vals):
        city, lat, lon, province = rng.choice(PLACES)
        vals.update(city=city, state_id=provinces[province])
        if rng.random() < 0.5:
            vals.update(
                partner_latitude=lat + rng.uniform(-0.1, 0.1),
                partner_longitude=lon + rng.uniform(-0.1, 0.1),
            )
        if rng.random() < 0.3:
            vals["service_location_id"] = rng.choice(locations.ids)
        return vals

    def spoken(french_share):
        codes = {"en"}
        if rng.random() < french_share:
            codes.add("fr")
        if rng.random() < 0.5:
            codes.add(rng.choice(OTHER_LANGUAGES))
        return [(6, 0, [languages[code] for code in codes if code in languages])]

    from odoo.addons.mentoring_base.tools.availability import parse_availability  # noqa: PLC0415

    def availability_values(text):
        """The availability as typed and its grid, as the upgrade pre-fills it."""
        return {"availability": text, "availability_slots": parse_availability(text)}

    started = time.perf_counter()
    mentor_vals = []
    for index in range(args.mentors):
        member_of = [programs["all"].id]
        if index < args.mentors // 10:
            member_of.append(programs["tenth"].id)
        if index < args.cohort_mentors:
            member_of.append(programs["cohort"].id)
        if index < args.cohort_mentors // 10:
            member_of.append(programs["cohort_tenth"].id)
        mentor_vals.append(
            place(
                {
                    "name": f"Bench Mentor {index:05d}",
                    "email": f"mentor{index}@bench.example.com",
                    "state": "available",
                    "max_mentees": rng.choice((1, 1, 2, 3)),
                    "noc_id": noc[rng.choice(occupations)],
                    "naics_id": naics[rng.choice(industries)],
                    "years_experience_region": rng.randint(2, 30),
                    "function": rng.choice(TITLES),
                    **availability_values(rng.choice(AVAILABILITY)),
                    "spoken_language_ids": spoken(0.35),
                    "background_country_ids": [
                        (6, 0, [countries[c] for c in rng.sample(COUNTRIES, rng.randint(0, 2))])
                    ],
                    "program_ids": [(6, 0, member_of)],
                }
            )
        )
    Mentor = env["mentoring.mentor"]
    for start in range(0, len(mentor_vals), 1000):
        Mentor.create(mentor_vals[start : start + 1000])
        env.cr.commit()
        env.invalidate_all()
    mentee_vals = []
    for index in range(args.cohort_mentees + args.cohort_mentees // 10):
        program = programs["cohort"] if index < args.cohort_mentees else programs["cohort_tenth"]
        french = rng.random() < 0.15
        mentee_vals.append(
            place(
                {
                    "name": f"Bench Mentee {index:05d}",
                    "email": f"mentee{index}@bench.example.com",
                    "state": "ready",
                    "program_id": program.id,
                    "target_noc_id": noc[rng.choice(occupations)],
                    "target_naics_id": naics[rng.choice(industries)],
                    "service_language": "fr" if french else "en",
                    "spoken_language_ids": spoken(1.0 if french else 0.2),
                    "career_objective": rng.choice(GOALS),
                    "education_country_id": countries[rng.choice(COUNTRIES)],
                    "match_background": rng.choice(("none", "none", "preferred")),
                    "match_proximity": rng.choice(("none", "preferred", "preferred")),
                    **availability_values(rng.choice(AVAILABILITY)),
                }
            )
        )
    env["mentoring.mentee"].create(mentee_vals)
    env.cr.commit()
    # Fresh tables have no planner statistics yet; autovacuum would gather them soon.
    env.cr.execute("ANALYZE")
    env.cr.commit()
    print(
        f"Generated {args.mentors:,} mentors and {len(mentee_vals):,} mentees "
        f"in {time.perf_counter() - started:.0f} s (ORM batch create).",
        flush=True,
    )
    return programs


def timed(function, repeat=1):
    """(median seconds, first run seconds, result of the last run)."""
    durations, result = [], None
    for _run in range(repeat):
        started = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), durations[0], result


def naive_mentor(mentor, scoring):
    """A scoring.Mentor read field by field from an ORM record."""
    from odoo.addons.mentoring_matching.tools import criteria, text  # noqa: PLC0415

    return scoring.Mentor(
        id=mentor.id,
        noc=mentor.noc_id.code or "",
        naics=mentor.naics_id.code or "",
        languages=frozenset(mentor.spoken_language_ids.mapped("code")),
        goal_tokens=text.tokenize(
            " ".join(
                filter(
                    None,
                    (
                        mentor.function,
                        mentor.noc_id.search_text,
                        mentor.naics_id.search_text,
                        mentor.professional_networks,
                    ),
                )
            )
        ),
        backgrounds=frozenset(mentor.background_country_ids.mapped("code")),
        place=criteria.Place(
            mentor.service_location_id.id or 0,
            mentor.city or "",
            mentor.state_id.id or 0,
            mentor.partner_latitude or 0.0,
            mentor.partner_longitude or 0.0,
        ),
        years=mentor.years_experience_region,
        max_mentees=mentor.max_mentees,
        free_places=mentor.free_places,
        state=mentor.state,
        slots=mentor.availability_slots,
    )


def naive_mentee(mentee, scoring):
    from odoo.addons.mentoring_matching.tools import criteria, text  # noqa: PLC0415

    return scoring.Mentee(
        id=mentee.id,
        noc=mentee.target_noc_id.code or "",
        naics=mentee.target_naics_id.code or "",
        service_language=mentee.service_language,
        languages=frozenset(mentee.spoken_language_ids.mapped("code")),
        goal_tokens=text.tokenize(mentee.career_objective),
        origin=(mentee.origin_country_id or mentee.education_country_id).code or "",
        background=mentee.match_background,
        place=criteria.Place(
            mentee.service_location_id.id or 0,
            mentee.city or "",
            mentee.state_id.id or 0,
            mentee.partner_latitude or 0.0,
            mentee.partner_longitude or 0.0,
        ),
        proximity=mentee.match_proximity,
        slots=mentee.availability_slots,
        availability=mentee.match_availability,
        program_id=mentee.program_id.id,
    )


def naive_rank(env, mentee, mentors_domain, profile, scoring):
    """The ORM record loop: read every mentor through the ORM, score pair by pair."""
    env.invalidate_all()
    subject = naive_mentee(mentee, scoring)
    scoring_profile = profile._scoring_profile()
    declined = {
        (r.mentee_id.id, r.mentor_id.id)
        for r in env["mentoring.relationship"].search([("mentee_id", "=", mentee.id)])
        if "declined" in (r.mentee_decision, r.mentor_decision)
    }
    pairs = [
        scoring.score_pair(subject, naive_mentor(mentor, scoring), scoring_profile, declined)
        for mentor in env["mentoring.mentor"].search(mentors_domain)
    ]
    return scoring.rank_pairs(pairs)[:10]


def naive_cohort(env, program, profile, scoring, cohort):
    env.invalidate_all()
    scoring_profile = profile._scoring_profile()
    mentees = [
        naive_mentee(mentee, scoring)
        for mentee in env["mentoring.mentee"].search(
            [("state", "=", "ready"), ("program_id", "=", program.id)]
        )
    ]
    mentors = [
        naive_mentor(mentor, scoring)
        for mentor in env["mentoring.mentor"].search(
            [("state", "in", ("available", "active")), ("program_ids", "in", program.ids)]
        )
    ]
    mentors = [mentor for mentor in mentors if mentor.free_places > 0]
    scores = [[0.0] * len(mentors) for _mentee in mentees]
    feasible = [[False] * len(mentors) for _mentee in mentees]
    for row, mentee in enumerate(mentees):
        for column, mentor in enumerate(mentors):
            pair = scoring.score_pair(mentee, mentor, scoring_profile)
            scores[row][column] = pair.score
            feasible[row][column] = pair.excluded is None
    capacities = [mentor.free_places for mentor in mentors]
    return cohort.solve_exact(scores, feasible, capacities)


def main():
    args = parse_args()
    if not args.reuse or not database_exists(args.database):
        if database_exists(args.database):
            sys.exit(f"Database {args.database} exists: drop it, or pass --reuse.")
        create_database(args.database)
        generate_data = True
    else:
        generate_data = False
    env, cr = odoo_env(args.database)
    try:
        from odoo.addons.mentoring_matching.tools import cohort, scoring  # noqa: PLC0415

        rng = random.Random(2026)
        if generate_data:
            programs = generate(env, args, rng)
        else:
            Program = env["mentoring.program"]
            programs = {
                key: Program.search([("name", "=", name)], limit=1)
                for key, name in (
                    ("all", "Benchmark: every mentor"),
                    ("tenth", "Benchmark: a tenth of the mentors"),
                    ("cohort", "Benchmark: cohort"),
                    ("cohort_tenth", "Benchmark: cohort, a tenth"),
                )
            }
        profile = env.ref("mentoring_matching.match_profile_default")
        Matching = env["mentoring.match.ranking"]
        mentee = env["mentoring.mentee"].search(
            [("program_id", "=", programs["cohort"].id), ("service_language", "=", "en")],
            limit=1,
        )
        print(f"\nPeak memory after setup: {peak_mb():.0f} MB\n")
        for label, program, count in (
            ("full size", programs["all"], args.mentors),
            ("a tenth", programs["tenth"], args.mentors // 10),
        ):

            def rank(program=program):
                env.invalidate_all()
                candidates, _excluded = Matching._rank_mentors(
                    mentee, profile, limit=10, program=program
                )
                return candidates

            def rank_naively(program=program):
                domain = [
                    ("state", "in", ("available", "active")),
                    ("program_ids", "in", program.ids),
                ]
                return naive_rank(env, mentee, domain, profile, scoring)

            median, first, candidates = timed(rank, args.repeat)
            naive_median, _first, naive = timed(rank_naively)
            same = [mentor_id for mentor_id, _score, _pair in candidates] == [
                pair.mentor_id for pair in naive
            ]
            print(
                f"rank 1 mentee vs {count:>6,} mentors ({label}): "
                f"{median * 1000:7.1f} ms (median of {args.repeat}; first run "
                f"{first * 1000:.1f} ms); naive ORM loop {naive_median * 1000:8.1f} ms; "
                f"same top 10: {same}",
                flush=True,
            )
        print(f"Peak memory after the rankings: {peak_mb():.0f} MB\n", flush=True)
        for label, program, mentees, mentors in (
            ("full size", programs["cohort"], args.cohort_mentees, args.cohort_mentors),
            (
                "a tenth",
                programs["cohort_tenth"],
                args.cohort_mentees // 10,
                args.cohort_mentors // 10,
            ),
        ):
            env.invalidate_all()
            steps = {}
            result = Matching._match_cohort(program, profile, timings=steps)
            print(
                f"cohort {mentees:,} mentees x {mentors:,} mentors ({label}): total "
                f"{sum(steps.values()):.2f} s = "
                + ", ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items())
            )
            print(
                f"    best total {result['exact_total']:,.1f} for {len(result['pairs'])} "
                f"pairs; greedy {result['greedy_total']:,.1f} for {result['greedy_count']} "
                f"pairs; unmatched {len(result['unmatched'])}; "
                f"peak memory {peak_mb():.0f} MB",
                flush=True,
            )
            env.invalidate_all()
            started = time.perf_counter()
            wizard = env["mentoring.cohort.wizard"].browse(program.action_match_cohort()["res_id"])
            print(
                f"    through the wizard (solve, then {len(wizard.line_ids):,} explained lines "
                f"created with the ORM): {time.perf_counter() - started:.2f} s",
                flush=True,
            )
            if label == "full size" and args.skip_naive_full_cohort:
                print("    naive ORM loop: skipped (--skip-naive-full-cohort)")
                continue
            naive_median, _first, naive_pairs = timed(
                lambda program=program: naive_cohort(env, program, profile, scoring, cohort)
            )
            print(
                f"    naive ORM loop + score_pair per pair + exact solve: {naive_median:.2f} s "
                f"({len(naive_pairs)} pairs); peak memory {peak_mb():.0f} MB",
                flush=True,
            )
        print(f"\nPeak memory of the process: {peak_mb():.0f} MB (Odoo registry included)")
    finally:
        cr.rollback()
        cr.close()
        if not args.keep:
            from odoo.service import db  # noqa: PLC0415

            db.exp_drop(args.database)
            print(f"Dropped {args.database}.")


if __name__ == "__main__":
    main()
