#!/usr/bin/env python3
"""Write the spreadsheets staff start from to import mentees and mentors.

    python3 tools/make_import_templates.py     # needs xlsxwriter (one of Odoo's requirements)

Odoo offers them under *Import records* of the mentee and mentor lists
(``get_import_templates``). Headers are the fields' English labels, which Odoo's import
matches in every language; occupation and industry are NOC 2021 and NAICS Canada 2022
codes, kept as text so that a code such as ``00010`` keeps its zeros; languages spoken are
ISO codes; selections take their English label or their value.
"""

import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "addons" / "mentoring_base" / "static" / "xls"
# Columns holding codes: written and formatted as text.
CODE_HEADERS = {"Target occupation (NOC)", "Target industry (NAICS)"} | {
    "Occupation (NOC)",
    "Industry (NAICS)",
}
CONSENT_DATE = datetime.date(2025, 9, 15)

# file name -> (headers, rows). A header is (label, technical name of the field it fills).
TEMPLATES = {
    "mentoring_mentee_import_template.xlsx": (
        (
            ("Name", "name"),
            ("Email", "email"),
            ("Phone", "phone"),
            ("City", "city"),
            ("Target occupation (NOC)", "target_noc_id"),
            ("Target industry (NAICS)", "target_naics_id"),
            ("Career objective", "career_objective"),
            ("Preferred service language", "service_language"),
            ("Languages spoken", "spoken_language_ids"),
            ("Immigration status", "immigration_status"),
            ("Country of education", "education_country_id"),
            ("Level of education", "education_level"),
            ("CLB listening", "clb_listening"),
            ("CLB speaking", "clb_speaking"),
            ("CLB reading", "clb_reading"),
            ("CLB writing", "clb_writing"),
            ("Job search workshop completed", "job_search_workshop"),
            ("Consents to share information with partner agencies", "consent_share"),
            ("Consent date", "consent_date"),
        ),
        (
            (
                "Amina Okafor",
                "amina.okafor@example.com",
                "+1 613-555-0142",
                "Ottawa",
                "21231",
                "541514",
                "Software engineer in a product team, as in Lagos for eight years.",
                "English",
                "en,fr",
                "Landed immigrant / permanent resident",
                "NG",
                "Master's degree",
                7,
                7,
                8,
                7,
                "yes",
                "yes",
                CONSENT_DATE,
            ),
            (
                "Jean-Baptiste Mukendi",
                "jb.mukendi@example.com",
                "+1 819-555-0187",
                "Gatineau",
                "11100",
                "541212",
                "Comptable agréé, comme à Kinshasa pendant dix ans.",
                "French",
                "fr,en",
                "Convention refugee / protected person",
                "CD",
                "Bachelor's degree",
                8,
                7,
                8,
                6,
                "yes",
                "yes",
                CONSENT_DATE,
            ),
        ),
    ),
    "mentoring_mentor_import_template.xlsx": (
        (
            ("Name", "name"),
            ("Email", "email"),
            ("Phone", "phone"),
            ("City", "city"),
            ("Language", "lang"),
            ("Occupation (NOC)", "noc_id"),
            ("Industry (NAICS)", "naics_id"),
            ("Years of experience in the region", "years_experience_region"),
            ("Maximum concurrent mentees", "max_mentees"),
            ("Commitment (months)", "commitment_months"),
            ("Languages spoken", "spoken_language_ids"),
            ("Recruitment source", "recruitment_source"),
            ("Professional networks", "professional_networks"),
            ("Motivation", "motivation"),
        ),
        (
            (
                "Claire Tremblay",
                "claire.tremblay@example.com",
                "+1 613-555-0199",
                "Ottawa",
                "fr_CA",
                "21231",
                "541514",
                12,
                2,
                6,
                "fr,en",
                "Individual",
                "Ordre des ingénieurs du Québec",
                "J'ai été nouvelle arrivante moi aussi.",
            ),
            (
                "David Chen",
                "david.chen@example.com",
                "+1 613-555-0123",
                "Kanata",
                "en_US",
                "11100",
                "541212",
                8,
                1,
                3,
                "en",
                "Corporate partner",
                "CPA Ontario",
                "Give back what my own mentor gave me.",
            ),
        ),
    ),
}


def write(path, headers, rows):
    import xlsxwriter  # noqa: PLC0415

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    # Fixed properties: the same columns give the same file.
    workbook.set_properties({"created": datetime.datetime(2025, 1, 1)})
    sheet = workbook.add_worksheet("Import")
    bold = workbook.add_format({"bold": True})
    text = workbook.add_format({"num_format": "@"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, (label, _field) in enumerate(headers):
        sheet.write_string(0, col, label, bold)
        width = max(len(label), *(len(str(row[col])) for row in rows))
        cell_format = text if label in CODE_HEADERS else None
        sheet.set_column(col, col, min(width + 2, 45), cell_format)
        for row_index, row in enumerate(rows, 1):
            value = row[col]
            if isinstance(value, datetime.date):
                sheet.write_datetime(
                    row_index, col, datetime.datetime.combine(value, datetime.time()), date
                )
            elif isinstance(value, str):
                sheet.write_string(row_index, col, value, cell_format)
            else:
                sheet.write_number(row_index, col, value)
    sheet.freeze_panes(1, 0)
    workbook.close()


def main():
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, (headers, rows) in TEMPLATES.items():
        write(FOLDER / name, headers, rows)
        print(f"wrote {(FOLDER / name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
