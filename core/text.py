"""Text normalisation shared by indexing and querying.

Every database gets the same folded text: lower case, without accents or
ligatures, so "donnees" finds "données" (the PostgreSQL ``french``
configuration keeps accents: "données" stems to "don", "donnees" to "donne").

Inflections: PostgreSQL stems with its ``french`` and ``english``
configurations. SQLite (FTS5, no stemmer for French) gets ``light_stem``: each
query word loses one plural or final-e suffix and is matched as a prefix, so
"objectif" and "objectifs" both become ``objectif*`` and "données" ``donn*``.
"""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Characters that cannot be typed into a search box but can be sent in a URL:
# NUL makes PostgreSQL refuse the query, the others are never meaningful.
_CONTROL = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
WORD = re.compile(r"[^\W_]+")

# Words too common to narrow a search; dropped unless nothing else is left.
STOP_WORDS = {
    "fr": frozenset(
        ("a", "au", "aux", "ce", "ces", "d", "de", "des", "du", "en", "et", "l", "la", "le")
        + ("les", "ou", "par", "pour", "sur", "un", "une")
    ),
    "en": frozenset(("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to")),
}
# Suffixes light_stem removes (the first that fits), longest first.
SUFFIXES = {
    "fr": ("ees", "ee", "es", "s", "x", "e"),
    "en": ("ies", "es", "s", "e", "y"),
}
MIN_STEM = 3


def clean_query(raw):
    """(query to show and search, whether it was cut): no control characters, single spaces."""
    text = " ".join((raw or "").translate(_CONTROL).split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


def fold(text):
    """Lower case, without accents, ligatures spelled out: "Données" -> "donnees"."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def search_terms(query, language):
    """The words of a query, folded, without punctuation, symbols or emoji; at most MAX_TERMS."""
    words = WORD.findall(fold(query))
    stop_words = STOP_WORDS.get(language, frozenset())
    kept = [word for word in words if word not in stop_words] or words
    return list(dict.fromkeys(kept))[:MAX_TERMS]


def light_stem(word, language):
    """The word without one inflection suffix ("objectifs" -> "objectif"), for prefix search."""
    for suffix in SUFFIXES.get(language, ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word
