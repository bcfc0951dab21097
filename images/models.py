"""The site's image model: every image carries its credit and a default caption.

The image's own texts (title, caption) are written once, in French, the site's
source language. A page says what its illustration means there (alternative text,
caption): those per-use texts are fields of the page, so wagtail-localize
translates them with it, and an English page never shows the French caption.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CampusImage(AbstractImage):
    caption = models.CharField(
        _("légende"),
        max_length=255,
        blank=True,
        help_text=_(
            "Légende par défaut, affichée sous l'image ; modifiable là où elle est utilisée."
        ),
    )
    credit = models.CharField(
        _("crédit"),
        max_length=255,
        blank=True,
        help_text=_("Auteur ou source de l'image, par exemple « © Inserm / Jean Dupont »."),
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CampusRendition(AbstractRendition):
    image = models.ForeignKey(CampusImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PageImageMixin(models.Model):
    """An optional illustration on a page, with the alt text chosen where it is used."""

    image = models.ForeignKey(
        CampusImage,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("texte alternatif"),
        max_length=255,
        blank=True,
        help_text=_(
            "Ce que l'image apporte au lecteur qui ne la voit pas. "
            "Vide : la description de l'image est reprise à l'enregistrement, "
            "pour être traduite avec la page."
        ),
    )
    image_caption = models.CharField(
        _("légende"),
        max_length=255,
        blank=True,
        help_text=_(
            "Vide : la légende de l'image est reprise à l'enregistrement, "
            "pour être traduite avec la page."
        ),
    )
    image_decorative = models.BooleanField(
        _("image décorative"),
        default=False,
        help_text=_(
            "Cochez si l'image n'apporte aucune information : "
            "elle sera ignorée des lecteurs d'écran."
        ),
    )

    image_panels = [
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("image_caption"),
                FieldPanel("image_decorative"),
            ],
            heading=_("Image"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # On a page in the source language, the image's texts become the page's own,
        # so that translating the page translates them (an English page then has
        # English alternative text and caption, not the image library's French).
        if self.image_id and self.locale_id and self.in_source_language():
            image = self.image
            if not self.image_alt and not self.image_decorative:
                self.image_alt = image.default_alt_text or ""
            if not self.image_caption:
                self.image_caption = image.caption

    def in_source_language(self):
        return self.locale.language_code == settings.LANGUAGE_CODE

    @property
    def image_alt_text(self):
        if self.image_decorative or not self.image:
            return ""
        return self.image_alt or self.image.default_alt_text or ""
