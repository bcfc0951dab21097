from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from core.blocks import LinkBlock
from core.links import localized_page


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.CharBlock(label=_("réseau"), help_text=_("Par exemple « LinkedIn »."))
    url = blocks.URLBlock(label=_("adresse du compte"))

    class Meta:
        icon = "site"
        label = _("Réseau social")


class AccessibilityStatus(models.TextChoices):
    """The three statuses of the RGAA, as the footer must state them."""

    # The RGAA's rule: "non conforme" as long as no valid audit measures the criteria.
    NON_COMPLIANT = "non-compliant", _("non conforme")
    PARTIALLY_COMPLIANT = "partially-compliant", _("partiellement conforme")
    FULLY_COMPLIANT = "fully-compliant", _("totalement conforme")


class Footer(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """The footer texts of one language: address, contact, social and legal links."""

    address = models.TextField(_("adresse"), help_text=_("Une ligne par ligne d'adresse."))
    contact_email = models.EmailField(_("courriel de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("réseaux sociaux"), blank=True
    )
    legal_links = StreamField([("link", LinkBlock())], verbose_name=_("liens légaux"), blank=True)
    accessibility_status = models.CharField(
        _("état de conformité"),
        max_length=20,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NON_COMPLIANT,
        help_text=_(
            "Celui de la déclaration d'accessibilité. Sans audit RGAA en cours de validité, "
            "le site est « non conforme »."
        ),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Wagtail's documented relations, with a name to query by (e.g. footer__…).
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="footer",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="footer",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("address"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("contact_page")],
            heading=_("Contact"),
        ),
        FieldPanel("social_links"),
        FieldPanel("legal_links"),
        MultiFieldPanel(
            [FieldPanel("accessibility_status"), FieldPanel("accessibility_page")],
            heading=_("Accessibilité"),
            help_text=_(
                "Le pied de page affiche « Accessibilité : » suivi de l'état de conformité, "
                "avec un lien vers la déclaration."
            ),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pied de page")
        verbose_name_plural = _("pieds de page")

    def __str__(self):
        return str(_("Pied de page (%(language)s)") % {"language": self.locale.get_display_name()})

    def page_links(self):
        """The footer's links to pages, in the active language (the footer's), no query when warm.

        Returns {"contact": page, "accessibility": page, "legal": [{"page", "url", "text"}]}
        (None for an empty page field; a legal link has a page or an external url). Each
        page is its live translation, else the page chosen if it is live (core/links.py).
        """
        legal = [block["value"] for block in self.legal_links.raw_data if block.get("value")]
        wanted = [self.contact_page_id, self.accessibility_page_id]
        wanted += [value.get("page") for value in legal]
        pages = {pk: localized_page(pk) for pk in wanted if pk}
        legal_links = []
        for value in legal:
            page = pages.get(value.get("page"))
            if page is not None:
                legal_links.append(
                    {"page": page, "url": "", "text": value.get("label") or page.title}
                )
            elif value.get("url"):
                legal_links.append(
                    {"page": None, "url": value["url"], "text": value.get("label") or ""}
                )
        return {
            "contact": pages.get(self.contact_page_id),
            "accessibility": pages.get(self.accessibility_page_id),
            "legal": legal_links,
        }

    @classmethod
    def for_active_locale(cls):
        from wagtail.models import Locale

        return cls.objects.filter(locale=Locale.get_active(), live=True).first()
