"""The news items and their snippets (categories, press contacts).

The publication date is editable. When an editor leaves it empty, ``save``
copies the first publication time into it once the page goes live, so the
editor sees the date the site shows; listings still order by
``Coalesce(publication_date, first_published_at)`` so that a page saved some
other way (bulk update, import) is never left out or misplaced.
"""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from core.blocks import BodyStreamBlock
from core.cache import cache_key, cached
from core.images import load_page_image
from core.indexing import page_search_fields
from core.pages import CampusPageMixin
from core.translation import in_locale_of_links
from core.visibility import public
from images.models import PageImageMixin

PAGE_SIZE = 12
# The news index's feeds (news/index.py): route prefix, name shown to visitors, MIME type.
# Here, so that an article's slug can be checked against them.
FEED_KINDS = [("rss", "RSS", "application/rss+xml"), ("atom", "Atom", "application/atom+xml")]
# What a news card shows (news/news_cards.html): title, link, summary, date, category.
# Listings of cards load these columns only.
CARD_FIELDS = (
    "title",
    "url_path",
    "standfirst",
    "publication_date",
    "first_published_at",
    "category__name",
)


class NewsCategory(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """Communiqué de presse, actualité, événement…; one row per language."""

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(
        _("identifiant dans l'adresse"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Utilisé dans l'adresse du filtre, par exemple « communique-de-presse »."),
    )

    # Wagtail's documented relations, with a name to query by (e.g. news_category__…).
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="news_category",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="news_category",
        for_concrete_model=False,
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("catégorie d'actualité")
        verbose_name_plural = _("catégories d'actualité")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class PressContact(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    name = models.CharField(_("nom"), max_length=120)
    role = models.CharField(_("fonction"), max_length=160, blank=True)
    email = models.EmailField(_("adresse électronique"), blank=True)
    phone = models.CharField(
        _("téléphone"),
        max_length=40,
        blank=True,
        help_text=_("Au format international, par exemple « +33 1 23 45 67 89 »."),
    )

    # Wagtail's documented relations, with a name to query by (e.g. press_contact__…).
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="press_contact",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="press_contact",
        for_concrete_model=False,
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("phone")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact presse")
        verbose_name_plural = _("contacts presse")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        """The number for a tel: link: digits and a leading +, nothing else."""
        return "".join(char for char in self.phone if char.isdigit() or char == "+")


def news_listing(locale_id):
    """Live public news of one language, newest first, with one date to show and sort by."""
    return (
        public(NewsPage.objects.live())
        .filter(locale_id=locale_id)
        .annotate(sort_date=Coalesce("publication_date", "first_published_at"))
        .select_related("category", "image")
        .defer_streamfields()
        .order_by("-sort_date", "-pk")
    )


class NewsPage(CampusPageMixin, PageImageMixin, Page):
    schema_type = "NewsArticle"

    publication_date = models.DateTimeField(
        _("date de publication"),
        null=True,
        blank=True,
        help_text=_(
            "Vide : la date de la première publication. Heure de Paris ; "
            "à 00:00, seule la date s'affiche."
        ),
    )
    updated_at = models.DateTimeField(
        _("mis à jour le"),
        null=True,
        blank=True,
        help_text=_(
            "À remplir seulement quand le contenu a changé sur le fond (un fait, un chiffre, "
            "une date) : la date s'affiche sous le titre. Pas pour une coquille."
        ),
    )
    standfirst = models.TextField(
        _("chapô"), help_text=_("Deux ou trois phrases, reprises sur les cartes.")
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("catégorie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        verbose_name=_("mots-clés"),
        through="news.NewsPageTag",
        blank=True,
        help_text=_("Les mots-clés sont communs aux deux langues."),
    )
    press_contact = models.ForeignKey(
        PressContact,
        verbose_name=_("contact presse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("updated_at")], heading=_("Dates")
        ),
        FieldPanel("standfirst"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("category"), FieldPanel("tags")], heading=_("Classement")),
        InlinePanel("related_partners", heading=_("Partenaires cités"), label=_("partenaire")),
        FieldPanel("press_contact"),
        InlinePanel("related_items", heading=_("Actualités liées"), label=_("actualité")),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    search_fields = page_search_fields(Page.search_fields, "standfirst", "body")

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def clean(self):
        super().clean()
        # The news index answers these addresses with its feeds (NewsIndexPage routes).
        if self.slug in {kind for kind, _label, _type in FEED_KINDS}:
            raise ValidationError(
                {
                    "slug": _(
                        "Cette adresse est réservée aux flux d'actualités : "
                        "choisissez-en une autre."
                    )
                }
            )

    def feed_links(self, request=None):
        """The feeds of its index, and of its category when it has one."""
        return self.get_parent().specific_deferred.feed_links(self.category, request=request)

    def save(self, *args, **kwargs):
        # Publishing sets first_published_at before saving the live page.
        if self.publication_date is None and self.live and self.first_published_at:
            self.publication_date = self.first_published_at
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        self.image, self.category, self.press_contact, tags, related = self.template_reads(request)
        context = super().get_context(request, *args, **kwargs)
        context["news_tags"], context["related_news"] = tags, related
        context["feed_links"] = self.feed_links(request=request)
        return context

    def template_reads(self, request=None):
        """(image with its renditions, category, press contact, tags, related items).

        What the template reads beyond the page's own row, all changed only by a
        publication (core/version.py): one cached lookup, no query once warm. A preview
        reads them afresh (the draft's own).
        """

        def compute():
            return (
                load_page_image(self).image,
                self.category,
                self.press_contact,
                list(self.tags.all()),
                self.related_news(),
            )

        if request is None or getattr(request, "is_preview", False):
            return compute()
        return cached(cache_key(request, "news-page", self.pk), compute)

    @property
    def display_date(self):
        return self.publication_date or self.first_published_at

    @property
    def shows_time(self):
        """False at 00:00 Paris time: the convention for "the day, no precise time"."""
        date = self.display_date
        return date is not None and localtime(date).time() != datetime.time(0, 0)

    @property
    def summary(self):
        """What cards show under the title."""
        return self.standfirst

    def article_facts(self):
        # For search engines and link previews (seo/templatetags/seo_tags.py).
        return {
            "published": self.display_date,
            "modified": self.updated_at or self.last_published_at,
            "section": self.category.name if self.category else "",
        }

    def partners(self):
        """The partners named, in this page's language and the editors' order."""
        from partners.models import Partner, partners_with_logos

        return in_locale_of_links(
            partners_with_logos(Partner.objects.filter(live=True)),
            self.locale_id,
            NewsPagePartner.objects.filter(page_id=self.pk),
            "partner__translation_key",
        )

    def related_news(self):
        """Related items in this page's language, live ones only."""
        return in_locale_of_links(
            public(NewsPage.objects.live()).select_related("category").only(*CARD_FIELDS),
            self.locale_id,
            NewsPageRelatedItem.objects.filter(page_id=self.pk),
            "related_page__translation_key",
        )


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="tagged_items")


class NewsPagePartner(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_partners")
    partner = models.ForeignKey(
        "partners.Partner", verbose_name=_("partenaire"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire cité")
        verbose_name_plural = _("partenaires cités")


class NewsPageRelatedItem(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_items")
    related_page = models.ForeignKey(
        NewsPage, verbose_name=_("actualité"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page", page_type="news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("actualité liée")
        verbose_name_plural = _("actualités liées")
