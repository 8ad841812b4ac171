"""Editors: required fields, moderation workflow, scheduled publishing."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms import models as cms
from cms.workflows import ensure_moderation_workflow
from tests.cms.tree import build_tree

pytestmark = pytest.mark.django_db
MINUTE = datetime.timedelta(minutes=1)


def _edit_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield([("heading", {"text": "Updated", "level": "h2"})]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_who_leaves_out_a_required_field_is_told_what_to_fix(client_for):
    page = build_tree()["StoryPage"]
    editor = client_for("content editor")
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _edit_data(page, intro="", **{"action-submit": "Submit"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    assert "This field is required" in html
    assert cms.StoryPage.objects.get(pk=page.pk).intro != ""


def test_an_image_block_without_alt_text_is_refused(client_for):
    from cms.factories import ImageFactory

    page = build_tree()["StoryPage"]
    image = ImageFactory()
    editor = client_for("content editor")
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _edit_data(
            page,
            body=streamfield([("image", {"image": image.pk, "alt_text": "", "caption": ""})]),
            **{"action-submit": "Submit"},
        ),
    )
    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in response.content.decode()


def test_editors_submit_and_administrators_approve_and_publish(client_for, make_user):
    pages = build_tree()
    workflow = ensure_moderation_workflow(pages["HomePage"])
    page = pages["StandardPage"]
    editor = client_for("content editor")
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _edit_data(page, title="Privacy notice (updated)", **{"action-submit": "Submit"}),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title != "Privacy notice (updated)"  # still the published version
    state = page.current_workflow_state
    assert state is not None and state.workflow == workflow
    task_state = state.current_task_state
    assert task_state.task.specific.groups.filter(name="administrator").exists()

    # An editor cannot approve their own submission; an administrator can.
    editor_user = editor.user
    assert not task_state.task.specific.user_can_access_editor(page, editor_user) or (
        "approve" not in [a[0] for a in task_state.task.specific.get_actions(page, editor_user)]
    )
    admin = make_user("administrator")
    actions = [a[0] for a in task_state.task.specific.get_actions(page, admin)]
    assert "approve" in actions
    task_state.task.specific.on_action(task_state, admin, "approve")
    page.refresh_from_db()
    assert page.live and page.title == "Privacy notice (updated)"


def test_the_demo_assigns_the_workflow_to_the_whole_site():
    call_command("seed_demo")
    workflow = Workflow.objects.get(name="Editor submits, administrator approves")
    news = cms.NewsArticlePage.objects.first()
    assert news.get_workflow() == workflow


def test_scheduled_publishing_and_unpublishing(client):
    pages = build_tree()
    page = cms.StandardPage(
        title="Open evening", slug="open-evening", intro="Come and meet us.", live=False
    )
    pages["HomePage"].add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.expire_at = timezone.now() + datetime.timedelta(hours=3)
    page.save_revision().publish()
    assert client.get("/open-evening/").status_code == 404  # scheduled, not yet live

    with mock.patch("django.utils.timezone.now", return_value=page.go_live_at + MINUTE):
        call_command("publish_scheduled")
    assert client.get("/open-evening/").status_code == 200

    with mock.patch("django.utils.timezone.now", return_value=page.expire_at + MINUTE):
        call_command("publish_scheduled")
    assert not Page.objects.get(pk=page.pk).live
    assert client.get("/open-evening/").status_code == 404


def test_the_scheduled_publishing_task_runs_the_command():
    from cms.tasks import publish_scheduled_pages

    pages = build_tree()
    page = pages["StandardPage"]
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()
    publish_scheduled_pages()
    assert not Page.objects.get(pk=page.pk).live


def test_a_staff_story_goes_through_approval_before_it_shows_on_a_page(client_for):
    pages = build_tree()
    editor = client_for("content editor")
    story_data = {
        "name": "Priya",
        "role": "Advanced practitioner, Jigsaw",
        "quote": "Every family teaches me something.",
        "story": '{"blocks": [{"key": "a", "type": "unstyled", "text": "My day.", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "image_alt": "",
    }
    # An editor cannot publish: asking to publish leaves the story unpublished.
    editor.post(
        reverse("wagtailsnippets_cms_staffstory:add"), {**story_data, "action-publish": "1"}
    )
    editor.post(reverse("wagtailsnippets_cms_staffstory:add"), {**story_data, "action-submit": "1"})
    drafted, submitted = cms.StaffStory.objects.filter(name="Priya").order_by("pk")
    assert not drafted.live and not submitted.live
    assert submitted.current_workflow_state.status == "in_progress"
    story = submitted

    page = pages["StoryPage"]
    page.body = [("staff_story", {"story": story})]
    page.save_revision().publish()
    assert "Every family teaches me something." not in editor.get(page.url).content.decode()

    admin = client_for("administrator")
    response = admin.post(
        reverse("wagtailsnippets_cms_staffstory:edit", args=[story.pk]),
        {**story_data, "action-publish": "1"},
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    assert "Every family teaches me something." in editor.get(page.url).content.decode()
