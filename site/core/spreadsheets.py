"""Every CSV and XLSX the portal writes, written here.

The portal's own downloads (staff reports, the academy's figures and background exports,
a person's CPD record) call `write_csv`, `write_xlsx` or the response helpers; the Wagtail
admin's exports pass through `safe_cell` by way of `core.viewsets.SafeSpreadsheetExportMixin`.
So every text cell is guarded against spreadsheet formula injection in one place: a name
typed as "=HYPERLINK(…)" or a phone number "+44 =2+5" reaches Excel as text (OWASP's
CSV injection guidance: cells beginning with =, +, -, @, tab or carriage return).

A report is a list of sections `(title, header, rows)`. In XLSX each section is a sheet;
in CSV the sections follow one another, each under its title.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Stop spreadsheet programs running text that looks like a formula."""
    if isinstance(value, str) and value[:1] in FORMULA_TRIGGERS:
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(value) for value in row]


def write_csv(stream, header, rows) -> int:
    """Write one table to a text stream; returns how many rows (header excluded)."""
    writer = csv.writer(stream)
    writer.writerow(safe_row(header))
    count = 0
    for row in rows:
        writer.writerow(safe_row(row))
        count += 1
    return count


def write_xlsx(stream, sheets) -> int:
    """Write `(title, header, rows)` sheets to a binary stream; returns the row count."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    count = 0
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(str(title)[:31])
        sheet.append(safe_row(header))
        for row in rows:
            sheet.append(safe_row(row))
            count += 1
    workbook.save(stream)
    return count


def _attachment(response, filename_stem, fmt):
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{filename_stem}-{stamp}.{fmt}"'
    return response


def sections_response(sections, fmt: str, filename_stem: str) -> HttpResponse:
    """A download of several tables: one sheet each in XLSX, one after another in CSV."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(buffer, sections)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
        return _attachment(response, filename_stem, "xlsx")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for title, header, rows in sections:
        writer.writerow([title])
        write_csv(buffer, header, rows)
        writer.writerow([])
    response = HttpResponse(buffer.getvalue(), content_type=CSV_CONTENT_TYPE)
    return _attachment(response, filename_stem, "csv")


def table_response(header, rows, fmt: str, filename_stem: str, title="Report") -> HttpResponse:
    """A download of one table (CSV unless `fmt` is "xlsx")."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(buffer, [(title, header, rows)])
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
        return _attachment(response, filename_stem, "xlsx")
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    write_csv(response, header, rows)
    return _attachment(response, filename_stem, "csv")
