"""The block library shared by every page body.

Each block explains itself in the editor's block picker (icon, description,
preview) and renders through its own template under templates/blocks/.
"""

import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from core.links import localized_page

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]
INLINE_FEATURES = ["bold", "italic", "link"]


class LinkStructValue(blocks.StructValue):
    """Keeps the choice between an internal page and an address out of templates."""

    @cached_property
    def target_page(self):
        """The chosen page in the visitor's language (its live translation, else itself).

        From the cached map of live pages (core/links.py): no query per link. Like
        ``Page.localized``, the page chosen when it has no live translation.
        """
        page = self.get("page")
        return (localized_page(page.pk) or page) if page else None

    # Not named `url`: templates would find the `url` child block first.
    def href(self):
        return self.target_page.url if self.target_page else self.get("url") or ""

    def text(self):
        return self.get("label") or (self.target_page.title if self.target_page else "")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)
    label = blocks.CharBlock(
        label=_("texte du lien"),
        required=False,
        help_text=_("Vide : le titre de la page choisie."),
    )

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        label = _("Lien")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choisissez une page du site ou une adresse, l'une ou l'autre.")
                    )
                }
            )
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError(_("Un lien externe a besoin d'un texte."))}
            )
        return value


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Texte")
        template = "blocks/paragraph_block.html"
        description = _("Paragraphes avec intertitres (niveaux 2 à 4), listes et liens.")
        preview_value = (
            "<h2>Un campus pour la santé numérique</h2>"
            "<p>PariSanté Campus réunit recherche, formation et entreprises.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(
        label=_("légende"), required=False, help_text=_("Vide : la légende de l'image.")
    )
    credit = blocks.CharBlock(
        label=_("crédit"), required=False, help_text=_("Vide : le crédit de l'image.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure_block.html"
        description = _("Une image avec son texte alternatif, sa légende et son crédit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"), help_text=_("Les mots exacts, sans guillemets."))
    speaker = blocks.CharBlock(label=_("personne citée"))
    role = blocks.CharBlock(label=_("fonction"), required=False)
    source_url = blocks.URLBlock(label=_("lien vers la source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote_block.html"
        description = _("Une citation attribuée : les mots, la personne et sa fonction.")
        preview_value = {
            "quote": "Un campus unique pour accélérer le numérique en santé.",
            "speaker": "Antoine Tesnière",
            "role": "Directeur général de PariSanté Campus",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"))
    text = blocks.TextBlock(label=_("texte"), required=False)
    link = LinkBlock(label=_("lien"))

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "blocks/call_to_action_block.html"
        description = _("Un encadré qui invite à une action, avec un bouton.")
        preview_value = {
            "title": "Venir sur le campus",
            "text": "Adresse, accès et contacts.",
            "link": {"url": "https://www.inserm.fr", "label": "Inserm"},
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("chiffre"), help_text=_("Par exemple « 1 600 » ou « 45 M€ »."))
    label = blocks.CharBlock(label=_("ce qu'il mesure"))

    class Meta:
        icon = "order"
        label = _("Chiffre")


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False)
    as_of = blocks.DateBlock(
        label=_("date des chiffres"),
        help_text=_("Les chiffres changent : indiquez la date à laquelle ils étaient vrais."),
    )
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("chiffres"), min_num=1)
    source = blocks.CharBlock(label=_("source"), required=False)

    class Meta:
        icon = "table"
        label = _("Chiffres clés")
        template = "blocks/key_figures_block.html"
        description = _("Quelques chiffres clés, datés, avec leur source.")
        preview_value = {
            "title": "Le campus en chiffres",
            "as_of": datetime.date(2022, 4, 15),
            "figures": [
                {"value": "60", "label": "start-up dans la première promotion"},
                {"value": "150", "label": "étudiants sur le site"},
            ],
        }


class EmbedWithTranscriptBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("titre"), help_text=_("Décrit le contenu intégré pour les lecteurs d'écran.")
    )
    embed = EmbedBlock(label=_("adresse de la vidéo ou du contenu"))
    transcript = blocks.RichTextBlock(
        label=_("transcription"), features=INLINE_FEATURES + ["ul", "ol"], required=False
    )

    class Meta:
        icon = "media"
        label = _("Vidéo ou contenu intégré")
        template = "blocks/embed_block.html"
        description = _("Une vidéo ou un contenu externe, avec un titre et sa transcription.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("intitulé"), required=False, help_text=_("Vide : le titre du document.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "blocks/document_block.html"
        description = _("Un lien de téléchargement avec le format et le poids du fichier.")


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("question ou titre"))
    body = blocks.RichTextBlock(label=_("contenu"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Volet")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("volets"), min_num=1)

    class Meta:
        icon = "collapse-down"
        label = _("Accordéon")
        template = "blocks/accordion_block.html"
        description = _("Des volets à déplier, par exemple une foire aux questions.")
        preview_value = {
            "items": [
                {
                    "title": "Où se trouve le campus ?",
                    "body": "<p>Dans le 15e arrondissement de Paris.</p>",
                }
            ]
        }


class BodyStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    embed = EmbedWithTranscriptBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()
