"""The moderation workflow: content editors draft and submit, administrators approve.

Content editors hold only add and change page permissions (accounts/roles.py), so
publishing goes through this workflow; administrators hold publish permission."""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts.roles import Role

WORKFLOW_NAME = "Editor submits, administrator approves"
TASK_NAME = "Administrator approval"


def ensure_moderation_workflow(page) -> Workflow:
    """Make sure `page` and every page below it use the approval workflow."""
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
    return workflow
