"""The EcoIndex score and grade of a page (https://www.ecoindex.fr/comment-ca-marche/).

From three figures measured in a browser: the number of DOM elements, the number of
requests and the transferred size in kilobytes (10³ bytes). Each is placed between the
quantiles of the HTTP Archive sample the method was calibrated on (q between 0 and 20),
weighted 3 (DOM), 2 (requests) and 1 (size):

    score = 100 - 5 * (3 * q_dom + 2 * q_req + q_size) / 6

Grade A above 80, B above 70, C above 55, D above 40, E above 25, F above 10, else G.

The quantile arrays and the interpolation are those of the reference implementation,
ecoindex-python (cnumr/ecoindex_python, ``ecoindex/compute/data/quantiles.py`` and
``ecoindex/compute/ecoindex.py``, AGPL; the same arrays as GreenIT-Analysis and the
EcoIndex browser plugin), restated here as published figures. As there, the score is
rounded to a whole number before it is graded (79.6 is 80, a B).
"""

QUANTILES_DOM = [
    0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459,
    1801, 2479, 594601,
]  # fmt: skip
QUANTILES_REQ = [
    0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
]  # fmt: skip
QUANTILES_SIZE = [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32,
    1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54,
    223212.26,
]  # fmt: skip
# Lowest score (exclusive) of each grade, best first.
GRADES = [("A", 80), ("B", 70), ("C", 55), ("D", 40), ("E", 25), ("F", 10)]


def quantile(quantiles, value):
    """Where value lies in the array: i + the fraction of the way to the next bound."""
    for i in range(1, len(quantiles)):
        if value < quantiles[i]:
            return i - 1 + (value - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1])
    return len(quantiles) - 1


def score(dom, requests, size_kb):
    """EcoIndex between 0 and 100 (not rounded); size in kilobytes of 1000 bytes."""
    q_dom = quantile(QUANTILES_DOM, dom)
    q_req = quantile(QUANTILES_REQ, requests)
    q_size = quantile(QUANTILES_SIZE, size_kb)
    return 100 - 5 * (3 * q_dom + 2 * q_req + q_size) / 6


def grade(value):
    for letter, lowest in GRADES:
        if value > lowest:
            return letter
    return "G"


def ecoindex(dom, requests, size_kb):
    """(score rounded as the reference does, grade): what ecoindex.fr would show."""
    value = round(score(dom, requests, size_kb))
    return value, grade(value)
