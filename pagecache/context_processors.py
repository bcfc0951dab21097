from core.version import content_version


def page_cache(request):
    """``CONTENT_VERSION`` for template fragment cache keys (``{% cache %}``)."""
    return {"CONTENT_VERSION": content_version(request)}
