"""The communications team's roles: the groups « Rédaction » and « Validation ».

Who may do what (administrators, i.e. superusers, may do everything):

=========================================  =========  ==========
Action                                     Rédaction  Validation
=========================================  =========  ==========
Enter the admin                            yes        yes
Pages (whole tree, both languages):
  create, edit, save drafts, submit        yes        yes
  publish, unpublish, schedule             no         yes
  lock, unlock                             no         yes
  delete                                   (1)        (2)
Partners, news categories, press
contacts, footers (snippets with drafts):
  create, edit, save drafts, submit        yes        yes
  publish, unpublish, schedule             no         yes
  lock, unlock                             no         yes
  delete                                   no         yes
Images and documents (root collection):
  upload, choose                           yes        yes
  edit, delete                             own (3)    all
Submit for translation (wagtail-localize)  yes        yes
=========================================  =========  ==========

(1) Wagtail derives page deletion from the other rights: an editor may only
    delete a page that has never been published and has no children.
(2) A moderator may delete one published page with no children; deleting a
    page with children ("bulk delete") stays with the administrators.
(3) Wagtail's ownership rule: the images and documents they uploaded; the
    others stay as they are, since they may be on published pages.

Pages are granted on the root page, images and documents on the root
collection. Moderation itself (the workflow that makes the Validation group
approve what the Rédaction submits) is set up by 0002_moderation_workflow.

On a fresh database, Django creates content types and permissions only after
every migration has run (post_migrate); the rows this migration needs are
therefore created here when missing, with the codenames Django and Wagtail
give them, so that their own later pass finds them and adds nothing.
Idempotent: running it on a database that already has the groups only adds
what is missing. Wagtail's own « Editors » and « Moderators » groups are left
as they are.
"""

from django.db import migrations

EDITORS = "Rédaction"
MODERATORS = "Validation"

# (app_label, model, codename)
ADMIN = [("wagtailadmin", "admin", "access_admin")]
TRANSLATION = [("wagtail_localize", "translation", "submit_translation")]
SNIPPETS = [
    ("partners", "partner"),
    ("news", "newscategory"),
    ("news", "presscontact"),
    ("navigation", "footer"),
]

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
IMAGE_PERMISSIONS = {
    EDITORS: ["add_image", "choose_image"],
    MODERATORS: ["add_image", "change_image", "choose_image"],
}
DOCUMENT_PERMISSIONS = {
    EDITORS: ["add_document", "choose_document"],
    MODERATORS: ["add_document", "change_document", "choose_document"],
}
SNIPPET_ACTIONS = {
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "delete", "publish", "lock", "unlock"],
}


def model_permissions(group_name):
    """(app_label, model, codename) of the model-wide permissions of a group."""
    rows = ADMIN + TRANSLATION
    for app_label, model in SNIPPETS:
        rows += [(app_label, model, f"{action}_{model}") for action in SNIPPET_ACTIONS[group_name]]
    return rows


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.split("_", 1)[0]
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model}"[:255]},
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name in (EDITORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(get_permission(apps, *row) for row in model_permissions(name))
        )
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=get_permission(apps, "wagtailcore", "page", codename),
            )
        for app_label, model, codenames in (
            ("wagtailimages", "image", IMAGE_PERMISSIONS[name]),
            ("wagtaildocs", "document", DOCUMENT_PERMISSIONS[name]),
        ):
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=get_permission(apps, app_label, model, codename),
                )


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, MODERATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("partners", "0002_draft_state_workflow"),
        ("news", "0003_draft_state_workflow"),
        ("navigation", "0002_draft_state_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
