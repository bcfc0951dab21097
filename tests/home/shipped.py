"""The shipped content (content/) as tests visit it: addresses and titles read from its specs.

A test that compares with these follows the content when editors of the specs change a
title or a slug; only a test that checks a wording on purpose writes it out.
"""

from content.news import NEWS_INDEX
from content.pages import HOME


def _chain(spec, tree=HOME):
    """The specs from the home page down to ``spec``, or None if it is not in ``tree``."""
    if tree is spec:
        return [tree]
    for child in tree.children:
        chain = _chain(spec, child)
        if chain:
            return [tree, *chain]
    return None


def url(spec, code):
    """The path of a shipped page in a language: /<code>/ then the slugs below the home page."""
    chain = _chain(spec)
    if chain is None:
        raise LookupError(f"{spec.name} is not in the shipped page tree")
    return f"/{code}/" + "".join(f"{getattr(page.slug, code)}/" for page in chain[1:])


def urls(spec):
    """{language code: path} of a shipped page."""
    return {code: url(spec, code) for code in ("fr", "en")}


def one_of_each_model():
    """The first shipped page of each page model, in tree order."""
    first = {}
    for spec in HOME.walk():
        first.setdefault(spec.model, spec)
    return list(first.values())


def news_newest_first():
    """The shipped news items, newest first (the index and the feeds' order)."""
    return sorted(
        NEWS_INDEX.children, key=lambda spec: spec.fields["publication_date"], reverse=True
    )


def news_titles(code):
    return [getattr(spec.title, code) for spec in news_newest_first()]
