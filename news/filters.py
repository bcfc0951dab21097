"""Filtering and paging of the news index, from the query string.

One rule for every parameter: a value the page does not offer is a 404.
The filter form only offers the categories of the page's language, the tags
and the years of its live news; the pagination only links to pages 1 to N.
So ``?category=unknown``, ``?tag=unknown``, ``?year=abc`` (or a year without
news), ``?page=abc``, ``?page=0``, ``?page=-1`` and ``?page=99999`` all answer
404, never 500 and never a silent fallback that would let search engines index
endless duplicates of page 1. Empty values (``?category=``, sent by the form's
"all" options) mean "no filter". Page 1 of an empty result is the empty state.

Why django-filter: a FilterSet is the form (validation, "all" options) and the queryset
filtering in one declaration, instead of a hand-written form plus its own filter method.
"""

import unicodedata

import django_filters
from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.cache import cache_key, cached
from core.pagination import page_or_404, page_range
from core.visibility import public
from news.articles import CARD_FIELDS, PAGE_SIZE, NewsCategory, NewsPage, news_listing


def sort_key(text):
    """Alphabetical order that ignores accents and case."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


class NewsFilter(django_filters.FilterSet):
    """The index's filters: each accepts only the values of the cached ``filter_choices``."""

    # The category's pk comes with the cached choices: filtering on it needs no query
    # and no join (category__slug would join, and a ModelChoiceFilter would query).
    category = django_filters.ChoiceFilter(
        label=_("Catégorie"), empty_label=_("Toutes les catégories"), method="filter_category"
    )
    # null_value=None: by default django-filter reads the value "null" as "IS NULL";
    # here a tag slugged "null" is a tag like the others.
    tag = django_filters.ChoiceFilter(
        field_name="tags__slug",
        label=_("Mot-clé"),
        empty_label=_("Tous les mots-clés"),
        null_value=None,
    )
    # The year lookup turns the submitted "2021" into an integer.
    year = django_filters.ChoiceFilter(
        field_name="sort_date__year",
        label=_("Année"),
        empty_label=_("Toutes les années"),
        null_value=None,
    )

    def __init__(self, data, queryset, *, request, locale_id):
        super().__init__(data, queryset, request=request)
        # What the filters offer changes only when news or categories are published:
        # computed once per language and content version (three queries), then cached.
        choices = cached(
            cache_key(request, "news-filters", locale_id), lambda: filter_choices(locale_id)
        )
        self.category_ids = {slug: pk for slug, _name, pk in choices["categories"]}
        # self.filters is this instance's copy: its fields are built from these choices.
        self.filters["category"].extra["choices"] = [
            (slug, name) for slug, name, _pk in choices["categories"]
        ]
        self.filters["tag"].extra["choices"] = choices["tags"]
        self.filters["year"].extra["choices"] = [
            (str(year), str(year)) for year in choices["years"]
        ]

    def filter_category(self, pages, name, slug):
        return pages.filter(category_id=self.category_ids[slug])

    def selects(self):
        """The filters as plain data for the template's <select>s, no widget rendering.

        [{"name", "id", "label", "options": [(value, text, selected)]}], as Django's
        label_tag and Select would write them: the form's ids, the label with its
        suffix (" :" in French), the submitted value selected ("" when absent).
        """
        form = self.form
        selects = []
        for name, field in form.fields.items():
            bound = form[name]
            current = form.data.get(form.add_prefix(name)) or ""
            label = str(field.label)
            # As Django's label_tag: no suffix after a label's own punctuation.
            if form.label_suffix and label[-1:] not in ":?.!":
                label += form.label_suffix
            selects.append(
                {
                    "name": bound.html_name,
                    "id": bound.auto_id,
                    "label": label,
                    "options": [(value, text, value == current) for value, text in field.choices],
                }
            )
        return selects

    @property
    def is_filtered(self):
        return any(self.form.cleaned_data.values())


def filter_choices(locale_id):
    """{"categories": [(slug, name, pk)], "tags": [(slug, name)], "years": [int]} of a language."""
    live_news = public(NewsPage.objects.live()).filter(locale_id=locale_id)
    # Sorted here, not in SQL: SQLite would put « Événement » after « Portrait ».
    categories = sorted(
        NewsCategory.objects.filter(locale_id=locale_id, live=True),
        key=lambda c: sort_key(c.name),
    )
    tags = (
        Tag.objects.filter(news_newspagetag_items__content_object__in=live_news)
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )
    years = (
        news_listing(locale_id)
        .annotate(year=ExtractYear("sort_date"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return {
        "categories": [(category.slug, category.name, category.pk) for category in categories],
        "tags": list(tags),
        "years": list(years),
    }


def filtered_news(index, request):
    """The template context of the index: filters, page of results, page range; or Http404."""
    # The cards (news/news_cards.html) read CARD_FIELDS only: no image, no other column.
    listing = news_listing(index.locale_id).select_related(None).select_related("category")
    # Always bound (request.GET, even empty): without parameters every filter is empty,
    # which is valid.
    news_filter = NewsFilter(
        request.GET, listing.only(*CARD_FIELDS), request=request, locale_id=index.locale_id
    )
    if not news_filter.is_valid():
        raise Http404("Unknown news filter")
    form = news_filter.form
    pages = news_filter.qs
    paginator = Paginator(pages, PAGE_SIZE)
    # The number of results, like the filter choices, changes only on publication:
    # counted once per language, filters and content version (a finite set: the form
    # only accepts the values it offers), then read from the cache.
    filters = [form.cleaned_data[name] for name in form.fields]
    key = cache_key(request, "news-count", index.locale_id, *filters)
    count = cached(key, lambda: paginator.count)
    paginator.count = count  # Paginator.count is a cached_property: no COUNT query
    news_page = page_or_404(paginator, request)
    # The page's items too, keyed like the count and by page number.
    key = cache_key(request, "news-page", index.locale_id, news_page.number, *filters)
    news_page.object_list = cached(key, lambda: list(news_page.object_list))
    if len(news_page.object_list) != min(PAGE_SIZE, count - (news_page.number - 1) * PAGE_SIZE):
        # The remembered count does not match the items (an entry from elsewhere): count
        # and list again from the database, so that both agree and a page past the real
        # last page is a 404.
        paginator = Paginator(pages, PAGE_SIZE)
        news_page = page_or_404(paginator, request)
    return {
        "filter_form": form,
        "filter_selects": news_filter.selects(),
        "is_filtered": news_filter.is_filtered,
        "news_page": news_page,
        "news": news_page.object_list,
        "result_count": paginator.count,
        "page_range": page_range(news_page),
    }
