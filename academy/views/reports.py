"""L&D reports with CSV and XLSX export; very large exports are built in the background."""

import datetime

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.forms import GovukDateField

from ..models import ReportExport
from ..reports import GROUPINGS, REPORTS, spreadsheet_response
from .common import permission_needed

reports_required = permission_needed("academy.view_reports")

# Above this many sessions an XLSX is built by a Celery task rather than in the request.
BACKGROUND_THRESHOLD = 5000


class ReportFilterForm(forms.Form):
    start = GovukDateField(label="From", required=False)
    end = GovukDateField(label="To", required=False)
    group = forms.ChoiceField(label="Group by", choices=GROUPINGS.items(), required=False)


def _params(report, data):
    if report == "compliance":
        return {"group_by": data.get("group") or "team"}
    return {"start": data.get("start"), "end": data.get("end")}


@reports_required
def report(request, report="courses"):
    if report not in REPORTS:
        raise Http404
    rows_for, headings, title = REPORTS[report]
    form = ReportFilterForm(request.GET or None)
    if report != "compliance":
        del form.fields["group"]
    else:
        del form.fields["start"]
        del form.fields["end"]
    data = form.cleaned_data if form.is_valid() else {}
    params = _params(report, data)
    fmt = request.GET.get("export")
    if fmt in {"csv", "xlsx"}:
        if fmt == "xlsx" and report == "sessions" and _session_count(params) > BACKGROUND_THRESHOLD:
            return _queue_export(request, report, params)
        return spreadsheet_response(rows_for(**params), headings, fmt, f"academy-{report}")
    query = request.GET.copy()
    query.pop("export", None)
    return render(
        request,
        "academy/reports.html",
        {
            "report": report,
            "title": title,
            "form": form,
            "headings": headings,
            "rows": list(rows_for(**params))[:500],
            "query": query.urlencode(),
            "exports": ReportExport.objects.filter(requested_by=request.user)[:5],
            "tabs": [(key, value[2]) for key, value in REPORTS.items()],
        },
    )


def _session_count(params):
    from ..models import TrainingSession

    sessions = TrainingSession.objects.all()
    if params.get("start"):
        sessions = sessions.filter(starts_at__date__gte=params["start"])
    if params.get("end"):
        sessions = sessions.filter(starts_at__date__lte=params["end"])
    return sessions.count()


def _queue_export(request, report, params):
    from ..tasks import build_report_export

    export = ReportExport.objects.create(
        requested_by=request.user,
        report=report,
        params={k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in params.items()},
    )
    build_report_export.delay(export.pk)
    messages.success(
        request,
        "This spreadsheet is large, so we are building it in the background. It will be "
        "listed under “Your recent exports” on this page when it is ready.",
    )
    return redirect("academy:report", report=report)


@reports_required
def download_export(request, pk):
    export = get_object_or_404(ReportExport, pk=pk, requested_by=request.user)
    if not export.file:
        messages.error(request, "This export is still being built. Try again in a minute.")
        return redirect("academy:report", report=export.report)
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"academy-{export.report}-{timezone.localtime(export.requested_at):%Y-%m-%d}.xlsx",
    )
