from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from core.tree import ensure_roots

from .models import HomePage


def seed(log):
    home = HomePage.objects.first()
    if home is None:
        root = ensure_roots()
        # Wagtail's initial migration leaves a placeholder welcome page; replace it.
        for page in root.get_children().exact_type(Page):
            page.delete()
        home = root.add_child(
            instance=HomePage(
                title="Southampton Way",
                slug="home",
                hero_heading="Help Southampton's children thrive",
                hero_text=(
                    "Join the people who make the Southampton Way real: social workers, "
                    "practitioners, foster carers and everyone who supports them."
                ),
                seo_title="Careers, fostering and training in children's social care",
                search_description=(
                    "Work in children's social care in Southampton, foster with the city "
                    "council, and train with our workforce academy."
                ),
            )
        )
    # The site's address comes from WAGTAILADMIN_BASE_URL (http://127.0.0.1:8000 for
    # `make run`), so canonical links, Open Graph URLs and the sitemap point at the
    # address the demo is served on.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    address = {
        "hostname": base.hostname or "localhost",
        "port": base.port or (443 if base.scheme == "https" else 80),
    }
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            **address, root_page=home, is_default_site=True, site_name="Southampton Way"
        )
    elif site.root_page_id != home.id or (site.hostname, site.port) != tuple(address.values()):
        site.root_page = home
        site.site_name = "Southampton Way"
        site.hostname, site.port = address["hostname"], address["port"]
        site.save()
    log("  home page and site")
