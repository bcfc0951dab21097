from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from core.indexing import page_search_fields
from core.pages import CampusPageMixin


class Partner(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """A member or partner of the campus; translated like pages, one row per language."""

    class Kind(models.TextChoices):
        FOUNDING_MEMBER = "founding", _("Membre fondateur")
        INSTITUTE = "institute", _("Institut de recherche sur le campus")
        ORGANISATION = "organisation", _("Organisation partenaire")
        COMPANY = "company", _("Entreprise")

    name = models.CharField(_("nom"), max_length=200)
    acronym = models.CharField(
        _("sigle"),
        max_length=40,
        blank=True,
        help_text=_("Affiché sur le badge quand il n'y a pas de logo."),
    )
    kind = models.CharField(_("catégorie"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("site web"), blank=True)
    logo = models.ForeignKey(
        "images.CampusImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Le logo officiel fourni par le partenaire. "
            "Sans logo, un badge typographique s'affiche."
        ),
    )
    description = models.TextField(_("description courte"), max_length=400, blank=True)
    show_on_home_page = models.BooleanField(_("sur la page d'accueil"), default=False)
    sort_order = models.PositiveSmallIntegerField(
        _("ordre d'affichage"), default=0, help_text=_("Les plus petits nombres d'abord.")
    )

    # Wagtail's documented relations, with a name to query by (e.g. partner__…).
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="partner",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="partner",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("show_on_home_page"), FieldPanel("sort_order")], heading=_("Affichage")
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def badge_text(self):
        return self.acronym or self.name


def partners_with_logos(queryset):
    """Partners with their logo and the logo's renditions: two queries for any number."""
    from django.db.models import Prefetch

    from images.models import CampusRendition

    return queryset.select_related("logo").prefetch_related(
        Prefetch("logo__renditions", queryset=CampusRendition.objects.all())
    )


# Headings of the partners page, in display order.
KIND_HEADINGS = {
    Partner.Kind.FOUNDING_MEMBER: _("Membres fondateurs"),
    Partner.Kind.INSTITUTE: _("Instituts de recherche sur le campus"),
    Partner.Kind.ORGANISATION: _("Organisations partenaires"),
    Partner.Kind.COMPANY: _("Entreprises"),
}


class PartnersPage(CampusPageMixin, Page):
    """Lists the partners of its language, grouped by kind."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = page_search_fields(Page.search_fields, "intro")
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page des partenaires")
        verbose_name_plural = _("pages des partenaires")

    def groups(self):
        """[(kind label, [partners])] in the order of Partner.Kind, empty kinds left out."""
        partners = partners_with_logos(Partner.objects.filter(locale_id=self.locale_id, live=True))
        by_kind = {}
        for partner in partners:
            by_kind.setdefault(partner.kind, []).append(partner)
        return [
            (heading, by_kind[kind]) for kind, heading in KIND_HEADINGS.items() if kind in by_kind
        ]
