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
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

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

    class CampusSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = CampusSQLiteQueryCompiler

    return CampusSQLiteSearchBackend
