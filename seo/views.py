"""/sitemap.xml and /robots.txt."""

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps import views as wagtail_sitemaps
from wagtail.models import Page, Site

from seo.sitemaps import SECTION_SIZE, sections


def sitemap_index(request):
    """/sitemap.xml: the index of the sections, one per language (seo/sitemaps.py)."""
    return wagtail_sitemaps.index(request, sections(), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    """/sitemap-<language>.xml (``?p=2``… past SECTION_SIZE URLs); 404 for anything else."""
    return wagtail_sitemaps.sitemap(
        request, sections(), section=section, template_name="seo/sitemap_section.xml"
    )


def site_root_url(request):
    """The site's public address (as in page URLs), else the address of the request."""
    site = Site.find_for_request(request)
    return site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = site_root_url(self.request) + reverse("sitemap")
        return context


def sitemap_paths():
    """The index and every page of every section, as paths (more pages than there are,
    if anything: a live page's count includes the private ones)."""
    paths = [reverse("sitemap")]
    for code in sections():
        section = reverse("sitemap_section", kwargs={"section": code})
        live = Page.objects.live().filter(locale__language_code=code).count()
        paths += [section] + [f"{section}?p={n}" for n in range(2, live // SECTION_SIZE + 2)]
    return paths


def add_sitemap_urls(batch):
    """The site maps and robots.txt of every site, purged on every publication."""
    paths = [*sitemap_paths(), "/robots.txt"]
    for site in Site.objects.all():
        batch.add_urls([site.root_url + path for path in paths])
