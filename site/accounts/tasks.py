from datetime import timedelta

from celery import shared_task
from django.utils import timezone


@shared_task
def purge_unverified_accounts(days: int = 14) -> int:
    """Delete public sign-ups that never verified their e-mail within `days` days."""
    from allauth.account.models import EmailAddress

    from .models import User
    from .roles import PUBLIC_ROLES

    cutoff = timezone.now() - timedelta(days=days)
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    stale = (
        User.objects.filter(date_joined__lt=cutoff, last_login__isnull=True, is_staff=False)
        .filter(groups__name__in=PUBLIC_ROLES)
        .exclude(pk__in=verified)
    )
    deleted, _ = stale.delete()
    return deleted
