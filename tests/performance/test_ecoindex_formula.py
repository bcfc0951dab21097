"""The EcoIndex formula gives the reference implementation's figures (its own tests')."""

import pytest

from .ecoindex import QUANTILES_DOM, QUANTILES_REQ, QUANTILES_SIZE, ecoindex, grade, quantile


def test_quantiles():
    assert quantile(QUANTILES_SIZE, 2500) == pytest.approx(14.086372025739513)
    assert quantile(QUANTILES_DOM, 150) == pytest.approx(2.892857142857143)
    assert quantile(QUANTILES_REQ, 23) == pytest.approx(2.8)
    assert quantile(QUANTILES_SIZE, 310182.902) == 20


@pytest.mark.parametrize(
    "dom,requests,size,expected",
    [
        (100, 100, 100, (72, "B")),
        (100, 100, 1000, (67, "C")),
        (100, 100, 10000, (58, "C")),
        (200, 200, 10000, (46, "D")),
        (2355, 267, 2493, (10, "G")),
        (240, 20, 331, (83, "A")),
        (2240, 100, 310182.902, (16, "F")),
    ],
)
def test_score_and_grade(dom, requests, size, expected):
    assert ecoindex(dom, requests, size) == expected


def test_grades():
    assert [grade(value) for value in (100, 81, 80, 71, 70, 56, 55, 50.2, 26, 25, 11, 10, 2)] == [
        "A", "A", "B", "B", "C", "C", "D", "D", "E", "F", "F", "G", "G",
    ]  # fmt: skip
