import pytest
from django.contrib.auth.models import Group

from accounts.roles import MFA_REQUIRED_ROLES, ROLES, Role, sync_roles


@pytest.mark.django_db
def test_every_role_is_a_group_holding_exactly_its_listed_permissions():
    sync_roles()
    for name, spec in ROLES.items():
        group = Group.objects.get(name=name)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == set(spec.permissions), name


@pytest.mark.django_db
def test_a_permission_added_by_hand_is_taken_away_on_the_next_sync():
    from django.contrib.auth.models import Permission

    group = Group.objects.get(name=Role.CANDIDATE)
    group.permissions.add(Permission.objects.get(codename="change_staffprofile"))
    sync_roles()
    assert not group.permissions.exists()


def test_everyone_who_sees_other_peoples_data_must_use_mfa():
    assert {
        Role.RECRUITER,
        Role.HIRING_MANAGER,
        Role.LD_LEAD,
        Role.FOSTERING_TEAM,
        Role.ADMINISTRATOR,
    } <= MFA_REQUIRED_ROLES
    assert Role.CANDIDATE not in MFA_REQUIRED_ROLES
    assert Role.FOSTER_ENQUIRER not in MFA_REQUIRED_ROLES


@pytest.mark.django_db
def test_content_editors_can_edit_pages_but_not_publish_them(make_user):
    from wagtail.models import Page

    editor = make_user(Role.CONTENT_EDITOR)
    page = Page.get_first_root_node().add_child(instance=Page(title="Fostering", slug="f"))
    perms = page.permissions_for_user(editor)
    assert perms.can_add_subpage()
    assert not perms.can_publish()
    admin = make_user(Role.ADMINISTRATOR)
    assert page.permissions_for_user(admin).can_publish()
