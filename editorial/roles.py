"""The communications team's roles and moderation workflow, by name.

They are created by data migrations (editorial/migrations/0001_roles.py and
0002_moderation_workflow.py), so every environment has them; see the docstrings
there for who may do what. The names below are the ones the migrations create:
code and tests find the groups, workflow and task by them.
"""

# Editors: write drafts and submit them for approval; never publish.
EDITORS_GROUP = "Rédaction"
# Moderators: approve or request changes, publish, unpublish, schedule, lock.
MODERATORS_GROUP = "Validation"

WORKFLOW_NAME = "Validation éditoriale"
TASK_NAME = "Relecture par la validation"

# Snippets that have a draft state and go through the workflow, as app_label.model.
MODERATED_SNIPPETS = (
    "partners.partner",
    "news.newscategory",
    "news.presscontact",
    "navigation.footer",
)
