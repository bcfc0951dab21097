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

from core.blocks import DocumentBlock
from core.cache import cache_key, cached
from core.indexing import page_search_fields
from core.pages import CampusPageMixin
from core.translation import in_locale_of_links
from core.visibility import public
from news.models import NewsCategory, NewsIndexPage, PressContact, news_listing

PRESS_RELEASE_COUNT = 10


class PressKitBlock(blocks.StreamBlock):
    document = DocumentBlock()


class PressRoomPage(CampusPageMixin, Page):
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

    @cached_property
    def _press_releases(self):
        if self.press_release_category_id is None:
            return []
        # The chosen category in this page's language (an editor may pick another
        # language's), in the same query as the items.
        chosen = NewsCategory.objects.filter(pk=self.press_release_category_id)
        return list(
            news_listing(self.locale_id).filter(
                category__locale_id=self.locale_id,
                category__live=True,
                category__translation_key__in=chosen.values("translation_key"),
            )[:PRESS_RELEASE_COUNT]
        )

    def press_releases(self):
        """The latest live press releases of this page's language, newest first (one query)."""
        return self._press_releases

    def press_releases_url(self, request=None):
        """The news index of this language filtered on the press-release category, or "".

        No query once warm: the index's URL is remembered per content version.
        """
        releases = self._press_releases
        if not releases:
            return ""

        def index_url():
            index = public(NewsIndexPage.objects.live()).filter(locale_id=self.locale_id).first()
            return index.get_url(request) if index is not None else ""

        url = cached(cache_key(request, "news_index_url", self.locale_id), index_url)
        return f"{url}?category={releases[0].category.slug}" if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["press_releases_url"] = self.press_releases_url(request)
        return context

    def contacts(self):
        """The media contacts in this page's language and the editors' order."""
        return in_locale_of_links(
            PressContact.objects.filter(live=True),
            self.locale_id,
            PressRoomContact.objects.filter(page_id=self.pk),
            "contact__translation_key",
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
