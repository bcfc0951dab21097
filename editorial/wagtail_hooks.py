from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from editorial.dashboard import (
    ScheduledPublicationsPanel,
    TranslationReportView,
    TranslationTasksPanel,
    can_translate,
)
from editorial.translation_status import source_version


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(TranslationTasksPanel())
    panels.append(ScheduledPublicationsPanel())


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("traductions/", TranslationReportView.as_view(), name="editorial_translations"),
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
