"""Certificates: issuing one for every completion, checking a code, and the PDF."""

import secrets

from dateutil.relativedelta import relativedelta
from django.core.cache import cache
from django.utils import timezone

from ..models import Certificate

# No 0/O, 1/I/L: a code read aloud or typed from paper survives.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
# Verification lookups allowed per address in each window; enough for an employer checking
# a pile of certificates, far too few to guess codes (31^12 of them).
VERIFY_LIMIT = 30
VERIFY_WINDOW_SECONDS = 15 * 60


def expiry_for(completed_on, renewal_months):
    """The day a completion runs out: the same day of the month `renewal_months` later, or
    the last day of that month when it is shorter (31 January + 1 month: 28 or 29 February)."""
    if not renewal_months:
        return None
    return completed_on + relativedelta(months=renewal_months)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def issue_certificate(completion) -> Certificate:
    """The certificate for a completion, issued once (a second call returns the first)."""
    existing = Certificate.objects.filter(completion=completion).first()
    if existing is not None:
        return existing
    user = completion.user
    course = completion.course
    return Certificate.objects.create(
        user=user,
        completion=completion,
        course=course,
        holder_name=user.get_full_name() or user.email,
        course_title=course.title,
        completed_on=completion.completed_on,
        cpd_hours=course.cpd_hours,
        expires_on=expiry_for(completion.completed_on, course.renewal_months),
        code=_new_code(),
    )


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:40]


def find_by_code(raw: str) -> Certificate | None:
    code = normalise_code(raw)
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return Certificate.objects.filter(code=code).first()


def verification_allowed(address: str) -> bool:
    """Count one lookup from this address; False once it has used up its window."""
    key = f"academy:verify:{address}"
    cache.add(key, 0, VERIFY_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, VERIFY_WINDOW_SECONDS)
        count = 1
    return count <= VERIFY_LIMIT


def verification(certificate: Certificate | None, today=None) -> dict:
    """What the public page may say: only the course, the dates and the initials."""
    if certificate is None:
        return {"status": "unknown"}
    today = today or timezone.localdate()
    return {
        "status": "expired" if certificate.is_expired(today) else "valid",
        "course_title": certificate.course_title,
        "completed_on": certificate.completed_on,
        "expires_on": certificate.expires_on,
        "initials": certificate.holder_initials,
    }


_PDF_REPLACEMENTS = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "×": "x"}
)


def _pdf_text(text) -> str:
    # The PDF's built-in fonts cover Latin-1; typographic punctuation is mapped to it.
    return str(text).translate(_PDF_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(_pdf_text(f"Certificate: {certificate.course_title}"))
    pdf.set_author("Southampton City Council workforce academy")
    pdf.set_lang("en-GB")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(11, 12, 12)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, 273, 186)
    pdf.set_y(32)
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(0, 10, "Southampton City Council children's services: workforce academy", align="C")
    pdf.ln(18)
    pdf.set_font("Helvetica", "B", 30)
    pdf.cell(0, 14, "Certificate of completion", align="C")
    pdf.ln(22)
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(0, 8, "This certifies that", align="C")
    pdf.ln(12)
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(0, 12, _pdf_text(certificate.holder_name), align="C")
    pdf.ln(16)
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(0, 8, "completed", align="C")
    pdf.ln(12)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, _pdf_text(certificate.course_title), align="C")
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 13)
    lines = [
        f"Completed on {certificate.completed_on:%-d %B %Y}",
        f"CPD hours: {certificate.cpd_hours.normalize():f}",
        (
            f"Valid until {certificate.expires_on:%-d %B %Y}"
            if certificate.expires_on
            else "Does not expire"
        ),
    ]
    for line in lines:
        pdf.cell(0, 7, line, align="C")
        pdf.ln(7)
    pdf.set_y(172)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, f"Verification code: {certificate.display_code}", align="C")
    pdf.ln(6)
    pdf.cell(0, 6, _pdf_text(f"Check it at {verify_url}"), align="C")
    return bytes(pdf.output())
