"""Certificates: a person's own PDFs, and the public check of a verification code."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from ..models import Certificate
from ..services.certificates import (
    certificate_pdf,
    find_by_code,
    normalise_code,
    verification,
    verification_allowed,
)
from ..services.refreshers import renewal_destination
from .common import staff_required


@staff_required
def certificate_download(request, pk):
    # Someone else's certificate is not found.
    certificate = get_object_or_404(Certificate, pk=pk, user=request.user)
    verify_url = request.build_absolute_uri(reverse("academy:verify", args=[certificate.code]))
    response = HttpResponse(
        certificate_pdf(certificate, verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.display_code}.pdf"'
    )
    return response


@never_cache
def verify_form(request):
    code = normalise_code(request.GET.get("code", ""))
    if code:
        return redirect("academy:verify", code=code)
    error = "Enter a verification code" if "code" in request.GET else None
    return render(
        request, "academy/verify_form.html", {"error": error}, status=400 if error else 200
    )


@never_cache
def verify(request, code):
    """Valid, expired or unknown, with nothing more than the course, the dates and the
    holder's initials. Every lookup counts towards the address's limit, found or not, so
    guessing is slow and a wrong guess looks like any other unknown code."""
    if not verification_allowed(request.META.get("REMOTE_ADDR", "")):
        return render(request, "academy/verify_limited.html", status=429)
    result = verification(find_by_code(code))
    status = 404 if result["status"] == "unknown" else 200
    return render(request, "academy/verify.html", {"result": result}, status=status)


@staff_required
def renew(request, pk):
    """The one-step link in an expiry reminder: straight to the e-learning, or to booking
    the next session with a place."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("course"), pk=pk, user=request.user
    )
    address, note = renewal_destination(certificate, request.user)
    if note:
        messages.info(request, note)
    return redirect(address)
