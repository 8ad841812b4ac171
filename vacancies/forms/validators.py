"""Checks on uploaded documents: by content, not by the name the file arrived with."""

import re
import zipfile

import filetype
from django.core.exceptions import ValidationError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
ALLOWED_MIME = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}


def _sniff(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind and kind.mime in ALLOWED_MIME:
        return ALLOWED_MIME[kind.mime]
    if head.startswith(b"PK"):
        # DOCX and ODT are zip packages: look inside for what each format must contain.
        try:
            with zipfile.ZipFile(upload) as package:
                names = set(package.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names:
                    mimetype = package.read("mimetype").decode("ascii", "replace").strip()
                    if mimetype == "application/vnd.oasis.opendocument.text":
                        return "odt"
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
    return None


def validate_document(upload) -> str:
    """Return the real format ("pdf", "docx" or "odt") or raise a ValidationError."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError("The selected file must be smaller than 5 MB.", code="too_big")
    if upload.size == 0:
        raise ValidationError("The selected file is empty.", code="empty")
    real = _sniff(upload)
    if real is None:
        raise ValidationError(
            "The selected file must be a PDF, Word (DOCX) or OpenDocument (ODT) file. "
            "Renaming a file does not change its type.",
            code="wrong_type",
        )
    return real


# A word is a run of letters or digits, with apostrophes and hyphens inside it ("it's",
# "multi-agency"): punctuation on its own ("-", "/", "&") is not a word, and words joined by
# punctuation without a space ("one,two/three") are still counted one by one.
# A number keeps its separators ("40,000", "2.5") as one word.
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))
