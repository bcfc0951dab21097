from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from navigation.models import Footer


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    menu_label = _("Pied de page")
    add_to_settings_menu = True
    list_display = ["__str__", "locale", LiveStatusTagColumn(label=_("Statut"))]


register_snippet(FooterViewSet)
