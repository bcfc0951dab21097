"""Security headers on every kind of public response (campus/security.py), the admin's
own policy, and the embeds that the policy's frame-src allows."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.embeds import get_finder_for_embed
from wagtail.embeds.exceptions import EmbedUnsupportedProviderException

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/fr/",
    "/en/",
    "/fr/actualites/",
    "/en/news/parisante-campus-inaugurated/",
    "/fr/recherche/?q=campus",
    "/fr/page-introuvable/",
    "/en/no-such-page/",
    "/fr/actualites/rss/",
    "/sitemap.xml",
    "/sitemap-en.xml",
    "/robots.txt",
    "/livez/",
]


def directives(response):
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"{name} twice in {policy}"
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_carry_a_strict_policy(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    policy = directives(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["frame-src"] == settings.EMBED_FRAME_SOURCES
    assert not [v for values in policy.values() for v in values if v.startswith("'unsafe-")]
    assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_carry_the_other_security_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "browsing-topics"):
        assert permissions[feature] == "()"


def test_pages_but_not_files_are_kept_from_other_origins(client):
    assert client.get("/fr/")["Cross-Origin-Resource-Policy"] == "same-origin"
    # Feed readers show the articles' images: files stay loadable from elsewhere.
    style_sheet = client.get("/static/css/main.css")
    assert style_sheet.status_code == 200
    assert "Cross-Origin-Resource-Policy" not in style_sheet
    assert "Cross-Origin-Resource-Policy" not in client.get("/fr/actualites/rss/")


def test_the_admin_has_its_own_policy(client, django_user_model):
    response = client.get("/admin/login/")
    policy = directives(response)
    # Wagtail's inline scripts: no fetch directive, but no plugins, framing or foreign forms.
    assert "default-src" not in policy
    assert "script-src" not in policy
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_cached_pages_replay_the_same_headers(client, settings):
    settings.PAGE_CACHE = True
    first = client.get("/fr/actualites/")
    second = client.get("/fr/actualites/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for header in ("Content-Security-Policy", "Permissions-Policy", "Referrer-Policy"):
        assert second[header] == first[header]


def test_anonymous_visitors_get_no_cookie(client):
    for url in PUBLIC_URLS:
        assert not client.get(url).cookies, url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://vimeo.com/76979871",
        "https://www.dailymotion.com/video/x8abcde",
    ],
)
def test_embeds_of_the_allowed_players_are_accepted(url, monkeypatch):
    found = {}
    monkeypatch.setattr(
        "wagtail.embeds.finders.oembed.OEmbedFinder.find_embed",
        lambda self, url, **kwargs: found.setdefault("url", url) and {"html": "<iframe>"},
    )
    get_finder_for_embed(url)
    assert found["url"] == url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/watch/?v=1",
        "https://x.com/someone/status/1",
        "https://www.instagram.com/p/abc/",
        "https://www.tiktok.com/@someone/video/1",
        "https://soundcloud.com/someone/track",
        "https://evil.example/embed",
    ],
)
def test_other_embeds_are_refused_in_the_admin(url):
    """Their player would be blocked by frame-src: the editor is told at once instead."""
    with pytest.raises(EmbedUnsupportedProviderException):
        get_finder_for_embed(url)
    with pytest.raises(ValidationError):
        EmbedBlock().clean(EmbedValue(url))
