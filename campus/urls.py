from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campus.views import RobotsView, healthz, livez, sitemap

# Outside the language prefix: admin, documents, health checks, sitemap and robots.txt.
urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("livez/", livez, name="livez"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA or settings.DEBUG:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Every public page lives under /fr/ or /en/; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)

# A server error in the language of the URL, without the database (campus/views.py).
handler500 = "campus.views.server_error"
