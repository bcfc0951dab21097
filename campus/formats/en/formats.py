"""English admin input formats: dates are read day first, as in French (jj/mm/aaaa).

Django's English locale reads 02/12/2026 as February 12th; the admin's date pickers
(WAGTAIL_DATE_FORMAT, WAGTAIL_DATETIME_FORMAT) write it day first in both languages, so
both must read it the same way. ISO dates (2026-12-02) are still accepted. The short
display formats (the admin's dashboard panels) follow, so that an English-speaking editor
reads 02/12/2026 20:37 where she types it, never "12/02/2026 8:37 p.m."; the long ones
("Dec. 2, 2026") are unambiguous and stay Django's.
"""

SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

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
