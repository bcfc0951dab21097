"""The site's search backend: Wagtail's database backend, made bilingual.

``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"``. It picks
the same engine as ``wagtail.search.backends.database`` and adapts it:

- PostgreSQL: full-text search with the text search configuration of each
  object's language (``LANGUAGE_CONFIGS``: ``french``, ``english``; ``simple``
  for anything else) when indexing, and of the active language when querying.
  There is one index table for all languages, so one backend is enough.
- SQLite (FTS5): FTS5 already ignores accents and case; each query word is
  cut to a light stem (``core.text.light_stem``) and matched as a prefix,
  since FTS5 has no French stemmer.
- Every database: the query is folded (no accents) like the page models'
  ``folded_search_text`` field, so "donnees" and "données" find the same pages.

After changing the configurations or the indexed fields, run ``manage.py update_index``.
"""

import copy
import functools
from collections import defaultdict

from django.db import connection
from django.utils import translation
from modelsearch.backends import database
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from core.text import WORD, fold, light_stem

LANGUAGE_CONFIGS = {"fr": "french", "en": "english"}
DEFAULT_CONFIG = "simple"


def language_of(code):
    return (code or "").split("-")[0].lower()


def active_language():
    return language_of(translation.get_language())


def fold_query(query):
    """The same query, every string in it folded."""
    if isinstance(query, PlainText):
        return PlainText(fold(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(fold(query.query_string))
    if isinstance(query, (And, Or)):
        return type(query)([fold_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(fold_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(fold_query(query.subquery), query.boost)
    return query  # MatchAll, Fuzzy


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = database.SearchBackend(params)  # also tells whether SQLite has FTS5
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        return _sqlite_backend_class()(params)
    return backend  # the fallback backend (no FTS5): substring matching on folded text


@functools.cache
def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from wagtail.models import Locale

    class CampusPostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each object with the configuration of its language."""
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            groups = defaultdict(list)
            for obj in objs:
                language = language_of(languages.get(getattr(obj, "locale_id", None)))
                groups[self.backend.language_configs.get(language, DEFAULT_CONFIG)].append(obj)
            for config, group in groups.items():
                backend = copy.copy(self.backend)
                backend.config = config
                PostgresIndex(backend).add_items(model, group)

    class CampusPostgresQueryCompiler(PostgresSearchQueryCompiler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.query = fold_query(self.query)

        def get_config(self, backend):
            return backend.language_configs.get(active_language(), DEFAULT_CONFIG)

    class CampusPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = CampusPostgresQueryCompiler
        index_class = CampusPostgresIndex

        def __init__(self, params):
            super().__init__(params)
            self.language_configs = {**LANGUAGE_CONFIGS, **params.get("LANGUAGE_CONFIGS", {})}
            self.config = self.language_configs.get(active_language(), DEFAULT_CONFIG)

    return CampusPostgresSearchBackend


@functools.cache
def _sqlite_backend_class():
    from django.db.models import Case, IntegerField, Value, When
    from modelsearch.backends.database.sqlite.query import (
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
        normalize,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll
    from modelsearch.utils import get_descendants_content_types_pks

    class CampusSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.query = fold_query(self.query)

        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            language = active_language()
            lexemes = None
            # Words only: FTS5 has its own query syntax (quotes, *, NEAR, AND…).
            for term in WORD.findall(query.query_string):
                lexeme = Lexeme(light_stem(term, language), prefix=True)
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator.upper() == "AND":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            return None if lexemes is None else SearchQueryExpression(lexemes, config=config)

        def matches(self, query, config):
            """The index entries that match query (FTS5), with their BM25 score."""
            match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, query)
            content_types = get_descendants_content_types_pks(self.queryset.model)
            return (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(index_entry__content_type__in=content_types)
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            )

        def ranked_query(self, config):
            """The built FTS query, or None where the library's own search does better."""
            query = normalize(self.query)
            if isinstance(query, (MatchAll, Not)) or not self.order_by_relevance:
                return None
            return self.build_search_query(query, config=config)

        def matching(self, query, config):
            """The pages of the queryset that match (one FTS5 match, as a subquery)."""
            object_ids = self.matches(query, config).values_list("index_entry__object_id")
            return self.queryset.filter(pk__in=object_ids)

        def search(self, config, start, stop, score_field=None):
            """Results by relevance, with the full-text match run once.

            The library ranks each candidate page with a correlated subquery, which runs
            the FTS5 match again for every live page of the language: a second for 1,000
            news items a language. Here the match runs once for the scores and once to
            filter the pages (as a subquery), the ranking is done on (score, -pk) in Python,
            and only the asked slice is fetched, in that order.
            """
            query = self.ranked_query(config)
            if query is None or score_field not in (None, "_score"):
                return super().search(config, start, stop, score_field=score_field)
            scores = dict(
                self.matches(query, config).values_list("index_entry__object_id", "score")
            )
            ranked = sorted(
                self.matching(query, config).values_list("pk", flat=True),
                key=lambda pk: (scores.get(str(pk), 0.0), -pk),
            )[start:stop]
            if not ranked:
                return self.queryset.none()
            position = Case(
                *[When(pk=pk, then=Value(index)) for index, pk in enumerate(ranked)],
                output_field=IntegerField(),
            )
            return self.queryset.filter(pk__in=ranked).order_by(position)

    class CampusSQLiteSearchResults(SQLiteSearchResults):
        def _do_count(self):
            """The count without the ranking: the pages that match, counted in SQL."""
            compiler = self.query_compiler
            # The admin's autocomplete (page search, choosers) has its own compiler.
            if not isinstance(compiler, CampusSQLiteQueryCompiler):
                return super()._do_count()
            config = compiler.get_config(self.backend)
            query = compiler.ranked_query(config)
            if query is None:
                return super()._do_count()
            return compiler.matching(query, config).count()

    class CampusSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = CampusSQLiteQueryCompiler
        results_class = CampusSQLiteSearchResults

    return CampusSQLiteSearchBackend
