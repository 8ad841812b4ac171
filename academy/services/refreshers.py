"""Refreshers: telling people (and, for mandatory training, their line managers) as a
certificate nears its expiry, with a link that takes them straight to renewing it."""

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from core.notifications import absolute_url, notify

from ..models import AcademySettings, Certificate
from .booking import upcoming_sessions_for


def certificates_in_force():
    """Each person's latest certificate per course: an older one was renewed already."""
    newer = Certificate.objects.filter(
        user=OuterRef("user"), course=OuterRef("course"), completed_on__gt=OuterRef("completed_on")
    )
    return Certificate.objects.filter(expires_on__isnull=False).exclude(Exists(newer))


def milestone_reached(days_left: int, milestones: list[int]) -> int | None:
    """The nearest milestone the certificate has reached (so after an outage only the most
    recent reminder goes, not every one missed), or None."""
    reached = [m for m in milestones if 0 <= days_left <= m]
    return min(reached) if reached else None


def is_mandatory_for(course, profile) -> bool:
    return profile is not None and any(
        rule.applies_to(profile) for rule in course.mandatory_rules.all()
    )


def send_expiry_reminders(today: datetime.date | None = None) -> int:
    """Send every expiry reminder due today, each once: to the learner, and for mandatory
    training to their line manager too. Returns how many e-mails were recorded."""
    today = today or timezone.localdate()
    milestones = AcademySettings.load().expiry_reminder_day_list()
    if not milestones:
        return 0
    due = (
        certificates_in_force()
        .filter(expires_on__gte=today, expires_on__lte=today + datetime.timedelta(max(milestones)))
        .select_related("user__staff_profile__line_manager", "course")
        .prefetch_related("course__mandatory_rules")
    )
    sent = 0
    for certificate in due:
        user = certificate.user
        if not user.is_active:
            continue
        milestone = milestone_reached((certificate.expires_on - today).days, milestones)
        if milestone is None:
            continue
        context = {
            "certificate": certificate,
            "person": user,
            "days_left": milestone,
            "renew_url": absolute_url(reverse("academy:renew", args=[certificate.pk])),
        }
        key = f"academy.certificate-expiry:{certificate.pk}:{milestone}"
        if notify(
            f"{key}:learner",
            to=user.email,
            template="academy/email/certificate_expiry",
            context=context,
        ):
            sent += 1
        profile = getattr(user, "staff_profile", None)
        manager = profile.line_manager if profile else None
        if manager and manager.is_active and is_mandatory_for(certificate.course, profile):
            context = {**context, "team_url": absolute_url(reverse("academy:team"))}
            if notify(
                f"{key}:manager",
                to=manager.email,
                template="academy/email/certificate_expiry_manager",
                context=context,
            ):
                sent += 1
    return sent


def renewal_destination(certificate, user) -> tuple[str, str | None]:
    """Where the one-step renewal link goes: the first module of e-learning, or the
    booking of the next session with a place (else the next open one, to join its waiting
    list). Returns (address, a message to show, if any)."""
    course = certificate.course.specific
    if course.is_e_learning and course.modules:
        return course.modules[0].url, None
    sessions = [s for s in upcoming_sessions_for(course, user) if s.problem is None]
    mine = next((s for s in sessions if s.my_booking), None)
    if mine is not None:
        return reverse("academy:booking", args=[mine.my_booking.pk]), (
            f"You already have a place on {course.title}."
        )
    session = next((s for s in sessions if s.left), None) or (sessions[0] if sessions else None)
    if session is None:
        return course.url, (
            f"There is no session of {course.title} open for booking yet. We will list new "
            "dates on this page."
        )
    return reverse("academy:book", args=[session.pk]), None
