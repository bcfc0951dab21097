"""Short, readable page addresses: the first meaningful words of the title.

Wagtail's admin fills the slug with the whole title, slugified, while the editor
types it ("inauguration-de-parisante-campus-par-le-president-de-la-republique").
``short_slug`` keeps the first words that carry meaning, without French and
English stop words, at most ``MAX_WORDS`` words and ``MAX_LENGTH`` characters
("inauguration-parisante-campus-president-republique").

``shorten_posted_slug`` applies it to an admin page form post when the slug was
left to Wagtail (empty, or exactly the slugified title): a slug the editor typed
is kept. It is called from the ``before_create_page`` and ``before_edit_page``
hooks (home/wagtail_hooks.py), so it covers every page type; on edit, only for a
page never published, whose address is not known to anyone yet.
"""

import re

from django.conf import settings
from django.utils.text import slugify

MAX_WORDS = 5
MAX_LENGTH = 60

_STOP_WORDS = (
    # French (after slugify: accents gone, "à" is "a", "où" is "ou").
    "a au aux avec ce ces c d dans de des du elle en et il j l la le les leur leurs lui m "
    "ma mais mes n ne ni nos notre nous on ou par pas pour qu que qui s sa se ses son sur "
    "t ta te tes un une vers vos votre vous y "
    # English.
    "an and as at be by for from in into is it its of on or our the their this to with "
    "your"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Elided articles and pronouns before an apostrophe: « l'hôpital », « d'innovation ».
ELISIONS = frozenset(["c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "s", "t"])
APOSTROPHES = re.compile(r"['’ʼ‘`]")
WORD = re.compile(r"[^\W_]+(?:['’ʼ‘`][^\W_]+)*")


def _allow_unicode():
    return getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)


def _words(title):
    allow_unicode = _allow_unicode()
    for token in WORD.findall(title or ""):
        parts = APOSTROPHES.split(token)
        if len(parts) > 1 and slugify(parts[0]) in ELISIONS:
            parts = parts[1:]
        word = slugify("".join(parts), allow_unicode=allow_unicode)
        if word:
            yield word


def full_slug(title):
    """The slug Wagtail derives from a title (its admin and ``Page.full_clean``)."""
    return slugify(title or "", allow_unicode=_allow_unicode())


def short_slug(title, max_words=MAX_WORDS, max_length=MAX_LENGTH):
    """The first meaningful words of ``title`` as a slug; "" for a title without words."""
    words = list(_words(title))
    meaningful = [word for word in words if word not in STOP_WORDS] or words
    kept = []
    for word in meaningful[:max_words]:
        if kept and len("-".join([*kept, word])) > max_length:
            break
        kept.append(word)
    return "-".join(kept)[:max_length].strip("-")


def available_slug(slug, parent_page, page=None):
    """``slug``, or ``slug-2``, ``slug-3``… when a sibling already has it."""
    if parent_page is None:
        return slug
    siblings = parent_page.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, suffix = slug, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{slug}-{suffix}"
    return candidate


def shorten_posted_slug(request, parent_page=None, page=None):
    """Replace an automatic slug in the posted page form with the short one.

    ``page``: the page being edited (None when creating; its parent is then read
    only when needed). Does nothing for a GET,
    a typed slug, a title whose short slug is its full slug, or a page already
    published once (changing its address would break links to it).
    """
    if request.method != "POST" or "title" not in request.POST:
        return
    if page is not None and (page.live or page.first_published_at is not None):
        return
    title = request.POST.get("title", "")
    posted = request.POST.get("slug", "").strip()
    if posted and posted != full_slug(title):
        return
    short = short_slug(title)
    if not short or short == posted:
        return
    if parent_page is None and page is not None:
        parent_page = page.get_parent()
    data = request.POST.copy()
    data["slug"] = available_slug(short, parent_page, page)
    # HttpRequest.POST is settable: the page form then reads the short slug.
    request.POST = data


# What the raw title holds where the slug holds a stop word: « à », « où ».
RAW_STOP_WORDS = STOP_WORDS | {"à", "où"}


def browser_formatters():
    """The same rule for Wagtail's slug field while the editor types the title.

    Wagtail's ``w-slug`` controller applies these (regex, replacement) pairs to the
    title before it makes the slug (the ``formatters`` of ``SlugInput``); static/
    editorial/slug.js hands them to the page editor's slug field. Elisions and stop
    words go, then the first ``MAX_WORDS`` words are kept; the server's rule above
    (which also caps the length and avoids taken slugs) has the last word.
    """
    from wagtail.coreutils import get_js_regex

    elisions = "|".join(sorted(ELISIONS, key=len, reverse=True))
    stop_words = "|".join(sorted(RAW_STOP_WORDS, key=len, reverse=True))
    # No needless escape: JavaScript's unicode regexes refuse them (e.g. \").
    word_end = r'(?=[\s,;:.!?«»"()]|$)'
    return [
        [get_js_regex(rf"(^|\s)(?:{elisions})['’ʼ‘`]", "giu"), "$1"],
        [get_js_regex(rf"(^|\s)(?:{stop_words}){word_end}", "giu"), "$1"],
        [get_js_regex(rf"^\s*(\S+(?:\s+\S+){{0,{MAX_WORDS - 1}}})[\s\S]*$", "u"), "$1"],
    ]
