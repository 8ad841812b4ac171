from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from .mixins import ContentPage


class NewsIndexPage(RoutablePageMixin, ContentPage):
    """News, newest first, filterable by tag, with an RSS feed at feed/."""

    articles_per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.NewsArticlePage"]
    max_count = 1
    template = "cms/news_index_page.html"

    class Meta:
        verbose_name = "news section"

    def articles(self):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-pk")
            .prefetch_related("tags")
        )

    @path("")
    def index(self, request):
        articles = self.articles()
        tag = request.GET.get("tag", "").strip()
        if tag:
            articles = articles.filter(tags__slug=tag)
        paginator = Paginator(articles, self.articles_per_page)
        try:
            page_of_articles = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_of_articles = paginator.page(1)
        except EmptyPage:
            page_of_articles = paginator.page(paginator.num_pages)
        return self.render(
            request,
            context_overrides={
                "articles": page_of_articles,
                "tag": tag,
                "query_string": urlencode({"tag": tag}) if tag else "",
            },
        )

    @path("feed/", name="feed")
    def feed(self, request):
        from cms.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(ContentPage):
    date = models.DateField("Date published", default=timezone.localdate)
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True)

    content_panels = ContentPage.content_panels[:1] + [
        FieldPanel("date"),
        FieldPanel("tags"),
        *ContentPage.content_panels[1:],
    ]
    search_fields = ContentPage.search_fields + [index.FilterField("date")]

    og_type = "article"  # Open Graph type, read by includes/seo.html
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    template = "cms/news_article_page.html"

    class Meta:
        verbose_name = "news article"
        ordering = ["-date"]
