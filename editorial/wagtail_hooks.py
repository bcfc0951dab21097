import json

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from editorial.dashboard import (
    ScheduledPublicationsPanel,
    TranslationReportView,
    TranslationTasksPanel,
    can_translate,
)
from editorial.slugs import browser_formatters, shorten_posted_slug
from editorial.translation_status import source_version
from editorial.views import submit_snippet_translation, submit_translation


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(TranslationTasksPanel())
    panels.append(ScheduledPublicationsPanel())


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("traductions/", TranslationReportView.as_view(), name="editorial_translations"),
        path(
            "traductions/page/<int:page_id>/soumettre/",
            submit_translation,
            name="editorial_submit_translation",
        ),
        path(
            "traductions/fragment/<str:app_label>/<str:model_name>/<str:pk>/soumettre/",
            submit_snippet_translation,
            name="editorial_submit_snippet_translation",
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_translate(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        gettext_lazy("Traductions à faire"),
        reverse("editorial_translations"),
        name="editorial-translations",
        icon_name="wagtail-localize-language",
        order=650,
    )


def announce_source_version(request, instance):
    """On an English page or snippet's editor: which French version it was translated from.

    A message at the top of the editor, wagtail-localize's translation editor
    included, with a link to the French version (and to the sync form when the
    French has changed since).
    """
    if request.method != "GET":
        return
    version = source_version(instance)
    if version is None:
        return
    synced_at = formats.date_format(timezone.localtime(version.synced_at), "DATETIME_FORMAT")
    if version.revision_id:
        text = _("Traduit depuis la version française du %(date)s (révision n° %(revision)s).") % {
            "date": synced_at,
            "revision": version.revision_id,
        }
    else:
        text = _("Traduit depuis la version française du %(date)s.") % {"date": synced_at}
    buttons = []
    if version.source_edit_url:
        buttons.append(messages.button(version.source_edit_url, _("Voir la version française")))
    if version.is_outdated:
        text += " " + _("La version française a changé depuis.")
        buttons.append(messages.button(version.update_url, _("Mettre à jour la traduction")))
    messages.info(request, text, buttons=buttons)


# Before wagtail-localize's hooks, which answer with the translation editor.
@hooks.register("before_edit_page", order=-10)
def announce_page_source_version(request, page):
    announce_source_version(request, page)


@hooks.register("before_edit_snippet", order=-10)
def announce_snippet_source_version(request, instance):
    announce_source_version(request, instance)


# Unpublishing or deleting a French page: its confirmation (templates/wagtailadmin/
# pages/confirm_unpublish.html and confirm_delete.html) offers to do the same with
# the translations, in the same POST. Not Wagtail's
# construct_translated_pages_to_cascade_actions hook: it cascades every time,
# without a choice.
CASCADE_FIELD = "include_translations"


def translations_to_cascade(request, page):
    """The page's translations the confirmation offered and the user ticked, else none."""
    if request.POST.get(CASCADE_FIELD) != "on" or not page.locale.is_default:
        return []
    # By translation key: after_delete_page gets the French page once it is deleted.
    translations = Page.objects.filter(translation_key=page.translation_key).exclude(
        locale_id=page.locale_id
    )
    return list(translations.specific())


@hooks.register("after_unpublish_page")
def unpublish_translations(request, page):
    include_descendants = bool(request.POST.get("include_descendants"))
    done, refused = [], []
    for translation in translations_to_cascade(request, page):
        if not translation.live:
            continue  # Already offline, or an alias that followed its French page.
        if not translation.permissions_for_user(request.user).can_unpublish():
            refused.append(translation)
            continue
        UnpublishPageAction(
            translation, user=request.user, include_descendants=include_descendants
        ).execute()
        done.append(translation)
    report_cascade(request, done, refused, unpublished=True)


@hooks.register("after_delete_page")
def delete_translations(request, page):
    done, refused = [], []
    for translation in translations_to_cascade(request, page):
        if not translation.permissions_for_user(request.user).can_delete():
            refused.append(translation)
            continue
        DeletePageAction(translation, user=request.user).execute()
        done.append(translation)
    report_cascade(request, done, refused, unpublished=False)


def quoted_titles(pages):
    return ", ".join(
        _("« %(title)s »") % {"title": page.get_admin_display_title()} for page in pages
    )


def report_cascade(request, done, refused, *, unpublished):
    titles = quoted_titles(done)
    if done and unpublished:
        message = ngettext(
            "Traduction dépubliée aussi : %(titles)s.",
            "Traductions dépubliées aussi : %(titles)s.",
            len(done),
        )
        messages.success(request, message % {"titles": titles})
    elif done:
        message = ngettext(
            "Traduction supprimée aussi : %(titles)s.",
            "Traductions supprimées aussi : %(titles)s.",
            len(done),
        )
        messages.success(request, message % {"titles": titles})
    if refused:
        titles = quoted_titles(refused)
        messages.warning(
            request,
            _(
                "Vous n'avez pas le droit de modifier ces traductions, "
                "restées telles quelles : %(titles)s."
            )
            % {"titles": titles},
        )


@hooks.register("before_create_page")
def short_slug_on_create(request, parent_page, page_class):
    # A new page's automatic slug: the first words of its title (editorial/slugs.py).
    shorten_posted_slug(request, parent_page)


@hooks.register("before_edit_page")
def short_slug_on_edit(request, page):
    # Until first published, the slug still follows the title in Wagtail's editor.
    shorten_posted_slug(request, page=page)


@hooks.register("insert_global_admin_css")
def editorial_admin_css():
    # The admin's own fixes (static/editorial/admin.css): the schedule dialog's picker.
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


@hooks.register("insert_editor_js")
def short_slug_while_typing():
    # The same short-slug rule in the page editor, before the form is saved.
    return format_html(
        '<script src="{}" data-formatters="{}"></script>',
        static("editorial/slug.js"),
        json.dumps(browser_formatters(), separators=(",", ":")),
    )
