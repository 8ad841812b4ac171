"""/sitemap.xml as an index of sections (pages, vacancies, events, courses).

Wagtail's sitemap loads every live page as a full, specific model and asks each for its
URLs: with 10,000 vacancies that is seconds a request. Each section here reads only the
columns it prints (`values()`), and pages through Django's sitemap paging (`limit`, 50,000
addresses a file, `?p=2` onwards), so a section page costs a count and one select whatever
the number of rows. The index and the sections are cached whole like the pages
(core/page_cache.py: the pages version, which moves on publishing and on event changes, and
the vacancies version, which moves at each closing time).
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import Page, Site

from core import page_cache


class _PageSection(Sitemap):
    """Pages by url_path, addressed from the default site's root."""

    def __init__(self):
        # Wagtail keeps the sites' root paths in the cache: no query for a one-site portal.
        paths = Site.get_site_root_paths()
        if len(paths) != 1:
            default = Site.objects.filter(is_default_site=True).values_list("pk", flat=True)
            paths = [p for p in paths if p.site_id in default] or paths
        self.root_url = paths[0].root_url if paths else ""
        self.root_path = paths[0].root_path if paths else "/"

    def pages(self):
        raise NotImplementedError

    @cached_property
    def _pages(self):
        # Once per section: `public()` reads the view restrictions when it is called.
        return self.pages()

    def items(self):
        return (
            self._pages.filter(url_path__startswith=self.root_path)
            .order_by("path")
            .values("url_path", "last_published_at")
        )

    def location(self, item):
        return item["url_path"][len(self.root_path) - 1 :]

    def lastmod(self, item):
        return item["last_published_at"]

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default of reading every item.
        return self._pages.aggregate(latest=Max("last_published_at"))["latest"]

    def get_protocol(self, protocol=None):
        return self.root_url.split("://")[0] if self.root_url else super().get_protocol(protocol)

    def get_domain(self, site=None):
        return self.root_url.split("://", 1)[1] if self.root_url else super().get_domain(site)


class PagesSitemap(_PageSection):
    def pages(self):
        from academy.models import CoursePage
        from vacancies.models import VacancyPage

        return Page.objects.live().public().filter(depth__gt=1).not_type(VacancyPage, CoursePage)


class VacanciesSitemap(_PageSection):
    """Open vacancies only: a closed one drops out with the listings."""

    def pages(self):
        from vacancies.queries import open_vacancies

        return open_vacancies(timezone.now()).public()


class CoursesSitemap(_PageSection):
    def pages(self):
        from academy.models import CoursePage

        return CoursePage.objects.live().public()


class EventsSitemap(Sitemap):
    """Fostering information events still to come."""

    def items(self):
        from fostering.models import InformationEvent

        return (
            InformationEvent.objects.filter(is_cancelled=False, starts_at__gt=timezone.now())
            .order_by("starts_at", "pk")
            .values_list("pk", flat=True)
        )

    def location(self, pk):
        return reverse("fostering:event_detail", args=[pk])


SECTIONS = {
    "pages": PagesSitemap,
    "vacancies": VacanciesSitemap,
    "events": EventsSitemap,
    "courses": CoursesSitemap,
}


def sitemap_index(request):
    page_cache.allow(request)
    return sitemap_views.index(request, SECTIONS, sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    page_cache.allow(request)
    return sitemap_views.sitemap(request, SECTIONS, section=section)
