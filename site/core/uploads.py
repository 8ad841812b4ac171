"""Checks on uploaded documents: by content, not by the name the file arrived with.

Shared by every app that takes a document from a person (a CV today). A document is
accepted when its content is a PDF, DOCX or ODT, its name's extension says the same, and,
for the zip-based formats, its zip directory promises a plausible size once unpacked:
the directory is read, nothing is inflated, so a "zip bomb" costs nothing to refuse.
"""

import re
import zipfile
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# A long Word CV with photographs unpacks to a few megabytes; allow ample room.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Office XML compresses well (10-20 times); hundreds of times means padding.
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_ENTRIES = 1000
ALLOWED_MIME = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
WRONG_TYPE = (
    "The selected file must be a PDF, Word (DOCX) or OpenDocument (ODT) file. "
    "Renaming a file does not change its type."
)


def _check_zip_directory(package: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Refuse a package whose directory promises an implausible unpacked size."""
    entries = package.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(WRONG_TYPE, code="implausible_archive")
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    worst_ratio = max(
        (entry.file_size / max(entry.compress_size, 1) for entry in entries), default=0
    )
    if (
        unpacked > MAX_UNPACKED_BYTES
        or worst_ratio > MAX_COMPRESSION_RATIO
        or unpacked > MAX_COMPRESSION_RATIO * max(packed, 1)
    ):
        raise ValidationError(
            "The selected file could not be read as a document: it unpacks to far more "
            "than its size. Save it again as a PDF and upload that.",
            code="implausible_archive",
        )
    return entries


def _zip_format(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as package:
            entries = {entry.filename: entry for entry in _check_zip_directory(package)}
            if "word/document.xml" in entries:
                return "docx"
            mimetype = entries.get("mimetype")
            # The ODT "mimetype" entry is a few dozen bytes, stored uncompressed.
            if (
                mimetype is not None
                and mimetype.file_size <= 100
                and package.read(mimetype).strip() == ODT_MIMETYPE
            ):
                return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError):
        return None
    finally:
        upload.seek(0)
    return None


def sniff_document(upload) -> str | None:
    """The format the content is ("pdf", "docx", "odt"), or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind and kind.mime == "application/pdf":
        return "pdf"
    if head.startswith(b"PK"):
        # DOCX and ODT are zip packages: their directory says which, and how big.
        return _zip_format(upload)
    return None


def _extension(name: str) -> str:
    suffix = PurePath(name or "").suffix
    return suffix[1:].lower()


def validate_document(upload) -> str:
    """Return the real format ("pdf", "docx" or "odt") or raise a ValidationError."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError("The selected file must be smaller than 5 MB.", code="too_big")
    if upload.size == 0:
        raise ValidationError("The selected file is empty.", code="empty")
    real = sniff_document(upload)
    if real is None:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    if _extension(upload.name) != real:
        raise ValidationError(
            f"The selected file is a {real.upper()} document, so its name must end in "
            f".{real}. Rename it and upload it again.",
            code="wrong_extension",
        )
    return real


def safe_display_name(name: str, real_format: str, max_length: int = 200) -> str:
    """The name kept for showing a document later: no folders, no characters a browser or
    file system could misread, and the extension of what the file really is."""
    stem = PurePath((name or "").replace("\\", "/")).stem
    # Letters, digits, spaces, and - _ ( ) only; no leading dot or trailing separator.
    stem = " ".join(re.sub(r"[^\w\s()-]", "", stem).split()).strip(" ._-")
    stem = stem or "document"
    suffix = f".{real_format}"
    return stem[: max_length - len(suffix)] + suffix
