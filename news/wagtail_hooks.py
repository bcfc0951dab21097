from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import NewsCategory, NewsIndexPage, NewsPage, PressContact


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("Catégories")
    list_display = ["name", "slug", "locale", LiveStatusTagColumn(label=_("Statut"))]
    list_filter = ["locale"]
    search_fields = ["name"]


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    menu_label = _("Contacts presse")
    list_display = ["name", "role", "email", "locale", LiveStatusTagColumn(label=_("Statut"))]
    list_filter = ["locale"]
    search_fields = ["name", "role"]


def news_indexes(request):
    """{language code: news index}, read once per request (the menu asks several times)."""
    indexes = getattr(request, "campus_news_indexes", None)
    if indexes is None:
        indexes = {}
        for index in NewsIndexPage.objects.select_related("locale").order_by("path"):
            indexes.setdefault(index.locale.language_code, index)
        request.campus_news_indexes = indexes
    return indexes


class NewsIndexMenuItem(MenuItem):
    """The news items of one language: its news index in the page explorer.

    Resolved at request time: the index may not exist yet (a fresh site), and its
    id differs between environments. Hidden from users who cannot edit there.
    """

    def __init__(self, language_code, **kwargs):
        self.language_code = language_code
        super().__init__(label=language_code, url="", name=f"news-{language_code}", **kwargs)

    def index(self, request):
        return news_indexes(request).get(self.language_code)

    def is_shown(self, request):
        index = self.index(request)
        if index is None:
            return False
        permissions = index.permissions_for_user(request.user)
        return permissions.can_edit() or permissions.can_add_subpage()

    def render_component(self, request):
        index = self.index(request)
        # « Actualités (français) », « News (English) »: the index's title, then
        # its language in that language, as the language switcher names it.
        label = f"{index.title} ({get_language_info(self.language_code)['name_local']})"
        return LinkMenuItem(
            self.name,
            label,
            reverse("wagtailadmin_explore", args=[index.pk]),
            icon_name=self.icon_name,
            attrs={"lang": self.language_code},
        )


class AddNewsMenuItem(MenuItem):
    """« Ajouter une actualité »: the new news item form, under the French index."""

    def index(self, request):
        return news_indexes(request).get(settings.LANGUAGE_CODE)

    def is_shown(self, request):
        index = self.index(request)
        return (
            index is not None
            and index.permissions_for_user(request.user).can_add_subpage()
            and NewsPage.can_create_at(index)
        )

    def render_component(self, request):
        meta = NewsPage._meta
        # Built per request (menu items are shared between requests).
        url = reverse(
            "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, self.index(request).pk]
        )
        return LinkMenuItem(self.name, self.label, url, icon_name=self.icon_name)


class NewsViewSetGroup(SnippetViewSetGroup):
    items = (NewsCategoryViewSet, PressContactViewSet)
    menu_icon = "doc-full"
    menu_label = _("Actualités")
    # Fixed: Wagtail would slugify the label in the language of the first request.
    menu_name = "actualites"
    menu_order = 310

    def get_submenu_items(self):
        # The news items first (French, then the other languages), then the snippets.
        language_codes = [code for code, _name in settings.LANGUAGES]
        pages = [
            NewsIndexMenuItem(code, icon_name="doc-full", order=order)
            for order, code in enumerate(language_codes, start=1)
        ]
        pages.append(
            AddNewsMenuItem(
                _("Ajouter une actualité"),
                url="",
                name="add-news",
                icon_name="plus",
                order=len(pages) + 1,
            )
        )
        snippets = [
            registerable.get_menu_item(order=len(pages) + order)
            for order, registerable in enumerate(self.registerables, start=1)
        ]
        return pages + snippets


register_snippet(NewsViewSetGroup)
