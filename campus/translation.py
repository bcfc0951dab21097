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
