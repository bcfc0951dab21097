from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.blocks import INLINE_FEATURES, BodyStreamBlock
from core.images import load_page_image
from core.indexing import page_search_fields
from core.links import localized_page
from core.pages import CampusPageMixin, listed_in_sitemaps
from core.visibility import public
from images.models import PageImageMixin


class HomePage(CampusPageMixin, PageImageMixin, Page):
    """One per language: the root of that language's tree."""

    schema_type = "Organization"  # the site's own JSON-LD (seo/)

    hero_lead = models.TextField(_("chapô"), help_text=_("Deux ou trois phrases sous le titre."))
    mission_heading = models.CharField(_("titre de la section mission"), max_length=120)
    mission_text = RichTextField(_("la mission en quelques lignes"), features=INLINE_FEATURES)
    mission_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page « en savoir plus »"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pillars_heading = models.CharField(_("titre de la section piliers"), max_length=120)
    pillars_intro = models.TextField(_("introduction des piliers"), blank=True)
    objectives_heading = models.CharField(_("titre de la section objectifs"), max_length=120)
    objectives_intro = models.TextField(_("introduction des objectifs"), blank=True)
    news_heading = models.CharField(_("titre de la section actualités"), max_length=120, blank=True)
    partners_heading = models.CharField(_("titre de la section partenaires"), max_length=120)
    partners_intro = models.TextField(_("introduction des partenaires"), blank=True)

    content_panels = [
        MultiFieldPanel(
            [FieldPanel("title", heading=_("Titre")), FieldPanel("hero_lead")],
            heading=_("Bandeau d'accueil"),
        ),
        *PageImageMixin.image_panels,
        MultiFieldPanel(
            [FieldPanel("mission_heading"), FieldPanel("mission_text"), FieldPanel("mission_page")],
            heading=_("Mission"),
        ),
        MultiFieldPanel(
            [FieldPanel("pillars_heading"), FieldPanel("pillars_intro")],
            heading=_("Piliers"),
            help_text=_(
                "Les piliers affichés sont les pages « pilier » publiées, dans leur ordre."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("objectives_heading"), FieldPanel("objectives_intro")],
            heading=_("Objectifs"),
            help_text=_(
                "Les objectifs affichés sont les pages « objectif » publiées, dans leur ordre."
            ),
        ),
        MultiFieldPanel([FieldPanel("news_heading")], heading=_("Actualités")),
        MultiFieldPanel(
            [FieldPanel("partners_heading"), FieldPanel("partners_intro")],
            heading=_("Partenaires"),
            help_text=_("Les partenaires affichés sont ceux marqués « sur la page d'accueil »."),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    search_fields = page_search_fields(
        Page.search_fields,
        "hero_lead",
        "mission_text",
        "pillars_intro",
        "objectives_intro",
        "partners_intro",
    )

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def get_admin_display_title(self):
        """« PariSanté Campus (français) »: the two trees of the admin, told apart.

        Both home pages have the same title; the admin (explorer, breadcrumbs,
        choosers) shows this one, the public site keeps ``title``.
        """
        title = super().get_admin_display_title()
        if not self.locale_id:
            return title
        language = get_language_info(self.locale.language_code)["name_local"]
        return f"{title} ({language})"

    def mission_link(self):
        """The "learn more" page in this page's language, or None (no query when warm)."""
        return localized_page(self.mission_page_id)

    def pillars(self):
        from mission.models import PillarPage, card_listing

        return card_listing(PillarPage, self, descendants=True)

    def objectives(self):
        from mission.models import ObjectivePage, card_listing

        return card_listing(ObjectivePage, self, descendants=True)

    def latest_news(self):
        """The three latest news items of this page's language (read by a cached fragment)."""
        from news.models import news_listing

        return list(news_listing(self.locale_id)[:3])

    def get_context(self, request, *args, **kwargs):
        # Wagtail's serve view fetched this page itself (site.root_page.localized.specific).
        load_page_image(self)
        return super().get_context(request, *args, **kwargs)

    def partners(self):
        from partners.models import Partner, partners_with_logos

        return partners_with_logos(
            Partner.objects.filter(locale_id=self.locale_id, show_on_home_page=True, live=True)
        )


class StandardPage(CampusPageMixin, Page):
    """Any other content page, built from the shared block library."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = page_search_fields(Page.search_fields, "intro", "body")

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")


class SitemapPage(CampusPageMixin, Page):
    """« Plan du site »: the page tree of its language, generated, in nested lists."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("plan du site")
        verbose_name_plural = _("plans du site")

    def tree(self, request=None):
        """The live, public pages of this language, as nested [{page, url, children}].

        Two queries, whatever the size of the tree: the home page of this language (the
        root of the tree), then its descendants; URLs come from the cached site root paths.
        Page types that opt out of site maps (``exclude_from_sitemap``) are left out, with
        their subpages.
        """
        home = self.get_ancestors().type(HomePage).first()
        if home is None:
            return []
        pages = (
            public(home.get_descendants().live())
            .order_by("path")
            .only("id", "path", "depth", "title", "url_path", "locale_id", "content_type_id")
        )
        nodes = {}
        roots = []
        for page in pages:
            parent_path = page.path[: -Page.steplen]
            if page.depth > home.depth + 1 and parent_path not in nodes:
                continue  # under a page that is left out
            if not listed_in_sitemaps(page):
                continue
            node = {"page": page, "url": page.get_url(request), "children": []}
            nodes[page.path] = node
            if page.depth == home.depth + 1:
                roots.append(node)
            else:
                nodes[parent_path]["children"].append(node)
        return [{"page": home, "url": home.get_url(request), "children": roots}]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.tree(request)
        return context
