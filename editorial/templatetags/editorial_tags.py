"""Template tags of the editorial admin templates."""

from django import template
from django.urls import reverse

from editorial.roles import MODERATED_SNIPPETS
from editorial.translation_status import can_publish

register = template.Library()


@register.simple_tag
def snippet_submit_url(user, instance):
    """Where a user who may not publish submits the translated snippet; None otherwise."""
    meta = instance._meta
    if f"{meta.app_label}.{meta.model_name}" not in MODERATED_SNIPPETS:
        return None
    if can_publish(user, type(instance)):
        return None
    return reverse(
        "editorial_submit_snippet_translation", args=(meta.app_label, meta.model_name, instance.pk)
    )
