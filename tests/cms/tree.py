"""A public-site page tree built with the cms factories, small or large."""

import datetime

from wagtail.models import Page, Site

from cms import factories as f
from core.tree import ensure_roots
from home.factories import HomePageFactory
from home.models import HomePage


def text(html):
    return {"type": "text", "value": html}


def rich_body(image=None, story=None):
    body = [
        {"type": "heading", "value": {"text": "Section", "level": "h2"}},
        text("<p>Relationship-based work with children and families.</p>"),
        {
            "type": "statistics",
            "value": {"heading": "Figures", "items": [{"figure": "90%", "label": "permanent"}]},
        },
        {
            "type": "accordion",
            "value": {"heading": "", "items": [{"question": "Why?", "answer": "<p>So.</p>"}]},
        },
    ]
    if image:
        body.append(
            {"type": "image", "value": {"image": image.pk, "alt_text": "A shape", "caption": ""}}
        )
    if story:
        body.append({"type": "staff_story", "value": {"story": story.pk}})
    return body


def home_page():
    home = HomePage.objects.first()
    if home is None:
        root = ensure_roots()
        # Wagtail's initial migration leaves a placeholder welcome page; replace it.
        for page in root.get_children().exact_type(Page):
            page.delete()
        home = HomePageFactory(parent=root)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
    return home


def build_tree(size=1):
    """Every page type, with `size` pages of each repeating type. Returns the pages a
    test visits, by type name (the first of each)."""
    home = home_page()
    image = f.ImageFactory()
    story = f.StaffStoryFactory()
    pages = {"HomePage": home}
    pages["StoryIndexPage"] = f.StoryIndexPageFactory(
        parent=home, slug="the-southampton-way", body=rich_body(image, story)
    )
    work = f.WorkWithUsPageFactory(parent=home, slug="work-with-us")
    pages["WorkWithUsPage"] = work
    news = f.NewsIndexPageFactory(parent=home, slug="news")
    pages["NewsIndexPage"] = news
    fostering = f.FosteringLandingPageFactory(parent=home)
    pages["FosteringLandingPage"] = fostering
    pages["SearchPage"] = f.SearchPageFactory(parent=home, slug="search")
    for n in range(size):
        page = f.StoryPageFactory(
            parent=pages["StoryIndexPage"], title=f"Chapter {n}", body=rich_body(image, story)
        )
        pages.setdefault("StoryPage", page)
        page = f.RoleFamilyPageFactory(parent=work, title=f"Family {n}", body=rich_body())
        pages.setdefault("RoleFamilyPage", page)
        article = f.NewsArticlePageFactory(
            parent=news,
            title=f"Inspection news {n}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            body=rich_body(image),
        )
        article.tags.add("Ofsted", f"tag-{n}")
        article.save()
        pages.setdefault("NewsArticlePage", article)
        page = f.FosteringContentPageFactory(
            parent=fostering, title=f"Fostering topic {n}", body=rich_body(image, story)
        )
        pages.setdefault("FosteringContentPage", page)
        page = f.StandardPageFactory(parent=home, title=f"Standard {n}", body=rich_body())
        pages.setdefault("StandardPage", page)
    return pages
