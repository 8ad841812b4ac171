"""The news RSS feed, served from the news section page's feed/ route."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return f"{obj.title} – Southampton Way"

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return obj.intro

    def items(self, obj):
        return obj.articles()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        from datetime import datetime, time

        from django.utils import timezone

        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
