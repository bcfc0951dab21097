from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import NewsCategory, PressContact


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


class NewsViewSetGroup(SnippetViewSetGroup):
    items = (NewsCategoryViewSet, PressContactViewSet)
    menu_icon = "doc-full"
    menu_label = _("Actualités")
    menu_order = 310


register_snippet(NewsViewSetGroup)
