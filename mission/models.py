from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from core.blocks import BodyStreamBlock
from core.indexing import page_search_fields
from core.pages import CampusPageMixin
from core.translation import in_locale_of_links
from core.visibility import public
from images.models import PageImageMixin

ICON_CHOICES = [
    ("data", _("Données")),
    ("training", _("Formation")),
    ("innovation", _("Innovation")),
    ("patient", _("Patient")),
]


def card_listing(model, parent, descendants=False):
    # Tree order is the order editors set in the admin.
    pages = model.objects.descendant_of(parent) if descendants else model.objects.child_of(parent)
    return public(pages.live()).defer_streamfields().order_by("path")


class MissionPage(CampusPageMixin, Page):
    """« Le campus » / « About the campus »: what the campus is for."""

    intro = models.TextField(_("introduction"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = page_search_fields(Page.search_fields, "intro", "body")
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page mission")
        verbose_name_plural = _("pages mission")


class CardIndexPage(CampusPageMixin, Page):
    """A listing of its children as cards, in the order editors set in the tree."""

    intro = models.TextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = page_search_fields(Page.search_fields, "intro")
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def cards(self):
        raise NotImplementedError


class CardPage(CampusPageMixin, PageImageMixin, Page):
    """A card-sized page: a summary for listings and a body for its own page."""

    summary = models.TextField(
        _("résumé"), max_length=300, help_text=_("Une ou deux phrases, reprises sur les cartes.")
    )
    icon = models.CharField(_("pictogramme"), max_length=20, choices=ICON_CHOICES, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("icon"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
    ]
    search_fields = page_search_fields(Page.search_fields, "summary", "body")

    class Meta:
        abstract = True

    @property
    def number(self):
        """Position among its live siblings, as shown on cards (1, 2, 3…)."""
        return type(self).objects.sibling_of(self).live().filter(path__lte=self.path).count()


class ObjectiveIndexPage(CardIndexPage):
    subpage_types = ["mission.ObjectivePage"]

    class Meta:
        verbose_name = _("liste des objectifs")
        verbose_name_plural = _("listes des objectifs")

    def cards(self):
        return card_listing(ObjectivePage, self)


class ObjectivePage(CardPage):
    parent_page_types = ["mission.ObjectiveIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")

    def pillars(self):
        """The pillars that say they serve this objective, in the visitor's language."""
        return (
            public(PillarPage.objects.live())
            .defer_streamfields()
            .filter(
                locale_id=self.locale_id,
                translation_key__in=PillarObjective.objects.filter(
                    objective__translation_key=self.translation_key
                ).values("page__translation_key"),
            )
            .order_by("path")
        )


class PillarIndexPage(CardIndexPage):
    subpage_types = ["mission.PillarPage"]

    class Meta:
        verbose_name = _("liste des piliers")
        verbose_name_plural = _("listes des piliers")

    def cards(self):
        return card_listing(PillarPage, self)


class PillarPage(CardPage):
    parent_page_types = ["mission.PillarIndexPage"]
    subpage_types = []

    content_panels = CardPage.content_panels + [
        InlinePanel("served_objectives", heading=_("Objectifs servis"), label=_("objectif")),
    ]

    class Meta:
        verbose_name = _("pilier")
        verbose_name_plural = _("piliers")

    def objectives(self):
        """The objectives this pillar serves, in the visitor's language and the editors' order."""
        return in_locale_of_links(
            public(ObjectivePage.objects.live()).defer_streamfields(),
            self.locale_id,
            PillarObjective.objects.filter(page_id=self.pk),
            "objective__translation_key",
        )


class PillarObjective(Orderable):
    page = ParentalKey(PillarPage, on_delete=models.CASCADE, related_name="served_objectives")
    objective = models.ForeignKey(
        ObjectivePage, verbose_name=_("objectif"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("objective")]

    class Meta(Orderable.Meta):
        verbose_name = _("objectif servi")
        verbose_name_plural = _("objectifs servis")
