"""Booking screens in the Wagtail admin: the status is shown, never edited; each move the
booking table allows is offered as an action, and the action calls the booking engine
(through the app's own service, which adds its rules and e-mails).

A booking viewset mixes in `BookingAdminMixin`, names the moves it offers in
`booking_moves`, and implements `perform_move(request, booking, name, note)`. Its edit
view class mixes in `BookingActionButtons`. Bookings are made on the portal's booking
pages, so the viewset has no "add" screen.
"""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

from .booking import MOVES, BookingError, moves_from

NOTE_MAX_LENGTH = 300


def _can_change(user, model) -> bool:
    return policy_registry.get_by_type(model).user_has_permission(user, "change")


class BookingActionButtons:
    """For a booking's edit (or inspect) view: the allowed moves in the header menu."""

    booking_moves = ()
    move_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.move_url_name and _can_change(self.request.user, type(self.object)):
            for priority, move in enumerate(
                moves_from(self.object.status, self.booking_moves), start=1
            ):
                buttons.append(
                    Button(
                        move.label,
                        url=reverse(self.move_url_name, args=[quote(self.object.pk), move.name]),
                        icon_name="arrow-right",
                        priority=priority,
                    )
                )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["booking_status"] = self.object.get_status_display()
        return context


class BookingMoveView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm one move (GET), then make it through the engine (POST)."""

    template_name = "core/admin/booking_move.html"
    model = None
    viewset = None
    edit_url_name = None
    header_icon = "tick-inverse"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        if kwargs["move"] not in self.viewset.booking_moves:
            raise Http404
        self.move = MOVES[kwargs["move"]]

    def dispatch(self, request, *args, **kwargs):
        if not _can_change(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.move.label

    def get_page_subtitle(self):
        return str(self.object)

    def get_edit_url(self):
        return reverse(self.edit_url_name, args=[quote(self.object.pk)])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            booking=self.object,
            move=self.move,
            allowed=self.object.status in self.move.sources,
            edit_url=self.get_edit_url(),
            note_max_length=NOTE_MAX_LENGTH,
        )
        return context

    def post(self, request, *args, **kwargs):
        note = request.POST.get("note", "").strip()[:NOTE_MAX_LENGTH]
        try:
            self.viewset.perform_move(request, self.object, self.move.name, note)
        except BookingError as error:
            messages.error(request, error.message)
        else:
            self.object.refresh_from_db()
            messages.success(request, f"{self.object}: {self.object.get_status_display().lower()}.")
        return redirect(self.get_edit_url())


class BookingAdminMixin:
    """For a ModelViewSet or SnippetViewSet of a booking model."""

    booking_moves = ()
    copy_view_enabled = False

    def perform_move(self, request, booking, name, note):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_common_view_kwargs(self, **kwargs):
        # No "add" button: bookings are made on the booking pages, through the engine.
        return {**super().get_common_view_kwargs(**kwargs), "add_url_name": None}

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            booking_moves=self.booking_moves, move_url_name=self.get_url_name("move"), **kwargs
        )

    @property
    def add_view(self):
        def refuse(request, *args, **kwargs):
            raise PermissionDenied

        return refuse

    @property
    def move_view(self):
        return self.construct_view(
            BookingMoveView,
            model=self.model,
            viewset=self,
            edit_url_name=self.get_url_name("edit"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("move/<int:pk>/<slug:move>/", self.move_view, name="move"),
        ]
