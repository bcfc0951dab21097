"""Helpers for content that exists once per language (wagtail-localize)."""


def in_locale(queryset, locale_id, translation_keys):
    """The objects of ``queryset`` in one language, in the order of ``translation_keys``.

    wagtail-localize copies a translation's child rows and page links as they are,
    so an English page's rows still point at French objects: they are mapped
    through their translation keys. Keys without a version in that language are
    left out.
    """
    keys = list(translation_keys)
    if not keys:
        return []
    found = {
        obj.translation_key: obj
        for obj in queryset.filter(locale_id=locale_id, translation_key__in=keys)
    }
    return [found[key] for key in keys if key in found]


def in_locale_of_links(queryset, locale_id, links, key):
    """Like ``in_locale``, in one query: the objects that ``links`` point to, in one language.

    ``links`` is a queryset of ordered child rows (an ``Orderable``'s, e.g.
    ``page.related_partners.all()``), ``key`` the lookup from such a row to the
    translation key of the object it points to (``"partner__translation_key"``).
    The objects come in the rows' order; an object linked twice comes once.
    """
    from django.db.models import F, OuterRef, Subquery

    links = links.order_by()
    position = links.filter(**{key: OuterRef("translation_key")}).order_by("sort_order", "pk")
    return list(
        queryset.filter(locale_id=locale_id, translation_key__in=links.values(key))
        .annotate(link_position=Subquery(position.values("sort_order")[:1]))
        .order_by(F("link_position").asc(nulls_last=True), "pk")
    )
