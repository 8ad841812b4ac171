from .mixins import ContentPage


class StoryIndexPage(ContentPage):
    """The Southampton Way: the section that tells the service's story."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.StoryPage"]
    max_count = 1
    template = "cms/story_index_page.html"

    class Meta:
        verbose_name = "Southampton Way section"


class StoryPage(ContentPage):
    """One chapter of the story: vision, principles, practice framework and so on."""

    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []
    template = "cms/story_page.html"

    class Meta:
        verbose_name = "story page"

    def siblings_for_navigation(self):
        return self.get_siblings().live().public().only("id", "title", "url_path", "path")
