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

from core.pages import page_summary
from core.pagination import page_or_404, page_range
from core.text import MAX_QUERY_LENGTH, clean_query, search_terms
from core.visibility import public

PAGE_SIZE = 10


def search_results(terms, locale_id, search_page_type):
    """Live, public pages of one language matching every term, search pages left out."""
    pages = (
        public(Page.objects.live())
        .filter(locale_id=locale_id)
        .not_type(search_page_type)
        .specific()
        .defer_streamfields()
    )
    return pages.search(PlainText(" ".join(terms), operator="and"))


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
    results = search_results(terms, search_page.locale_id, type(search_page)) if terms else []
    paginator = Paginator(results, PAGE_SIZE)
    results_page = page_or_404(paginator, request)
    context.update(
        results=[
            {
                "page": page,
                "url": page.get_url(request),
                "summary": page_summary(page),
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
