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

from home.blocks import LinkBlock


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.CharBlock(label=_("réseau"), help_text=_("Par exemple « LinkedIn »."))
    url = blocks.URLBlock(label=_("adresse du compte"))

    class Meta:
        icon = "site"
        label = _("Réseau social")


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
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pied de page")
        verbose_name_plural = _("pieds de page")

    def __str__(self):
        return str(_("Pied de page (%(language)s)") % {"language": self.locale.get_display_name()})

    @classmethod
    def for_active_locale(cls):
        from wagtail.models import Locale

        return cls.objects.filter(locale=Locale.get_active(), live=True).first()
