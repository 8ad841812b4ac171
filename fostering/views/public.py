"""Public pages: information events, booking and cancelling, the enquiry form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.booking import BookingError, BookingStatus, with_places_taken

from ..application_services import check_progress
from ..clocks import case_clocks
from ..forms import CanIFosterForm, EnquiryForm, EventBookingForm
from ..models import FosteringRules, InformationEvent
from ..permissions import own_cases
from ..pipeline import CLOSED
from ..services import (
    book_information_event,
    booking_from_token,
    booking_token,
    cancel_event_booking,
    is_retired_link,
    link_cases_for_user,
    next_event_with_places,
    submit_enquiry,
)


def event_list(request):
    now = timezone.now()
    events = list(
        with_places_taken(
            InformationEvent.objects.filter(is_cancelled=False, starts_at__gt=now)
        ).order_by("starts_at")
    )
    return render(request, "fostering/public/event_list.html", {"events": events})


def event_detail(request, pk):
    event = get_object_or_404(InformationEvent, pk=pk)
    now = timezone.now()
    problem = event.booking_problem(now)
    full = problem is None and event.places_left() == 0
    form = EventBookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                booking = book_information_event(event, **form.cleaned_data, now=now)
        except BookingError as error:
            problem = _event_message(error.message)
            full = "full" in error.message
        else:
            messages.success(
                request,
                f"Your place is booked. We have sent a confirmation to {booking.email}.",
            )
            return redirect("fostering:manage_booking", token=booking_token(booking))
    alternative = next_event_with_places(event, now=now) if (problem or full) else None
    return render(
        request,
        "fostering/public/event_detail.html",
        {
            "event": event,
            "form": form,
            "problem": problem,
            "full": full,
            "alternative": alternative,
        },
    )


def _event_message(message):
    # The engine's messages speak of "sessions"; the public reads "event".
    return message.replace("this session", "this event").replace("This session", "This event")


def manage_booking(request, token):
    booking = booking_from_token(token)
    if booking is None:
        return render(
            request,
            "fostering/public/bad_link.html",
            {"retired": is_retired_link(token)},
            status=400,
        )
    if request.method == "POST":
        try:
            cancel_event_booking(booking)
        except BookingError as error:
            messages.error(request, _event_message(error.message))
        else:
            messages.success(request, "Your place has been cancelled. Thank you for telling us.")
        return redirect("fostering:manage_booking", token=token)
    booking.refresh_from_db()
    return render(
        request,
        "fostering/public/manage_booking.html",
        {
            "booking": booking,
            "event": booking.session,
            "active": booking.status == BookingStatus.CONFIRMED,
            "upcoming": booking.session.starts_at > timezone.now(),
        },
    )


def can_i_foster(request):
    """A short, optional check before enquiring. It never turns anyone away, and keeps
    nothing: the answers travel in the address and are explained on the same page."""
    # "asked" marks a sent form, so sending it with nothing chosen shows the errors.
    form = CanIFosterForm(request.GET or None)
    explanations = form.explanations() if form.is_valid() else []
    return render(
        request,
        "fostering/public/can_i_foster.html",
        {"form": form, "explanations": explanations},
    )


def enquiry(request):
    form = EnquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case, merged = submit_enquiry(form.cleaned_data)
        request.session["fostering_enquiry"] = {"reference": case.reference, "merged": merged}
        return redirect("fostering:enquiry_sent")
    return render(request, "fostering/public/enquiry.html", {"form": form})


def enquiry_sent(request):
    sent = request.session.get("fostering_enquiry")
    if not sent:
        return redirect("fostering:enquiry")
    return render(
        request,
        "fostering/public/enquiry_sent.html",
        {"sent": sent, "rules": FosteringRules.load()},
    )


@login_required
def my_cases(request):
    link_cases_for_user(request.user)
    cases = list(own_cases(request.user).order_by("-enquired_at"))
    if len(cases) == 1:
        return redirect("fostering:my_case", reference=cases[0].reference)
    return render(request, "fostering/public/my_cases.html", {"cases": cases})


@login_required
def my_case(request, reference):
    case = get_object_or_404(own_cases(request.user), reference=reference)
    bookings = case.training_bookings.select_related("session").exclude(
        status__in=[BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.EXPIRED]
    )
    stage_two_clock = next(
        (c for c in case_clocks(case) if c.key == "stage_two_decision" and not c.met_on), None
    )
    return render(
        request,
        "fostering/public/my_case.html",
        {
            "case": case,
            "journey": case.journey(),
            "bookings": bookings,
            "application": getattr(case, "application", None),
            "check_progress": check_progress(case) if case.stage not in CLOSED else [],
            "stage_two_due": stage_two_clock.due if stage_two_clock else None,
        },
    )
