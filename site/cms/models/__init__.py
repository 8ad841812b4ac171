from .fostering import FosteringContentPage, FosteringLandingPage
from .news import NewsArticlePage, NewsArticleTag, NewsIndexPage
from .pages import RoleFamilyPage, SearchPage, StandardPage, WorkWithUsPage
from .settings import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
from .snippets import StaffStory
from .story import StoryIndexPage, StoryPage

__all__ = [
    "FooterLink",
    "FosteringContentPage",
    "FosteringLandingPage",
    "MainMenuItem",
    "NavigationSettings",
    "NewsArticlePage",
    "NewsArticleTag",
    "NewsIndexPage",
    "RoleFamilyPage",
    "SearchPage",
    "SiteSettings",
    "StaffStory",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "WorkWithUsPage",
]
