"""Job alerts: subscribe (double opt-in), confirm, one-click unsubscribe."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from vacancies.forms.alerts import JobAlertForm
from vacancies.services.alerts import (
    UNSUBSCRIBE_SALT,
    alert_from_token,
    confirm_alert,
    create_alert,
    describe,
)

from .public import query_from_post


@require_http_methods(["GET", "POST"])
def create(request):
    query = query_from_post(request) if request.method == "POST" else ""
    if request.method == "GET":
        from vacancies.services.alerts import alert_query

        query = alert_query(request.GET)
    form = JobAlertForm(
        request.POST or None,
        initial={"email": request.user.email if request.user.is_authenticated else ""},
    )
    if request.method == "POST" and form.is_valid():
        create_alert(
            email=form.cleaned_data["email"],
            frequency=form.cleaned_data["frequency"],
            query=query,
            user=request.user,
        )
        return render(
            request, "vacancies/alerts/check_email.html", {"email": form.cleaned_data["email"]}
        )
    return render(
        request,
        "vacancies/alerts/create.html",
        {"form": form, "query": query, "description": describe(query)},
    )


def confirm(request, token):
    alert = confirm_alert(token)
    if alert is None:
        return render(request, "vacancies/alerts/bad_link.html", status=404)
    return render(request, "vacancies/alerts/confirmed.html", {"alert": alert})


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks for confirmation (link scanners must not unsubscribe people); POST (also
    what mail clients send for one-click List-Unsubscribe) deletes the alert."""
    alert = alert_from_token(token, UNSUBSCRIBE_SALT)
    if alert is None:
        return render(request, "vacancies/alerts/bad_link.html", status=404)
    if request.method == "POST":
        alert.delete()
        messages.success(
            request, "You have unsubscribed. You will get no more e-mails from this alert."
        )
        return redirect("/vacancies/")
    return render(request, "vacancies/alerts/unsubscribe.html", {"alert": alert})
