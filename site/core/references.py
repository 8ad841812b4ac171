"""Asking a third party for a reference through an opaque link: built once, for any app.

Fostering asks an applicant's personal referees; recruitment can ask a candidate's referees
the same way. A `ReferenceRequest` points at what the reference is for (any model, through
a generic relation: a fostering Stage 1 check, a pre-employment check) and holds:

- an opaque token (random, not derived from any id), which is the whole of the link;
- when the link stops working (`expires_at`), when a reminder went, when it was answered;
- the answers, as the app's form cleaned them (the app owns the questions).

`issue()` creates one; `find()` turns a token into a request or says why it cannot be used;
`complete()` records the answers once (a second submission is refused, nothing lost);
`due_reminders()` lists the requests to remind. Each app sends its own e-mails.
"""

import datetime
import secrets

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .errors import DomainError


class ReferenceLinkError(DomainError):
    """A reference link that cannot be used (unknown, expired or already answered)."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ReferenceRequest(models.Model):
    """A request to one referee for a reference, answered through an opaque link."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    purpose = models.CharField(
        max_length=40, help_text='Which app asks, and for what, e.g. "fostering".'
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    referee_name = models.CharField(max_length=150)
    referee_email = models.EmailField()
    about = models.CharField(max_length=150, help_text="The person the reference is about.")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"Reference from {self.referee_name} about {self.about}"

    @property
    def is_open(self) -> bool:
        return self.completed_at is None and self.expires_at > timezone.now()


def issue(
    subject, *, purpose, referee_name, referee_email, about, valid_for: datetime.timedelta, now=None
) -> ReferenceRequest:
    """Create a reference request for `subject`, with a fresh opaque link."""
    now = now or timezone.now()
    return ReferenceRequest.objects.create(
        purpose=purpose,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=str(subject.pk),
        referee_name=referee_name,
        referee_email=referee_email,
        about=about,
        created_at=now,
        expires_at=now + valid_for,
    )


def requests_for(subject):
    return ReferenceRequest.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=str(subject.pk)
    )


def find(token: str, *, purpose: str, now=None) -> ReferenceRequest:
    """The open request this token names; ReferenceLinkError says why it cannot be used."""
    now = now or timezone.now()
    # A NUL byte matches no stored token (and PostgreSQL refuses to compare one).
    token = token.replace("\x00", "")
    request = ReferenceRequest.objects.filter(token=token, purpose=purpose).first()
    if request is None:
        raise ReferenceLinkError(
            "This reference link is not recognised. Check it was copied in full, or reply "
            "to the e-mail that sent it and we will send a new one."
        )
    if request.completed_at:
        raise ReferenceLinkError(
            f"This reference was sent on {timezone.localtime(request.completed_at):%-d %B %Y}. "
            "Thank you: there is nothing more to do."
        )
    if request.expires_at <= now:
        raise ReferenceLinkError(
            "This reference link has expired. Reply to the e-mail that sent it and we will "
            "send you a new one."
        )
    return request


def complete(request, answers: dict, *, now=None) -> ReferenceRequest:
    """Record the referee's answers, once. Refused (nothing changed) if the link has been
    answered or has expired in the meantime."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = ReferenceRequest.objects.select_for_update().get(pk=request.pk)
        find(locked.token, purpose=locked.purpose, now=now)
        locked.answers = answers
        locked.completed_at = now
        locked.save(update_fields=["answers", "completed_at"])
    return locked


def due_reminders(purpose: str, *, after: datetime.timedelta, now=None):
    """Open requests sent at least `after` ago that have not been reminded yet."""
    now = now or timezone.now()
    return ReferenceRequest.objects.filter(
        purpose=purpose,
        completed_at__isnull=True,
        reminded_at__isnull=True,
        expires_at__gt=now,
        created_at__lte=now - after,
    )


def close(subject, *, now=None) -> int:
    """Stop the open links for `subject` (e.g. the reference arrived another way)."""
    now = now or timezone.now()
    return (
        requests_for(subject)
        .filter(completed_at__isnull=True, expires_at__gt=now)
        .update(expires_at=now)
    )
