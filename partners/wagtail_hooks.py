from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from partners.models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "name",
        "acronym",
        "kind",
        "show_on_home_page",
        "locale",
        LiveStatusTagColumn(label=_("Statut")),
    ]
    list_filter = ["kind", "show_on_home_page", "locale"]
    search_fields = ["name", "acronym"]


register_snippet(PartnerViewSet)
