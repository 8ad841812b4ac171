"""Job alerts: double opt-in, sending each new match once, one-click unsubscribe."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from vacancies.models import JobAlert, JobAlertDelivery

CONFIRM_SALT = "vacancies.job-alert.confirm"
UNSUBSCRIBE_SALT = "vacancies.job-alert.unsubscribe"
CONFIRM_WITHIN = timedelta(days=7)
ALERT_QUERY_KEYS = (
    "q",
    "role_family",
    "locality",
    "employment_type",
    "working_pattern",
    "min_salary",
)


def alert_query(querydict) -> str:
    """Keep only the search filters of a listing URL (not the page number or sort)."""
    kept = QueryDict(mutable=True)
    for key in ALERT_QUERY_KEYS:
        values = [v for v in querydict.getlist(key) if v]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def describe(query: str) -> str:
    from vacancies.forms.search import VacancySearchForm

    form = VacancySearchForm(QueryDict(query))
    criteria = form.criteria()
    parts = []
    if criteria.get("q"):
        parts.append(f"“{criteria['q']}”")
    for name in ("role_family", "locality", "employment_type", "working_pattern"):
        labels = dict(form.fields[name].choices)
        parts += [labels.get(v, v) for v in criteria.get(name) or []]
    if criteria.get("min_salary"):
        parts.append(f"£{criteria['min_salary']:,} or more")
    return ", ".join(parts) or "All vacancies"


def create_alert(*, email, frequency, query, user=None) -> JobAlert:
    alert = JobAlert.objects.create(
        email=email.lower(),
        frequency=frequency,
        query=query,
        description=describe(query)[:255],
        user=user if user and user.is_authenticated else None,
    )
    from vacancies.tasks import send_alert_confirmation

    transaction.on_commit(lambda: send_alert_confirmation.delay(alert.pk))
    return alert


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirm_url(alert) -> str:
    token = signing.dumps(alert.pk, salt=CONFIRM_SALT)
    return _absolute(reverse("vacancies:alert_confirm", args=[token]))


def unsubscribe_url(alert) -> str:
    token = signing.dumps(alert.pk, salt=UNSUBSCRIBE_SALT)
    return _absolute(reverse("vacancies:alert_unsubscribe", args=[token]))


def alert_from_token(token, salt, max_age=None):
    """The alert a signed link names, or None if the link was altered or has expired."""
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return JobAlert.objects.filter(pk=pk).first()


def confirm_alert(token, now=None):
    alert = alert_from_token(token, CONFIRM_SALT, max_age=CONFIRM_WITHIN)
    if alert and alert.confirmed_at is None:
        alert.confirmed_at = now or timezone.now()
        alert.save(update_fields=["confirmed_at"])
    return alert


def expire_unconfirmed(now=None) -> int:
    now = now or timezone.now()
    deleted, _ = JobAlert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - CONFIRM_WITHIN
    ).delete()
    return deleted


INTERVAL = {
    JobAlert.Frequency.DAILY: timedelta(hours=23),
    JobAlert.Frequency.WEEKLY: timedelta(days=6, hours=23),
}


def matches(alert, now=None):
    from vacancies.forms.search import VacancySearchForm
    from vacancies.queries import matching_vacancies

    criteria = VacancySearchForm(QueryDict(alert.query)).criteria()
    criteria["sort"] = "closing"
    # Only the matches: an alert needs no facet counts.
    return matching_vacancies(criteria, now=now).filter(first_published_at__gte=alert.created_at)


def send_due_alerts(now=None) -> int:
    """Send every confirmed alert that is due its new matches; each vacancy goes once."""
    from vacancies.tasks import _send

    now = now or timezone.now()
    sent = 0
    for alert in JobAlert.objects.filter(confirmed_at__isnull=False):
        if alert.last_sent_at and alert.last_sent_at > now - INTERVAL[alert.frequency]:
            continue
        already = set(alert.deliveries.values_list("vacancy_id", flat=True))
        new = [v for v in matches(alert, now) if v.pk not in already]
        if not new:
            continue
        try:
            with transaction.atomic():
                JobAlertDelivery.objects.bulk_create(
                    [JobAlertDelivery(alert=alert, vacancy=v, sent_at=now) for v in new]
                )
                JobAlert.objects.filter(pk=alert.pk).update(last_sent_at=now)
        except IntegrityError:
            continue  # another worker sent this batch
        _send(
            "alert_matches",
            {
                "alert": alert,
                "vacancies": new,
                "unsubscribe_url": unsubscribe_url(alert),
                "absolute": _absolute,
            },
            alert.email,
        )
        sent += 1
    return sent
