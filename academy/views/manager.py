"""Line managers: approve or decline their team's bookings; see bookings and completions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.models import StaffProfile
from core.booking import ACTIVE, BookingError, BookingStatus
from core.models import AccessLogEntry

from ..forms import DecisionForm
from ..models import Completion
from ..permissions import team_bookings
from ..services import booking as service
from ..services.compliance import people_summaries
from .common import permission_needed

manager_required = permission_needed("academy.approve_booking")


@manager_required
def team(request):
    bookings = team_bookings(request.user).select_related("user", "session__course")
    now = timezone.now()
    reports = StaffProfile.objects.current(timezone.localdate()).filter(line_manager=request.user)
    return render(
        request,
        "academy/team.html",
        {
            "mandatory": list(
                people_summaries(
                    reports.select_related("user").order_by("user__last_name", "user__first_name")
                )
            ),
            "pending": bookings.filter(status=BookingStatus.PENDING_APPROVAL).order_by(
                "session__starts_at"
            ),
            "upcoming": bookings.filter(
                status__in=ACTIVE - {BookingStatus.PENDING_APPROVAL}, session__starts_at__gt=now
            ).order_by("session__starts_at"),
            "completions": Completion.objects.filter(user__staff_profile__line_manager=request.user)
            .select_related("user", "course")
            .order_by("-completed_on")[:100],
        },
    )


@manager_required
def decide(request, pk):
    booking = get_object_or_404(
        team_bookings(request.user).select_related("user", "session__course"), pk=pk
    )
    AccessLogEntry.record(request.user, booking)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "approve":
                service.approve(booking, request.user)
                messages.success(request, f"You approved {booking.user}'s place.")
            else:
                service.refuse(booking, request.user, note=form.cleaned_data["note"])
                messages.success(request, f"You declined {booking.user}'s booking.")
        except BookingError as error:
            messages.error(request, error.message)
        return redirect("academy:team")
    return render(
        request,
        "academy/decide.html",
        {"booking": booking, "session": booking.session, "form": form},
    )
