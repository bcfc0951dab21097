"""/sitemap.xml and /robots.txt."""

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Site

from seo.sitemaps import CampusSitemap


def sitemap(request):
    """/sitemap.xml: both language trees, with hreflang alternates (seo/sitemaps.py)."""
    return wagtail_sitemap(request, sitemaps={"pages": CampusSitemap})


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


def add_sitemap_urls(batch):
    """sitemap.xml and robots.txt of every site, purged on every publication."""
    for site in Site.objects.all():
        batch.add_urls([site.root_url + reverse("sitemap"), site.root_url + "/robots.txt"])
