"""Trainers: their sessions and the attendance register."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.booking import BookingError

from ..forms import RegisterForm
from ..models import TrainingSession
from ..permissions import registers_for
from ..services.attendance import mark_register, register_bookings
from ..services.booking import can_take_register, sessions_with_places
from .common import permission_needed

trainer_required = permission_needed("academy.take_register")


@trainer_required
def my_sessions(request):
    now = timezone.now()
    sessions = sessions_with_places(registers_for(request.user).select_related("course"))
    return render(
        request,
        "academy/trainer_sessions.html",
        {
            "recent": sessions.filter(
                starts_at__lte=now, starts_at__gte=now - timedelta(days=60)
            ).order_by("-starts_at")[:50],
            "upcoming": sessions.filter(starts_at__gt=now).order_by("starts_at")[:50],
        },
    )


@trainer_required
def register(request, pk):
    session = get_object_or_404(TrainingSession.objects.select_related("course", "trainer"), pk=pk)
    if not can_take_register(request.user, session):
        raise PermissionDenied(
            "Only the trainer running this session, or an L&D lead, can take its register."
        )
    bookings = register_bookings(session)
    form = RegisterForm(bookings, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            changed = mark_register(session, request.user, form.marks())
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Register saved: {changed} change(s) recorded.")
        return redirect("academy:register", pk=session.pk)
    return render(
        request,
        "academy/register.html",
        {
            "session": session,
            "form": form,
            "started": session.starts_at <= timezone.now(),
        },
    )
