"""Uploaded documents: a zip bomb dressed as a Word file is refused without being
unpacked, a file's extension must agree with its content, and the name shown later is
the cleaned one the portal stored."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import safe_display_name, validate_document
from tests.vacancies.conftest import index  # noqa: F401
from tests.vacancies.test_apply import candidate_client, start, vacancy  # noqa: F401
from vacancies.factories import MINIMAL_PDF, docx_bytes


def _docx_bomb(unpacked_bytes=300 * 1024 * 1024) -> bytes:
    """A real DOCX package with one padded part: about 300 KB that inflates to 300 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
        with package.open("word/media/padding.bin", "w", force_zip64=True) as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_bytes // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def _odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _refusal(name, content):
    with pytest.raises(ValidationError) as refused:
        validate_document(SimpleUploadedFile(name, content))
    return refused.value


@pytest.fixture(scope="module")
def docx_bomb():
    return _docx_bomb()


def test_a_docx_that_inflates_to_300_mb_is_refused_without_being_unpacked(docx_bomb, monkeypatch):
    assert len(docx_bomb) < 1024 * 1024

    def no_inflating(*args, **kwargs):
        raise AssertionError("the upload check inflated a zip entry")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)

    refusal = _refusal("cv.docx", docx_bomb)
    assert refusal.code == "implausible_archive"
    assert "unpacks to far more than its size" in refusal.message


def test_a_pdf_named_exe_is_refused_and_so_is_a_docx_named_pdf():
    assert _refusal("cv.exe", MINIMAL_PDF).code == "wrong_extension"
    assert "must end in .pdf" in _refusal("cv.exe", MINIMAL_PDF).message
    assert _refusal("cv.pdf", docx_bytes()).code == "wrong_extension"
    assert _refusal("cv", MINIMAL_PDF).code == "wrong_extension"


@pytest.mark.parametrize(
    ("name", "content", "real"),
    [
        ("cv.pdf", MINIMAL_PDF, "pdf"),
        ("CV.PDF", MINIMAL_PDF, "pdf"),
        ("cv.docx", docx_bytes(), "docx"),
        ("cv.odt", _odt_bytes(), "odt"),
    ],
)
def test_ordinary_documents_whose_name_matches_are_accepted(name, content, real):
    assert validate_document(SimpleUploadedFile(name, content)) == real


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("my cv.pdf", "my cv.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\kim\\cv<script>.pdf", "cvscript.pdf"),
        ("....pdf", "document.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_the_name_kept_for_display_is_cleaned(sent, shown):
    assert safe_display_name(sent, "pdf") == shown


@pytest.mark.django_db
def test_the_cv_step_refuses_the_bomb_and_shows_the_stored_name(
    candidate_client,  # noqa: F811
    vacancy,  # noqa: F811
    docx_bomb,
):
    application = start(candidate_client, vacancy)
    url = f"/applications/{application.pk}/step/cv/"

    refused = candidate_client.post(url, {"cv_file": SimpleUploadedFile("cv.docx", docx_bomb)})
    assert "unpacks to far more than its size" in refused.content.decode()
    renamed = candidate_client.post(url, {"cv_file": SimpleUploadedFile("cv.exe", MINIMAL_PDF)})
    assert "must end in .pdf" in renamed.content.decode()
    application.refresh_from_db()
    assert not application.cv

    candidate_client.post(url, {"cv_file": SimpleUploadedFile("Kim's CV <final>.pdf", MINIMAL_PDF)})
    application.refresh_from_db()
    assert application.cv_original_name == "Kims CV final.pdf"
    assert "Kims CV final.pdf" in candidate_client.get(url).content.decode()
