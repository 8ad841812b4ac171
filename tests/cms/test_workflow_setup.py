"""Moderation is set up by migrate itself, so production needs no demo data for it."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from cms.workflows import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def test_after_migrate_every_page_goes_through_administrator_approval():
    root = Page.get_first_root_node()
    assert root.get_workflow().name == WORKFLOW_NAME
    task = root.get_workflow().tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["administrator"]


def test_wagtails_starter_groups_are_gone_so_roles_py_is_the_one_place():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
