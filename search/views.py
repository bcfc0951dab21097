"""The results of the search page: query, pages of the active language, pagination.

Searched: the live, public pages of the search page's language, news included,
except search pages. Bad input never fails: control characters (NUL…) are
removed, queries longer than ``MAX_QUERY_LENGTH`` are cut (and the page says
so), punctuation, quotes and emoji are ignored. A query with no word left shows
"no results". Like the news index, a ``page`` the pagination does not offer
answers 404.
"""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.text import capfirst
from wagtail.models import Page
from wagtail.search.query import PlainText

from campus.pagination import page_or_404, page_range
from home.routing import public
from search.text import MAX_QUERY_LENGTH, clean_query, search_terms

PAGE_SIZE = 10
# Fields that summarise a page, in order of preference (the first one filled in wins).
SUMMARY_FIELDS = ("search_description", "standfirst", "summary", "intro", "hero_lead")


def search_results(terms, locale_id):
    from search.models import SearchPage

    pages = (
        public(Page.objects.live())
        .filter(locale_id=locale_id)
        .not_type(SearchPage)
        .specific()
        .defer_streamfields()
    )
    return pages.search(PlainText(" ".join(terms), operator="and"))


def summary(page):
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return value
    return ""


def search_context(search_page, request):
    query, truncated = clean_query(request.GET.get("q", ""))
    language = search_page.locale.language_code
    context = {
        "search_query": query,
        "query_truncated": truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "results": [],
        "result_count": 0,
        "results_page": None,
        "page_range": [],
    }
    if not query:
        return context
    terms = search_terms(query, language)
    results = search_results(terms, search_page.locale_id) if terms else []
    paginator = Paginator(results, PAGE_SIZE)
    results_page = page_or_404(paginator, request)
    context.update(
        results=[
            {
                "page": page,
                "url": page.get_url(request),
                "summary": summary(page),
                "kind": capfirst(page._meta.verbose_name),
            }
            for page in results_page.object_list
        ],
        result_count=paginator.count,
        results_page=results_page,
        page_range=page_range(results_page),
        # Page links carry the cleaned query, not the raw one.
        pagination_params=QueryDict(urlencode({"q": query})),
    )
    return context
