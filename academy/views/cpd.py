"""A staff member's CPD record, in Social Work England's shape, with a CSV export."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.spreadsheets import table_response

from ..forms import CpdEntryForm
from ..models import AcademySettings, CpdEntry, registration_year
from .common import permission_needed

cpd_required = permission_needed("academy.view_cpdentry")


def year_summary(user, on=None):
    rules = AcademySettings.load()
    start, end = registration_year(on or timezone.localdate(), rules)
    entries = list(
        CpdEntry.objects.filter(user=user, activity_date__range=(start, end)).exclude(
            status=CpdEntry.Status.DRAFT
        )
    )
    peer = sum(1 for e in entries if e.is_peer_reflected)
    return {
        "start": start,
        "end": end,
        "ready": len(entries),
        "peer": peer,
        "needed": rules.cpd_minimum_entries,
        "peer_needed": rules.cpd_minimum_peer_reflected,
        "met": len(entries) >= rules.cpd_minimum_entries
        and peer >= rules.cpd_minimum_peer_reflected,
        "renewal_opens": start.replace(
            year=end.year, month=rules.cpd_renewal_opens_month, day=rules.cpd_renewal_opens_day
        ),
    }


@cpd_required
def cpd_list(request):
    entries = CpdEntry.objects.filter(user=request.user)
    return render(
        request,
        "academy/cpd_list.html",
        {"entries": entries, "summary": year_summary(request.user)},
    )


@cpd_required
def cpd_add(request):
    form = CpdEntryForm(request.POST or None, initial={"activity_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.user = request.user
        entry.save()
        messages.success(request, f"CPD entry “{entry.title}” saved.")
        return redirect("academy:cpd")
    return render(request, "academy/cpd_form.html", {"form": form, "entry": None})


@cpd_required
def cpd_edit(request, pk):
    entry = get_object_or_404(CpdEntry, pk=pk, user=request.user)
    form = CpdEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"CPD entry “{entry.title}” saved.")
        return redirect("academy:cpd")
    return render(request, "academy/cpd_form.html", {"form": form, "entry": entry})


@cpd_required
def cpd_export(request):
    header = [
        "Date",
        "Title",
        "Type of CPD",
        "Description and relevance",
        "What I learnt",
        "Impact on my practice and on people",
        "Reflection with a peer",
        "Status",
    ]
    rows = (
        [
            entry.activity_date.isoformat(),
            entry.title,
            entry.get_cpd_type_display(),
            entry.description,
            entry.learning,
            entry.impact,
            entry.peer_reflection,
            entry.get_status_display(),
        ]
        for entry in CpdEntry.objects.filter(user=request.user).order_by("activity_date")
    )
    return table_response(header, rows, "csv", "my-cpd")
