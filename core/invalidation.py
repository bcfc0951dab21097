"""What each app declares its content invalidates, read by the page cache (pagecache/).

The page cache purges a published page, its translations and its ancestors by
itself. What else shows content is each app's to declare, from its ``AppConfig.ready``,
so that a new app never edits the cache app:

- ``shown_on_pages(Model, …)``: snippets (or any model) shown on many pages: saving
  or deleting one makes every page stale (the content version changes) and purges
  every public URL from a CDN;
- ``site_wide_urls(function)``: ``function(batch)`` adds the URLs that list everything
  (feeds, sitemap) to a Wagtail ``PurgeBatch``, purged on every publication.

Both are filled once, at start-up, and only read afterwards.
"""

_shown_models = []
_url_sources = []


def shown_on_pages(*models):
    _shown_models.extend(model for model in models if model not in _shown_models)


def site_wide_urls(function):
    if function not in _url_sources:
        _url_sources.append(function)
    return function


def models_shown_on_pages():
    return tuple(_shown_models)


def add_site_wide_urls(batch):
    for function in _url_sources:
        function(batch)
