from wagtail.snippets.models import register_snippet

from core.viewsets import PortalSnippetViewSet

from .models import StaffStory


class StaffStoryViewSet(PortalSnippetViewSet):
    model = StaffStory
    icon = "user"
    menu_label = "Staff stories"
    list_display = ["name", "role"]
    search_fields = ["name", "role"]
    add_to_admin_menu = True
    menu_order = 250


register_snippet(StaffStoryViewSet)
