"""Pages anyone may see: a session, a programme, and a person's calendar feed (by token)."""

from datetime import timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.booking import ACTIVE, BookingStatus

from ..ics import feed_ics
from ..models import Booking, Programme, TrainingSession
from ..services.booking import missing_prerequisites, sessions_with_places, staff_profile
from ..services.calendar import feed_token, user_for_token

__all__ = ["calendar_feed", "feed_token", "programme_detail", "session_detail"]


def session_detail(request, pk):
    session = get_object_or_404(
        sessions_with_places(TrainingSession.objects.select_related("course", "trainer")), pk=pk
    )
    if not session.course.live:
        raise Http404
    my_booking = None
    missing = []
    if request.user.is_authenticated:
        my_booking = Booking.objects.filter(
            session=session, user=request.user, status__in=ACTIVE
        ).first()
        missing = missing_prerequisites(request.user, session.course)
    context = {
        "session": session,
        "course": session.course,
        "left": max(session.capacity - session.taken, 0),
        "problem": session.booking_problem(),
        "my_booking": my_booking,
        "is_staff": staff_profile(request.user) is not None,
        "missing": missing,
    }
    return render(request, "academy/session_detail.html", context)


def programme_detail(request, slug):
    programme = get_object_or_404(Programme, slug=slug, is_active=True)
    steps = programme.steps.select_related("course").order_by("sort_order")
    return render(
        request, "academy/programme_detail.html", {"programme": programme, "steps": steps}
    )


def calendar_feed(request, token):
    user = user_for_token(token)
    if user is None:
        raise Http404
    bookings = (
        Booking.objects.filter(
            user=user,
            status__in=ACTIVE - {BookingStatus.WAITLISTED} | {BookingStatus.ATTENDED},
            session__starts_at__gte=timezone.now() - timedelta(days=90),
        )
        .select_related("session__course", "session__trainer", "user")
        .order_by("session__starts_at")
    )
    response = HttpResponse(feed_ics(user, bookings), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
