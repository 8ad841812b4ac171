"""Reminders to the NQSW and the assessor: supervision due, reviews due within 14 days,
and anything overdue. Each is keyed by what it is about, so it goes once."""

import datetime

from django.urls import reverse
from django.utils import timezone

from core.notifications import absolute_url, notify

from ..models import Portfolio
from .progress import standing

REVIEW_NOTICE_DAYS = 14
SUPERVISION_NOTICE_DAYS = 2


def send_reminders(today=None) -> int:
    today = today or timezone.localdate()
    sent = 0
    portfolios = Portfolio.objects.filter(status=Portfolio.Status.IN_PROGRESS).select_related(
        "nqsw", "assessor", "cohort__template"
    )
    for portfolio in portfolios:
        state = standing(portfolio, today)
        for task in state.tasks:
            if task.due is None or task.status in ("Completed", "Cannot start yet"):
                continue
            kind = _kind(task, today)
            if kind is None:
                continue
            for person in (portfolio.nqsw, portfolio.assessor):
                if person is None:
                    continue
                key = (
                    f"portfolio.{kind}:{portfolio.pk}:{task.key}:{task.due.isoformat()}:{person.pk}"
                )
                if notify(
                    key,
                    to=person.email,
                    template="portfolio/emails/reminder",
                    context={
                        "person": person,
                        "portfolio": portfolio,
                        "task": task,
                        "overdue": kind.endswith("overdue"),
                        "link": absolute_url(reverse("portfolio:detail", args=[portfolio.pk])),
                    },
                ):
                    sent += 1
    return sent


def _kind(task, today: datetime.date) -> str | None:
    days = (task.due - today).days
    if task.key == "supervision":
        if days < 0:
            return "supervision-overdue"
        return "supervision-due" if days <= SUPERVISION_NOTICE_DAYS else None
    if task.key.startswith("review-") or task.key in ("recommendation", "agreement"):
        if days < 0:
            return "review-overdue"
        return "review-due" if days <= REVIEW_NOTICE_DAYS else None
    if task.overdue:
        return "evidence-overdue"
    return None
