"""CSV and XLSX downloads for staff reports, written once for every app.

A report is a list of sections `(title, header, rows)`. In XLSX each section is a sheet;
in CSV the sections follow one another, each under its title. Every text cell is guarded
against spreadsheet formula injection (a name typed as "=HYPERLINK(…)" stays text).
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Stop spreadsheet programs running text that looks like a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def sections_response(sections, fmt: str, filename_stem: str) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        for title, header, rows in sections:
            sheet = workbook.create_sheet(title[:31])
            sheet.append(list(header))
            for row in rows:
                sheet.append([safe_cell(value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    else:
        fmt = "csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for title, header, rows in sections:
            writer.writerow([title])
            writer.writerow(header)
            writer.writerows([safe_cell(value) for value in row] for row in rows)
            writer.writerow([])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename_stem}-{stamp}.{fmt}"'
    return response
