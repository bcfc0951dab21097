"""Query normalisation, without the database."""

import pytest

from core.text import MAX_QUERY_LENGTH, clean_query, fold, light_stem, search_terms
from tests import hostile_inputs


def test_fold_removes_accents_case_and_ligatures():
    assert fold("Données de SANTÉ") == "donnees de sante"
    assert fold("cœur Ægée") == "coeur aegee"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("", ""),
        ("   ", ""),
        ("  données\t de\nsanté ", "données de santé"),
        ("a\x00b", "a b"),
        ("\x00", ""),
        ("\x1b[31m", "[31m"),
    ],
)
def test_clean_query_removes_control_characters_and_extra_spaces(raw, expected):
    assert clean_query(raw) == (expected, False)


@pytest.mark.parametrize("raw", hostile_inputs.BLANK_QUERIES)
def test_a_blank_query_cleans_to_nothing(raw):
    assert clean_query(raw) == ("", False)


@pytest.mark.parametrize("raw", hostile_inputs.SEARCH_QUERIES)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_hostile_queries_become_short_clean_text_and_plain_words(raw, language):
    query, _truncated = clean_query(raw)
    assert len(query) <= MAX_QUERY_LENGTH
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in query), query
    for term in search_terms(query, language):
        assert term.isalnum() and term == fold(term), term


def test_clean_query_cuts_long_queries():
    query, truncated = clean_query("données " * 100)
    assert truncated
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.startswith("données données")


@pytest.mark.parametrize(
    "query, language, terms",
    [
        ("Données de santé", "fr", ["donnees", "sante"]),
        ("de la", "fr", ["de", "la"]),  # only stop words: kept
        ("' OR 1=1 --", "fr", ["or", "1"]),
        ('"santé" 😀 %_*', "fr", ["sante"]),
        ("😀", "en", []),
        ("the health of data", "en", ["health", "data"]),
    ],
)
def test_search_terms_are_folded_words(query, language, terms):
    assert search_terms(query, language) == terms


@pytest.mark.parametrize(
    "word, language, stem",
    [
        ("objectif", "fr", "objectif"),
        ("objectifs", "fr", "objectif"),
        ("donnees", "fr", "donn"),
        ("donnee", "fr", "donn"),
        ("sante", "fr", "sant"),
        ("objective", "en", "objectiv"),
        ("objectives", "en", "objectiv"),
        ("pillars", "en", "pillar"),
        ("studies", "en", "stud"),
        ("study", "en", "stud"),
        ("yes", "en", "yes"),  # never shorter than three letters
    ],
)
def test_light_stem(word, language, stem):
    assert light_stem(word, language) == stem
