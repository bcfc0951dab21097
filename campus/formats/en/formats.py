"""English admin input formats: dates are read day first, as in French (jj/mm/aaaa).

Django's English locale reads 02/12/2026 as February 12th; the admin's date pickers
(WAGTAIL_DATE_FORMAT, WAGTAIL_DATETIME_FORMAT) write it day first in both languages, so
both must read it the same way. ISO dates (2026-12-02) are still accepted. Only the input
formats are set here: display formats stay Django's English ones.
"""

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 02/12/2026
    "%Y-%m-%d",  # 2026-12-02
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",  # 02/12/2026 20:37
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",  # 2026-12-02 20:37
    "%Y-%m-%d %H:%M:%S",
]
