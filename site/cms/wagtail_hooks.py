from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import StaffStory


class StaffStoryViewSet(SnippetViewSet):
    model = StaffStory
    icon = "user"
    menu_label = "Staff stories"
    list_display = ["name", "role"]
    search_fields = ["name", "role"]
    add_to_admin_menu = True
    menu_order = 250


register_snippet(StaffStoryViewSet)
