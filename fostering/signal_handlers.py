from allauth.account.signals import email_confirmed, user_logged_in
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .signals import (
    application_invited,
    application_submitted,
    enquiry_received,
    event_place_booked,
    joint_applicant_invited,
)


@receiver(email_confirmed)
def link_cases_on_confirmation(sender, request=None, email_address=None, **kwargs):
    """Once someone proves they own an e-mail address, show them the cases made with it."""
    from .services import link_cases_for_user

    if email_address is not None:
        link_cases_for_user(email_address.user)


@receiver(user_logged_in)
def link_cases_on_sign_in(sender, request=None, user=None, **kwargs):
    from .services import link_cases_for_user

    if user is not None:
        link_cases_for_user(user)


@receiver(post_save, sender="fostering.InformationEvent")
def tell_bookers_of_a_cancelled_event(sender, instance, **kwargs):
    """When the team cancels an event (in the admin), everyone with a place hears at once.

    The task only writes to places still confirmed, and cancels each as it goes, so saving
    the cancelled event again sends nothing twice."""
    from .tasks import send_event_cancellations

    if instance.is_cancelled:
        transaction.on_commit(lambda: send_event_cancellations.delay(instance.pk))


@receiver(enquiry_received)
def acknowledge_enquiry(sender, case, merged=False, **kwargs):
    from .tasks import send_enquiry_acknowledgement

    send_enquiry_acknowledgement.delay(case.pk, merged)


@receiver(event_place_booked)
def confirm_event_place(sender, booking, **kwargs):
    from .tasks import send_event_confirmation

    send_event_confirmation.delay(booking.pk)


@receiver(application_invited)
def send_invitation_to_apply(sender, application, **kwargs):
    from .tasks import send_application_invitation

    send_application_invitation.delay(application.pk)


@receiver(joint_applicant_invited)
def send_joint_applicant_invitation(sender, applicant, **kwargs):
    from .tasks import send_joint_invitation

    send_joint_invitation.delay(applicant.pk)


@receiver(application_submitted)
def acknowledge_application_and_ask_referees(sender, application, requests=(), **kwargs):
    from .tasks import send_application_received, send_reference_request

    send_application_received.delay(application.pk)
    for request in requests:
        send_reference_request.delay(request.pk)
