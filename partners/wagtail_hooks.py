from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, LiveStatusTagColumn
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
        # A yes/no icon with its spoken label, where Wagtail would print « True ».
        BooleanColumn(
            "show_on_home_page",
            label=capfirst(Partner._meta.get_field("show_on_home_page").verbose_name),
            sort_key="show_on_home_page",
        ),
        "locale",
        LiveStatusTagColumn(label=_("Statut")),
    ]
    list_filter = ["kind", "show_on_home_page", "locale"]
    search_fields = ["name", "acronym"]


register_snippet(PartnerViewSet)
