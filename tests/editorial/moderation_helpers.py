"""Users of each role and admin form posting, for the permission and workflow tests.

The groups, their permissions and the workflow come from the editorial data
migrations, which the test database runs like any other.
"""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from editorial.roles import EDITORS_GROUP, MODERATORS_GROUP
from home.models import HomePage, StandardPage

PASSWORD = "un mot de passe assez long"  # noqa: S105 (test users only)


def make_user(username, group_name=None, *, superuser=False, language="fr"):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
        is_superuser=superuser,
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def make_role_users():
    return {
        "editor": make_user("redactrice", EDITORS_GROUP),
        "moderator": make_user("validateur", MODERATORS_GROUP),
        "admin": make_user("admin", superuser=True),
    }


def french_home():
    return HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))


def add_standard_page(title, *, live=True, owner=None):
    """A StandardPage under the French home, published or a draft never published."""
    page = StandardPage(title=title, intro="Une introduction.", live=live, owner=owner)
    french_home().add_child(instance=page)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    return Page.objects.get(pk=page.pk).specific


def form_data(response, **overrides):
    """The values an admin form would post as rendered, then ``overrides``.

    Takes the form whose fields include ``csrfmiddlewaretoken`` and the most
    inputs (the editor form, not the header search). Checkboxes count only when
    checked; StreamFields, built by JavaScript in a browser, are posted empty.
    """
    soup = BeautifulSoup(response.content, "html.parser")
    forms = [form for form in soup.find_all("form") if form.get("method", "").lower() == "post"]
    form = max(forms, key=lambda f: len(f.find_all(["input", "select", "textarea"])))
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.name == "textarea":
            # The HTML parser keeps the newline that follows <textarea>; browsers drop it.
            text = field.get_text()
            data[name] = text[1:] if text.startswith("\n") else text
        elif field.name == "select":
            selected = field.find("option", selected=True) or field.find("option")
            data[name] = selected.get("value", "") if selected else ""
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    for block_field in form.select("[data-controller~='w-block'], [data-block]"):
        field_id = block_field.get("id") or ""
        if field_id and f"{field_id}-count" not in data:
            data[f"{field_id}-count"] = "0"
    data.update(overrides)
    return data
