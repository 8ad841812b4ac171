"""The moderation workflow: content editors draft and submit, administrators approve.

Content editors hold only add and change page permissions (accounts/roles.py), so
publishing goes through this workflow; administrators hold publish permission."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from accounts.roles import Role

WORKFLOW_NAME = "Editor submits, administrator approves"
TASK_NAME = "Administrator approval"


def ensure_moderation_workflow(page) -> Workflow:
    """Make sure `page` and every page below it, and staff stories, use the approval
    workflow."""
    from .models import StaffStory

    approvers, _ = Group.objects.get_or_create(name=Role.ADMINISTRATOR)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    # Workflow is a cluster: its related manager only saves with the workflow, so the
    # link row is written directly.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(StaffStory),
        defaults={"workflow": workflow},
    )
    return workflow
