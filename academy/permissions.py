"""Row-level rules: which bookings and sessions a person may see or act on."""

from django.db.models import Q

from accounts.roles import Role

from .models import Booking, TrainingSession


def team_bookings(manager):
    """Bookings of the manager's direct reports."""
    return Booking.objects.filter(user__staff_profile__line_manager=manager)


def registers_for(user):
    """Sessions whose register this person may take."""
    if user.is_superuser or user.has_role(Role.LD_LEAD):
        return TrainingSession.objects.all()
    return TrainingSession.objects.filter(Q(trainer=user))


def is_ld_lead(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_role(Role.LD_LEAD))
