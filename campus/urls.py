from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campus.views import healthz, livez, media
from editorial import views as editorial_views
from seo.views import RobotsView, sitemap_index, sitemap_section

# Outside the language prefix: admin, documents, health checks, sitemap and robots.txt.
urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("livez/", livez, name="livez"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
    path("", include("accounts.urls")),  # sign-in: /comptes/ and /admin/login/, before Wagtail
    # Before the admin: wagtail-localize's « convert to alias » publishes, so only for
    # those who may publish (editorial/views.py).
    path(
        "admin/localize/page/<int:page_id>/convert_to_alias/",
        editorial_views.convert_to_alias,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

# Uploads, when no reverse proxy serves them (SERVE_MEDIA): images only (campus/views.py).
if not settings.MEDIA_URL.startswith(("http://", "https://")):
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media"))

# Every public page lives under /fr/ or /en/; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)

# A server error in the language of the URL, without the database (campus/views.py).
handler500 = "campus.views.server_error"
# A refused request (foreign Host, too many fields) in the language of the URL.
handler400 = "campus.views.bad_request"
