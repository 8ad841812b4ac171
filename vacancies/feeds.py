"""An Atom feed of live vacancies, served by the vacancies index page at /vacancies/feed/."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from vacancies.queries import open_vacancies


class LiveVacanciesFeed(Feed):
    feed_type = Atom1Feed
    title = "Southampton Way: children's services vacancies"
    subtitle = "Jobs open now in Southampton City Council's children's services."

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.index_page.url

    def items(self):
        return (
            open_vacancies().select_related("locality", "team").order_by("-first_published_at")[:50]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return (
            f"{item.summary} {item.salary_display}. Closes "
            f"{timezone.localtime(item.closes_at):%d %B %Y at %H:%M}."
        )

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.reference

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at
