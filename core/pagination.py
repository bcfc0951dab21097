"""One rule for every paginated listing (news index, search results)."""

import re

from django.core.paginator import InvalidPage
from django.http import Http404

# A page number as the pagination writes it: ASCII digits, no sign, no leading zero, and
# short. str.isdigit() alone lets through "²" and "١", which int() refuses or reads as 1,
# and thousands of digits, which int() refuses too (both were a 500).
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def page_or_404(paginator, request):
    """The page asked for in ``?page=``; 404 for any page the listing does not offer.

    "abc", "-1", "1.5", 0, "01", "²" and numbers past the last page are all the same
    error: a URL that does not exist, in the visitor's language (the site's 404 page).
    """
    number = request.GET.get("page", "1")
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404("Invalid page")
    try:
        return paginator.page(int(number))
    except InvalidPage as error:
        raise Http404("Invalid page") from error


def page_range(page):
    """Numbers to link to around ``page``, with None where the range is elided.

    None is simpler to test in templates than Django's lazy "…".
    """
    return [
        number if isinstance(number, int) else None
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
