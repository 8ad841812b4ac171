import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.privacy import erase_account, export_personal_data

from .forms import DeleteAccountForm
from .roles import ROLES, STAFF_ROLES


@login_required
def dashboard(request):
    user = request.user
    roles = [ROLES[name] for name in sorted(user.roles) if name in ROLES]
    profile = getattr(user, "staff_profile", None)
    return render(
        request,
        "accounts/dashboard.html",
        {"roles": roles, "profile": profile, "is_staff_member": user.has_role(*STAFF_ROLES)},
    )


@login_required
@require_GET
def download_my_data(request):
    data = export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    filename = f"southampton-way-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    user = request.user
    if user.has_role(*STAFF_ROLES) or user.is_superuser:
        messages.error(
            request,
            "Staff accounts are part of your employment record. Ask an administrator "
            "to close your account when you leave.",
        )
        return redirect("accounts:dashboard")
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        erase_account(user)
        logout(request)
        messages.success(request, "Your account and the personal data it held have been deleted.")
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
