"""Every public page type: where it may live, that it renders, SEO and breadcrumbs."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from accounts.models import RoleFamily
from cms import models as cms
from home.models import HomePage
from tests.cms.tree import build_tree, home_page
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db

PARENTS = {
    cms.StoryIndexPage: {HomePage},
    cms.StoryPage: {cms.StoryIndexPage},
    cms.StandardPage: {HomePage, cms.StandardPage, cms.WorkWithUsPage},
    cms.WorkWithUsPage: {HomePage},
    cms.RoleFamilyPage: {cms.WorkWithUsPage},
    cms.NewsIndexPage: {HomePage},
    cms.NewsArticlePage: {cms.NewsIndexPage},
    cms.FosteringLandingPage: {HomePage},
    cms.FosteringContentPage: {cms.FosteringLandingPage},
    cms.SearchPage: {HomePage},
}
CHILDREN = {
    cms.StoryIndexPage: {cms.StoryPage},
    cms.StoryPage: set(),
    cms.StandardPage: {cms.StandardPage},
    cms.WorkWithUsPage: {cms.RoleFamilyPage, cms.StandardPage},
    cms.RoleFamilyPage: set(),
    cms.NewsIndexPage: {cms.NewsArticlePage},
    cms.NewsArticlePage: set(),
    cms.FosteringContentPage: set(),
    cms.SearchPage: set(),
}


class TestPageTree(WagtailPageTestCase):
    def test_each_page_type_lives_only_under_its_parents(self):
        for page_type, parents in PARENTS.items():
            self.assertAllowedParentPageTypes(page_type, parents)

    def test_each_page_type_allows_only_its_children(self):
        for page_type, children in CHILDREN.items():
            self.assertAllowedSubpageTypes(page_type, children)

    def test_the_fostering_section_stays_open_for_the_fostering_apps_pages(self):
        assert cms.FosteringLandingPage.subpage_types is None
        allowed = set(cms.FosteringLandingPage.allowed_subpage_models())
        assert cms.FosteringContentPage in allowed
        assert cms.StoryPage not in allowed and cms.NewsArticlePage not in allowed

    def test_pages_can_be_created_only_in_the_right_place(self):
        self.assertCanCreateAt(cms.NewsIndexPage, cms.NewsArticlePage)
        self.assertCanNotCreateAt(HomePage, cms.NewsArticlePage)
        self.assertCanNotCreateAt(cms.StoryIndexPage, cms.RoleFamilyPage)
        self.assertCanCreateAt(cms.WorkWithUsPage, cms.RoleFamilyPage)
        self.assertCanNotCreateAt(cms.FosteringLandingPage, cms.StoryPage)

    def test_every_page_type_renders(self):
        pages = build_tree()
        for name, page in pages.items():
            with self.subTest(name):
                self.assertPageIsRenderable(page)

    def test_an_editor_saves_a_story_page_as_a_draft_through_the_admin(self):
        from django.urls import reverse
        from wagtail.test.utils.form_data import nested_form_data, streamfield

        from accounts.factories import UserFactory

        pages = build_tree()
        self.client.force_login(UserFactory(roles=["content editor"]))
        parent = pages["StoryIndexPage"]
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["cms", "storypage", parent.pk]),
            nested_form_data(
                {
                    "title": "Our behaviours",
                    "slug": "our-behaviours",
                    "intro": "How we behave towards children and each other.",
                    "body": streamfield([("heading", {"text": "Confident", "level": "h2"})]),
                    "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
                }
            ),
        )
        page = cms.StoryPage.objects.get(slug="our-behaviours")
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert not page.live
        assert page.get_latest_revision().as_object().body[0].value["text"] == "Confident"


def test_singletons_cannot_be_added_twice(client):
    pages = build_tree()
    home = pages["HomePage"]
    for page_type in [cms.StoryIndexPage, cms.NewsIndexPage, cms.SearchPage, cms.WorkWithUsPage]:
        assert not page_type.can_create_at(home)


def test_a_page_carries_seo_open_graph_canonical_and_breadcrumbs(client):
    pages = build_tree()
    article = pages["NewsArticlePage"]
    article.search_description = "Ofsted's findings in brief."
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert '<meta name="description" content="Ofsted&#x27;s findings in brief.">' in html
    assert f'<link rel="canonical" href="http://localhost{article.url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Inspection news 0">' in html
    assert 'aria-label="Breadcrumb"' in html
    match = re.search(r'<script type="application/ld\+json" nonce="([^"]+)">(.*?)</script>', html)
    assert match, "BreadcrumbList JSON-LD with a CSP nonce"
    assert '"@type": "BreadcrumbList"' in match.group(2)
    assert '"name": "News"' in match.group(2)


def test_a_social_image_becomes_an_open_graph_rendition_not_the_original(client):
    from cms.factories import ImageFactory

    pages = build_tree()
    page = pages["StoryPage"]
    page.social_image = ImageFactory()
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    og = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert ".fill-1200x630.format-jpeg" in og or "fill-1200x630" in og
    assert 'property="og:image:width" content="1200"' in html


def test_images_are_served_as_modern_format_renditions_with_srcset(client):
    pages = build_tree()
    html = client.get(pages["StoryPage"].url).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert "srcset=" in picture and "width-400" in picture and "width-1200" in picture
    assert 'alt="A shape"' in picture
    assert "original_images" not in html


def test_json_ld_cannot_be_broken_out_of_by_a_page_title(client):
    pages = build_tree()
    page = pages["StoryPage"]
    page.title = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html


def test_a_role_family_page_renders_the_cross_app_slot(client, monkeypatch):
    from core import sections

    pages = build_tree()
    family_page = pages["RoleFamilyPage"]
    seen = []

    def contributor(request, page):
        seen.append(page)
        return None

    monkeypatch.setitem(sections._registry, "role_family", [contributor])
    assert client.get(family_page.url).status_code == 200
    assert seen == [family_page]


def test_one_role_family_page_per_family(client):
    pages = build_tree()
    family = pages["RoleFamilyPage"].role_family
    duplicate = cms.RoleFamilyPage(title="Again", slug="again", intro="x", role_family=family)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_a_draft_is_not_visible_to_the_public(client):
    pages = build_tree()
    draft = cms.StandardPage(title="Coming soon", slug="coming-soon", intro="Not yet.", live=False)
    pages["HomePage"].add_child(instance=draft)
    draft.save_revision()
    assert client.get("/coming-soon/").status_code == 404
    assert "Coming soon" not in sitemap_text(client)


def test_an_unknown_address_gets_the_sites_own_404(client):
    build_tree()
    response = client.get("/news/no-such-article/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_sitemap_lists_every_live_page(client):
    build_tree(size=2)
    body = sitemap_text(client)
    live = Page.objects.live().filter(depth__gt=1)
    assert live.count() > 15
    for page in live:
        assert f"<loc>http://localhost{page.url}</loc>" in body, page.url


def test_the_news_index_filters_by_tag_and_paginates(client):
    pages = build_tree(size=12)
    index = pages["NewsIndexPage"]
    first = client.get(index.url).content.decode()
    assert "Inspection news 11" in first  # newest first
    assert "Inspection news 1<" not in first
    assert 'href="?page=2"' in first
    second = client.get(index.url + "?page=2").content.decode()
    assert "Inspection news 0" in second
    tagged = client.get(index.url + "?tag=tag-3").content.decode()
    assert "Inspection news 3" in tagged and "Inspection news 4" not in tagged


def test_the_news_feed_lists_articles_with_their_dates(client):
    pages = build_tree(size=2)
    response = client.get(pages["NewsIndexPage"].url + "feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<title>Inspection news 1</title>" in body
    assert "<category>Ofsted</category>" in body
    assert "http://localhost/news/inspection-news-0/" in body


def test_the_header_menu_comes_from_the_editable_navigation_settings(client):
    from wagtail.models import Site

    pages = build_tree()
    settings = cms.NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.main_menu_items = [
        cms.MainMenuItem(link_page=pages["NewsIndexPage"], link_text="", sort_order=0),
        cms.MainMenuItem(link_url="/vacancies/", link_text="Jobs", sort_order=1),
    ]
    settings.save()
    html = client.get(pages["NewsArticlePage"].url).content.decode()
    nav = re.search(r'<nav aria-label="Main">.*?</nav>', html, re.S).group(0)
    assert re.search(r'href="/news/" aria-current="page">News<', nav)
    assert 'href="/vacancies/">Jobs<' in nav
    assert "Foster with us" not in nav


def test_menus_are_cached_but_an_edit_shows_at_once(client, django_capture_on_commit_callbacks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    pages = build_tree()
    url = pages["NewsArticlePage"].url
    settings = cms.NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        settings.main_menu_items = [
            cms.MainMenuItem(link_url="/vacancies/", link_text="Jobs", sort_order=0)
        ]
        settings.save()
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        html = client.get(url).content.decode()
    assert 'href="/vacancies/">Jobs<' in html
    assert not [q for q in warm.captured_queries if "cms_mainmenuitem" in q["sql"]]

    with django_capture_on_commit_callbacks(execute=True):
        settings.main_menu_items = [
            cms.MainMenuItem(link_url="/vacancies/", link_text="Find a job", sort_order=0)
        ]
        settings.save()
    html = client.get(url).content.decode()
    assert 'href="/vacancies/">Find a job<' in html and ">Jobs<" not in html

    # Renaming a page in the menu changes its address there once it is published.
    news = pages["NewsIndexPage"]
    with django_capture_on_commit_callbacks(execute=True):
        settings.main_menu_items = [cms.MainMenuItem(link_page=news, sort_order=0)]
        settings.save()
    assert 'href="/news/"' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        news.slug = "latest-news"
        news.save_revision().publish()
    assert 'href="/latest-news/"' in client.get(pages["HomePage"].url).content.decode()


def test_site_settings_fill_the_footer(client):
    from wagtail.models import Site

    pages = build_tree()
    settings = cms.SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "careers@southamptonway.example"
    settings.linkedin_url = "https://www.linkedin.com/company/example"
    settings.save()
    html = client.get(pages["HomePage"].url).content.decode()
    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    assert "mailto:careers@southamptonway.example" in footer
    assert "LinkedIn" in footer


def test_the_demo_builds_the_whole_site_once(client):
    call_command("seed_demo")
    count = Page.objects.count()
    call_command("seed_demo")
    assert Page.objects.count() == count
    for path in [
        "/the-southampton-way/family-safeguarding/",
        "/the-southampton-way/practice-framework/",
        "/work-with-us/social-workers/",
        "/news/ofsted-2023-good-with-outstanding-leadership/",
        "/fostering/steps-to-approval/",
        "/fostering/carers-stories/",
        "/privacy/",
        "/accessibility/",
    ]:
        assert client.get(path).status_code == 200, path
    assert cms.RoleFamilyPage.objects.live().count() == RoleFamily.objects.count()
    home = client.get("/").content.decode()
    assert "Latest news" in home and "Ofsted rates Southampton" in home
    framework = client.get("/the-southampton-way/practice-framework/").content.decode()
    for approach in ["Trauma-Informed Practice", "Motivational Interviewing", "Restorative"]:
        assert approach in framework


def test_home_page_is_the_sites_root(client):
    home = home_page()
    assert client.get("/").context["page"].pk == home.pk


def test_a_statistic_reads_figure_first_in_the_page_as_on_screen(client):
    pages = build_tree()
    html = client.get(pages["StoryPage"].url).content.decode()
    item = re.search(r'<li class="portal-stats__item">(.*?)</li>', html, re.S).group(1)
    assert item.index("90%") < item.index("permanent")
