"""Root URLs, grouped as health, private (sign-in, admin, staff) and public routes."""

from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

from .health import healthz
from .sitemaps import sitemap_index, sitemap_section

health_urlpatterns = [path("healthz", healthz, name="healthz")]

private_urlpatterns = [
    # Wagtail's own sign-in page is replaced by allauth's (rate limits, MFA).
    path(
        "admin/login/",
        RedirectView.as_view(url="/accounts/login/?next=/admin/", permanent=False),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/me/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("workforce/", include("workforce.urls")),
]

public_urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url="/static/portal/favicon.svg", permanent=True)),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Each domain app owns its own prefixes (e.g. /applications/, /training/); the
    # vacancy, fostering and academy pages themselves live in the Wagtail page tree.
    path("", include("vacancies.urls")),
    path("", include("fostering.urls")),
    path("", include("academy.urls")),
    path("portfolio/", include("portfolio.urls")),
]

urlpatterns = health_urlpatterns + private_urlpatterns + public_urlpatterns

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
