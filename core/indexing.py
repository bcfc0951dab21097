"""What the page models give the search index.

Each searchable page model lists its text fields with ``page_search_fields``,
which adds ``folded_search_text``: all that text again, folded (no accents,
lower case), so that a query typed without accents matches on every database.
Page types get the method from their base (core/pages.py).
"""

from wagtail.search import index

from core.text import fold

FOLDED_FIELD = "folded_search_text"


def page_search_fields(base, *field_names):
    """``base`` (e.g. ``Page.search_fields``), the text fields named, and the folded copy."""
    return [
        *base,
        *(index.SearchField(name) for name in field_names),
        index.SearchField(FOLDED_FIELD),
    ]


def folded_search_text(obj):
    """Every other SearchField of obj, folded: "Données de santé" -> "donnees de sante"."""
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != FOLDED_FIELD:
            parts.append(_flatten(field.get_value(obj)))
    return fold(" ".join(part for part in parts if part))


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(item) for item in value)
    return str(value)
