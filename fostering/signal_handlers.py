from allauth.account.signals import email_confirmed, user_logged_in
from django.dispatch import receiver


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
