"""Builders for editorial tests."""

from wagtail.models import Locale

from home.models import HomePage, StandardPage


def add_french_pages(count, prefix="Page sans traduction"):
    """Publish count French standard pages under the French home page, with no English."""
    home = HomePage.objects.get(locale__language_code="fr")
    pages = []
    for number in range(count):
        page = StandardPage(
            title=f"{prefix} {number}",
            slug=f"{prefix.lower().replace(' ', '-')}-{number}",
            locale=Locale.objects.get(language_code="fr"),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages
