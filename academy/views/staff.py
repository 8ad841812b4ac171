"""A staff member's own training: book, see, cancel, answer offers, e-learning progress."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.booking import ACTIVE, BookingError, BookingStatus

from ..forms import OfferResponseForm
from ..ics import booking_ics
from ..models import AcademySettings, Booking, Certificate, Completion, TrainingSession
from ..services import booking as service
from ..services.calendar import reset_feed
from ..services.compliance import mandatory_items
from ..services.enrolment import programme_plan
from .common import staff_required
from .public import feed_token


@staff_required
def book(request, pk):
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    if request.method == "POST":
        try:
            booking = service.book(request.user, session)
        except BookingError as error:
            messages.error(request, error.message)
            return redirect("academy:session", pk=session.pk)
        messages.success(request, _booked_message(booking))
        return redirect("academy:booking", pk=booking.pk)
    left = session.places_left()
    return render(
        request,
        "academy/book_confirm.html",
        {
            "session": session,
            "course": session.course,
            "left": left,
            "problem": session.booking_problem(),
            "missing": service.missing_prerequisites(request.user, session.course),
        },
    )


def _booked_message(booking):
    return {
        BookingStatus.CONFIRMED: "Your place is booked. We have e-mailed you the details "
        "with a calendar file.",
        BookingStatus.PENDING_APPROVAL: "We are holding a place for you while your line "
        "manager approves it.",
        BookingStatus.WAITLISTED: "The session is full, so you are on the waiting list. "
        "We will e-mail you if a place frees up.",
    }.get(booking.status, "Booking saved.")


@staff_required
def my_training(request):
    now = timezone.now()
    bookings = Booking.objects.filter(user=request.user).select_related("session__course")
    upcoming = bookings.filter(status__in=ACTIVE, session__starts_at__gt=now).order_by(
        "session__starts_at"
    )
    offers = [b for b in upcoming if b.status == BookingStatus.OFFERED]
    past = bookings.filter(session__starts_at__lte=now).order_by("-session__starts_at")[:20]
    completions = Completion.objects.filter(user=request.user).select_related("course")[:50]
    certificates = Certificate.objects.filter(user=request.user)[:50]
    plans = [
        (enrolment, programme_plan(enrolment))
        for enrolment in request.user.academy_enrolments.select_related("programme")
    ]
    profile = service.staff_profile(request.user)
    return render(
        request,
        "academy/my_training.html",
        {
            "mandatory": mandatory_items(profile) if profile else [],
            "upcoming": upcoming,
            "offers": offers,
            "past": past,
            "completions": completions,
            "certificates": certificates,
            "today": timezone.localdate(),
            "plans": plans,
            "feed_url": request.build_absolute_uri(
                reverse("academy:calendar_feed", args=[feed_token(request.user)])
            ),
        },
    )


def _own_booking(request, pk):
    return get_object_or_404(
        Booking.objects.select_related("session__course", "session__trainer"),
        pk=pk,
        user=request.user,
    )


@staff_required
def booking_detail(request, pk):
    booking = _own_booking(request, pk)
    session = booking.session
    cutoff_hours = AcademySettings.load().cancellation_cutoff_hours
    can_cancel = booking.status in ACTIVE - {
        BookingStatus.ATTENDED,
        BookingStatus.NO_SHOW,
    } and (
        booking.status == BookingStatus.WAITLISTED
        or timezone.now() <= session.starts_at - timedelta(hours=cutoff_hours)
    )
    return render(
        request,
        "academy/booking_detail.html",
        {
            "booking": booking,
            "session": session,
            "course": session.course,
            "can_cancel": can_cancel,
            "cutoff_hours": cutoff_hours,
            "offer_form": OfferResponseForm(),
        },
    )


@staff_required
def cancel(request, pk):
    booking = _own_booking(request, pk)
    if request.method == "POST":
        try:
            service.cancel(booking, request.user)
        except BookingError as error:
            messages.error(request, error.message)
            return redirect("academy:booking", pk=booking.pk)
        messages.success(request, f"Your booking for {booking.session.course.title} is cancelled.")
        return redirect("academy:my_training")
    return render(
        request, "academy/cancel_confirm.html", {"booking": booking, "session": booking.session}
    )


@staff_required
def respond_offer(request, pk):
    booking = _own_booking(request, pk)
    form = OfferResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["response"] == "accept":
                service.accept(booking, request.user)
                messages.success(request, "The place is yours. We have e-mailed the details.")
            else:
                service.decline(booking, request.user)
                messages.success(request, "Thank you: the place will go to the next person.")
        except BookingError as error:
            messages.error(request, error.message)
        return redirect("academy:booking", pk=booking.pk)
    if booking.status != BookingStatus.OFFERED:
        messages.error(request, "This offer is no longer open.")
        return redirect("academy:booking", pk=booking.pk)
    return render(
        request,
        "academy/offer_respond.html",
        {"booking": booking, "session": booking.session, "form": form},
    )


@staff_required
def booking_calendar(request, pk):
    booking = _own_booking(request, pk)
    if booking.status not in ACTIVE:
        raise Http404
    response = HttpResponse(booking_ics(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="training-{booking.session_id}.ics"'
    return response


@staff_required
@require_POST
def reset_calendar_feed(request):
    reset_feed(request.user)
    messages.success(
        request,
        "Your calendar address has changed and the old one no longer works. Subscribe to "
        "the new address below in your calendar app.",
    )
    return redirect(reverse("academy:my_training") + "#calendar-feed")
