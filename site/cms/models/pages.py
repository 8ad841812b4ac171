from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.pages import BasePage
from core.search import clean_search_text

from .mixins import ContentPage


class StandardPage(ContentPage):
    """A plain page: privacy notice, accessibility statement, an explainer."""

    parent_page_types = [
        "home.HomePage",
        "cms.StandardPage",
        "cms.WorkWithUsPage",
    ]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = "standard page"


class WorkWithUsPage(ContentPage):
    """Work with us: the role families, each with its own page below this one."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.RoleFamilyPage", "cms.StandardPage"]
    max_count = 1
    template = "cms/work_with_us_page.html"

    class Meta:
        verbose_name = "work with us section"

    def role_family_pages(self):
        return (
            RoleFamilyPage.objects.child_of(self)
            .live()
            .public()
            .select_related("role_family")
            .order_by("role_family__sort_order", "title")
        )


class RoleFamilyPage(ContentPage):
    """One page per role family. The vacancies and academy apps add that family's live
    vacancies and training offer through the "role_family" section slot."""

    role_family = models.OneToOneField(
        "accounts.RoleFamily",
        on_delete=models.PROTECT,
        related_name="page",
        help_text="Vacancies and training in this family are listed on the page automatically.",
    )

    content_panels = [
        *ContentPage.content_panels[:1],
        FieldPanel("role_family"),
        *ContentPage.content_panels[1:],
    ]

    parent_page_types = ["cms.WorkWithUsPage"]
    subpage_types = []
    template = "cms/role_family_page.html"

    class Meta:
        verbose_name = "role family page"


class SearchPage(BasePage):
    """Site-wide search over every live page (vacancies, courses and events included
    when those apps publish them as pages), with highlighted, paginated results.

    Apps whose searchable records are not pages contribute their own matches through
    the "search" section slot (core/sections.py), which receives the query string."""

    results_per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "cms/search_page.html"
    whole_page_cache = False  # each search is counted (promotions, popular searches)

    class Meta:
        verbose_name = "search page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cleaned before the query is logged as well as before it is searched.
        query = clean_search_text(request.GET.get("q", ""))
        results = None
        promotions = []
        if query:
            from wagtail.contrib.search_promotions.models import Query

            search_query = Query.get(query)
            if request.GET.get("page", "1") == "1":
                search_query.add_hit()  # one search, however many pages are read
            promotions = list(
                search_query.editors_picks.select_related("page").filter(page__live=True)
            )
            from vacancies.models import VacancyPage
            from vacancies.queries import open_vacancies

            found = (
                Page.objects.live()
                .public()
                .specific()
                .not_type(SearchPage)
                .exclude(id__in=[p.page_id for p in promotions])
                # Only vacancies still on offer (the vacancies app's one rule for "open").
                .exclude(
                    id__in=VacancyPage.objects.exclude(pk__in=open_vacancies().values("pk")).values(
                        "pk"
                    )
                )
                .search(query, operator="and")
            )
            paginator = Paginator(found, self.results_per_page)
            try:
                results = paginator.page(request.GET.get("page", 1))
            except PageNotAnInteger:
                results = paginator.page(1)
            except EmptyPage:
                results = paginator.page(paginator.num_pages)
            for result in results:
                # Editors rarely fill in a search description; the page's intro says
                # what it is about just as well.
                result.summary = result.search_description or getattr(result, "intro", "")
        context.update(
            query=query,
            results=results,
            promotions=promotions,
            total=(results.paginator.count if results else 0) + len(promotions),
            query_string=urlencode({"q": query}),
        )
        return context
