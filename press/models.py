"""The press room: press releases, media contacts and the press kit, one page per language.

Press releases are not a page type of their own: they are the news items of
the category the editors choose on the page (« Communiqué de presse »), so an
item is written once, in the news section, and listed here too.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from campus.translation import in_locale
from home.blocks import DocumentBlock
from news.models import NewsCategory, NewsIndexPage, PressContact, news_listing
from search.indexing import folded_search_text, page_search_fields

PRESS_RELEASE_COUNT = 10


class PressKitBlock(blocks.StreamBlock):
    document = DocumentBlock()


class PressRoomPage(Page):
    """« Espace presse » / « Press room »."""

    intro = models.TextField(_("introduction"), blank=True)
    press_release_category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("catégorie des communiqués de presse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Les dernières actualités de cette catégorie sont listées comme communiqués de presse."
        ),
    )
    press_kit = StreamField(
        PressKitBlock(),
        verbose_name=_("dossier de presse"),
        blank=True,
        help_text=_("Les documents à télécharger ; leur format et leur poids sont affichés."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("press_release_category"),
        InlinePanel("media_contacts", heading=_("Contacts presse"), label=_("contact presse")),
        FieldPanel("press_kit"),
    ]
    search_fields = page_search_fields(Page.search_fields, "intro")
    folded_search_text = folded_search_text
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("espace presse")
        verbose_name_plural = _("espaces presse")

    @cached_property
    def release_category(self):
        """The chosen category in this page's language (an editor may pick another language's)."""
        if self.press_release_category_id is None:
            return None
        return NewsCategory.objects.filter(
            locale_id=self.locale_id,
            live=True,
            translation_key__in=NewsCategory.objects.filter(
                pk=self.press_release_category_id
            ).values("translation_key"),
        ).first()

    def press_releases(self):
        """The latest live press releases of this page's language, newest first."""
        if self.release_category is None:
            return []
        return list(
            news_listing(self.locale_id).filter(category=self.release_category)[
                :PRESS_RELEASE_COUNT
            ]
        )

    def press_releases_url(self):
        """The news index of this language filtered on the press-release category, or ""."""
        index = NewsIndexPage.objects.live().public().filter(locale_id=self.locale_id).first()
        if index is None or self.release_category is None:
            return ""
        return f"{index.url}?category={self.release_category.slug}"

    def contacts(self):
        """The media contacts in this page's language and the editors' order."""
        rows = self.media_contacts.select_related("contact")
        return in_locale(
            PressContact.objects.filter(live=True),
            self.locale_id,
            (row.contact.translation_key for row in rows),
        )


class PressRoomContact(Orderable):
    page = ParentalKey(PressRoomPage, on_delete=models.CASCADE, related_name="media_contacts")
    contact = models.ForeignKey(
        PressContact,
        verbose_name=_("contact presse"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact presse")
        verbose_name_plural = _("contacts presse")
