"""The public site's demo: the Southampton Way story, work with us and role family
pages, news, fostering, the privacy notice and accessibility statement, site settings,
menus and the moderation workflow. Idempotent: pages are found by parent and slug."""

from taggit.models import Tag
from wagtail.models import Page, Site

from accounts.models import RoleFamily
from home.models import HomePage

from .demo_content import fostering, legal, news, roles, story
from .demo_content.images import ILLUSTRATIONS
from .demo_content.stories import STORIES
from .factories import (
    FosteringContentPageFactory,
    FosteringLandingPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    RoleFamilyPageFactory,
    SearchPageFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    WorkWithUsPageFactory,
    make_image,
)
from .models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings, StaffStory
from .workflows import ensure_moderation_workflow

CONTACT_EMAIL = "careers@southamptonway.example"
FOSTERING_EMAIL = "fostering@southamptonway.example"


def seed(log):
    home = HomePage.objects.get()
    images = {
        key: make_image(title, painter, size)
        for key, (title, painter, size) in ILLUSTRATIONS.items()
    }
    stories = _stories(images)
    resolve = _resolver(images, stories)

    story_index = _page(StoryIndexPageFactory, home, story.INDEX, resolve)
    for chapter in story.CHAPTERS:
        _page(StoryPageFactory, story_index, chapter, resolve)

    work = _page(WorkWithUsPageFactory, home, roles.INDEX, resolve)
    for family in RoleFamily.objects.all():
        content = roles.FAMILIES.get(family.name, roles.DEFAULT_FAMILY)
        _page(
            RoleFamilyPageFactory,
            work,
            {"title": family.name, "slug": content.get("slug", family.slug), **content},
            resolve,
            role_family=family,
        )

    news_index = _page(NewsIndexPageFactory, home, news.INDEX, resolve)
    for article in news.ARTICLES:
        page = _page(
            NewsArticlePageFactory,
            news_index,
            {k: v for k, v in article.items() if k != "tags"},
            resolve,
        )
        if not page.tags.exists():
            page.tags.add(*article["tags"])
            page.save_revision().publish()

    landing = dict(fostering.LANDING)
    landing["hero_image"] = images[landing["hero_image"]]
    fostering_page = _page(FosteringLandingPageFactory, home, landing, resolve)
    for info in fostering.PAGES:
        _page(FosteringContentPageFactory, fostering_page, info, resolve)

    _page(StandardPageFactory, home, legal.PRIVACY, resolve, show_in_menus=False)
    _page(StandardPageFactory, home, legal.ACCESSIBILITY, resolve, show_in_menus=False)
    search = SearchPageFactory(parent=home, title="Search", slug="search")

    _home_content(home, images)
    site = Site.objects.get(is_default_site=True)
    _settings(
        site,
        images,
        {
            "work": work,
            "story": story_index,
            "news": news_index,
            "fostering": fostering_page,
            "search": search,
        },
    )
    ensure_moderation_workflow(home)
    log(
        f"  {Page.objects.live().descendant_of(home).count()} live pages, "
        f"{len(stories)} staff stories, {Tag.objects.count()} tags, moderation workflow"
    )


def _page(factory, parent, data, resolve, **extra):
    fields = {**data, **extra}
    fields["body"] = resolve(fields.get("body", []))
    fields.setdefault("show_in_menus", True)
    page = factory(parent=parent, **fields)  # found by parent and slug if it exists
    if page.latest_revision_id is None:
        # Published as an editor would, so the page has a history and a "last updated" date.
        page.save_revision().publish()
    return page


def _stories(images):
    result = {}
    for key, data in STORIES.items():
        fields = {**data, "image": images[data["image"]]}
        result[key], _ = StaffStory.objects.get_or_create(
            name=fields.pop("name"), role=fields.pop("role"), defaults=fields
        )
    return result


def _resolver(images, stories):
    """Turn the image and story keys used in the content modules into ids."""

    def resolve(body):
        resolved = []
        for block in body:
            value = block["value"]
            if block["type"] == "image":
                value = {**value, "image": images[value["image"]].pk}
            elif block["type"] == "staff_story":
                value = {"story": stories[value["story"]].pk}
            resolved.append({"type": block["type"], "value": value})
        return resolved

    return resolve


def _home_content(home, images):
    if home.routes:
        return
    home.hero_image = images["home"]
    home.hero_image_alt = "Illustration of five colourful figures standing side by side"
    home.intro = (
        "<p>Southampton City Council's children's services were rated good by Ofsted in "
        "2023, with outstanding leadership of social work practice. This is where you "
        "can find a job with us, become a foster carer, or train with our academy.</p>"
    )
    home.routes = [
        {
            "type": "route",
            "value": {
                "title": title,
                "text": text,
                "link": {"page": None, "url": url, "text": title},
            },
        }
        for title, text, url in [
            (
                "Work with us",
                "Social work, Family Safeguarding, SEND, housing, management and "
                "psychology roles across the city.",
                "/work-with-us/",
            ),
            (
                "Foster with us",
                "Short-term, long-term, emergency and respite fostering, with support "
                "every step of the way.",
                "/fostering/",
            ),
            (
                "Our academy",
                "Induction, practice framework training and CPD for every member of "
                "staff, agency workers included.",
                "/academy/",
            ),
            (
                "The Southampton Way",
                "Our vision, principles, behaviours and the practice that makes them real.",
                "/the-southampton-way/",
            ),
        ]
    ]
    home.save_revision().publish()


def _settings(site, images, pages):
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = CONTACT_EMAIL
        site_settings.fostering_email = FOSTERING_EMAIL
        site_settings.postal_address = "Civic Centre\nSouthampton\nSO14 7LY"
        site_settings.footer_text = (
            "Southampton City Council, Wellbeing (Children and Learning) directorate."
        )
        site_settings.default_social_image = images["home"]
        site_settings.save()
    navigation = NavigationSettings.for_site(site)
    if not navigation.main_menu_items.exists():
        main = [
            ("", pages["work"], ""),
            ("Vacancies", None, "/vacancies/"),
            ("", pages["fostering"], ""),
            ("Our academy", None, "/academy/"),
            ("", pages["story"], ""),
            ("", pages["news"], ""),
        ]
        navigation.main_menu_items = [
            MainMenuItem(link_text=text, link_page=page, link_url=url, sort_order=n)
            for n, (text, page, url) in enumerate(main)
        ]
        navigation.footer_links = [
            FooterLink(link_text=text, link_url=url, sort_order=n)
            for n, (text, url) in enumerate(
                [
                    ("Privacy", "/privacy/"),
                    ("Accessibility statement", "/accessibility/"),
                    ("Search", "/search/"),
                    ("News feed (RSS)", "/news/feed/"),
                ]
            )
        ]
        navigation.save()
