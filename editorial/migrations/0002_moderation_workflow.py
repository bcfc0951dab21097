"""The moderation workflow: « Validation éditoriale ».

One task, « Relecture par la validation », approved by the Validation group:
an editor submits a page or a snippet, a member of Validation approves it
(which publishes it) or requests changes with a comment; Wagtail emails the
submitter and the moderators at each step.

It covers the whole page tree, both languages (a WorkflowPage on the root
page), and the four snippets with a draft state (WorkflowContentType):
partners, news categories, press contacts and footers.

Wagtail's own migrations attach a « Moderators approval » workflow to the root
page; a page has only one workflow link, so it is moved to ours, and the old
workflow is deactivated if nothing else uses it.
"""

from django.db import migrations

WORKFLOW = "Validation éditoriale"
TASK = "Relecture par la validation"
MODERATORS = "Validation"
SNIPPETS = [
    ("partners", "partner"),
    ("news", "newscategory"),
    ("news", "presscontact"),
    ("navigation", "footer"),
]


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(Group.objects.get(name=MODERATORS))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root_page = Page.objects.get(depth=1)
    previous = WorkflowPage.objects.filter(page=root_page).exclude(workflow=workflow).first()
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    if previous is not None:
        old = previous.workflow
        if not old.workflow_pages.exists() and not old.workflow_content_types.exists():
            old.active = False
            old.save(update_fields=["active"])

    for app_label, model in SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def delete_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(name=TASK).delete()
    Workflow.objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles")]

    operations = [migrations.RunPython(create_workflow, delete_workflow)]
