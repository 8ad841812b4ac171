import pytest

from vacancies.factories import vacancy_index


@pytest.fixture
def index(db):
    return vacancy_index()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    # Each test writes CVs to its own private directory.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
