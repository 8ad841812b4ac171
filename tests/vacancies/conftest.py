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


@pytest.fixture(autouse=True)
def _empty_search_cache():
    # The search's facet counts live in the shared cache; each test starts without them.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
