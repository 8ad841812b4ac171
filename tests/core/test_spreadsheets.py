import csv
import io

from openpyxl import load_workbook

from core.spreadsheets import sections_response

SECTIONS = [
    ("Withdrawal reasons", ["Reason", "Count"], [['=HYPERLINK("x")', 3], ["Moved away", 1]]),
    ("By month", ["Month", "Enquiries"], [["2026-10", 12]]),
]


def test_an_xlsx_report_has_a_sheet_per_section_and_no_live_formulas():
    response = sections_response(SECTIONS, "xlsx", "report")
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Withdrawal reasons", "By month"]
    assert workbook["Withdrawal reasons"]["A2"].value == '\'=HYPERLINK("x")'
    assert workbook["By month"]["B2"].value == 12


def test_a_csv_report_stacks_the_sections_under_their_titles():
    response = sections_response(SECTIONS, "csv", "report")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Withdrawal reasons"]
    assert rows[2][0].startswith("'=")
    assert ["By month"] in rows
