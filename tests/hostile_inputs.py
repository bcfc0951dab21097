"""Hostile and odd input, each value written once, for every test that feeds the site bad input.

Values are raw (what a visitor means to send): ``encode`` and ``query`` escape them
for a URL. The few that only exist escaped (bytes that are not UTF-8, a broken
escape) are ``Escaped`` and go into a URL as they are. Tests add their own
expectations; a value added here is tried by every test that reads its list.
"""

from urllib.parse import quote


class Escaped(str):
    """A value already written for a URL: sent as is, never escaped again."""


def encode(value):
    return value if isinstance(value, Escaped) else quote(value, safe="")


def query(**params):
    """``name=value&…`` with each value escaped by ``encode``."""
    return "&".join(f"{name}={encode(value)}" for name, value in params.items())


XSS = "<script>alert(1)</script>"
NUL = "\x00"
NOT_UTF8 = Escaped("%ff%fe")
BROKEN_ESCAPE = Escaped("%zz%")
LONG_QUERY = "données de santé " * 300  # 5,100 characters
RTL = "بيانات الصحة שלום"

# Query parameters ----------------------------------------------------------------------

# A page number that is no page of a listing.
PAGE_NUMBERS = [
    "0",
    "-1",
    "abc",
    "1.5",
    "99999",
    "99999999999999999999",
    "9" * 5000,
    NUL,
    "²",  # a digit to str.isdigit, not to int()
    "١",  # Arabic-Indic one
]

# A value for a filter that names a category or a tag: none has this slug.
UNKNOWN_SLUGS = ["nope", "inconnue", XSS, NUL, NOT_UTF8]

# A value for a year filter that is no year of the listing.
YEARS = ["-1", "22", "1999", "abcd", "99999"]

# Search box ----------------------------------------------------------------------------

# What a search box can be sent: each must be answered (with results or none), never fail.
SEARCH_QUERIES = [
    # Quotes, SQL and full-text query syntax.
    "'",
    '"',
    '"données',
    '"santé',
    "l'objectif",
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    '"; DROP TABLE wagtailcore_page; --',
    "%",
    "%%",
    "_",
    "*",
    ":",
    "\\",
    "\\\\server\\share",
    "NEAR(a b)",
    "NEAR(campus santé)",
    "AND OR NOT",
    "-données",
    "-Data",
    "Data-X.2",
    "objectif:*",
    "title:campus",
    "!(a & b) | c",
    "&|!()",
    "santé & !données <-> campus:*",
    "<>",
    XSS,
    # NUL and control characters.
    NUL,
    "données\x00",
    "café\x00santé",
    "a\x00' OR 1=1",
    # Unicode: emoji, flags, invisible characters, ligatures, other scripts.
    "😀",
    "🇫🇷 données 😀",
    "🧬🩺🏥",
    "\u200b",
    "\ufeffdonnées",
    "ß",
    "ﬁ",
    "日本語",
    "١٢٣",
    RTL,
    LONG_QUERY,
    # Not text at all once decoded.
    NOT_UTF8,
    BROKEN_ESCAPE,
]

# Nothing to search for once control characters and spaces are gone.
BLANK_QUERIES = ["", "   ", NUL, "\t\n"]

# Redirect targets ----------------------------------------------------------------------

# A ``next`` a sign-in page or a redirect may be sent: each leads off-site if followed.
REDIRECT_TARGETS = [
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "https:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " //evil.example",
    "/%09/evil.example",
    "http://testserver@evil.example",
    "data:text/html,<script>alert(1)</script>",
]

# Paths ---------------------------------------------------------------------------------

# Paths that look like another host to a browser or a redirect.
OFF_SITE_PATHS = [
    "/%5Cevil.example/",
    "/%2F%2Fevil.example/",
    "/fr/%2F%2Fevil.example",
    "/fr/%5C%5Cevil.example/",
    "/\\evil.example/",
]

# Language prefixes the site does not have, or writes otherwise, and paths outside them.
ODD_PREFIXES = ["/de/", "/xx/actualites/", "/FR/", "/fr-ca/", "/En/news/", "/nope/", "/%00/"]

# Added to a folder that serves files (static, media, documents): none may leave it.
TRAVERSAL_TAILS = [
    "../campus/settings/test.py",
    "%2e%2e/%2e%2e/campus/settings/test.py",
    "..%2f..%2fcampus%2fsettings%2ftest.py",
    "..%5c..%5ccampus%5csettings%5ctest.py",
    "%2fetc%2fpasswd",
    "/etc/passwd",
    "....//....//etc/passwd",
    "css/main.css%00.py",
    "1/..%2f..%2f..%2fetc%2fpasswd",
    "1/dossier.pdf/../../../etc/passwd",
    "%252e%252e/%252e%252e/etc/passwd",
    "%00",
    "nope.css",
]

# Headers -------------------------------------------------------------------------------

# If-Modified-Since values that are no HTTP date.
BAD_DATES = ["garbage", "not a date", "yesterday at noon", "Sun, 99 Foo 99999 99:99:99 GMT"]

# Range values no file can satisfy, or that are no range.
BAD_RANGES = ["bytes=abc", "bytes=99999999-", "bytes=999999999-0," * 200]

# If-None-Match values that are no list of entity tags.
BAD_ETAGS = ['W/"garbage", *, "', "*, W/"]

# Accept-Language values no browser sends.
BAD_ACCEPT_LANGUAGES = ["*;q=abc", "en;q=1.0, fr;q=abc", "de-DE," * 2000, "x" * 10 * 1024]

# Host headers the site must refuse (400): another site, or no host at all.
REFUSED_HOSTS = ["evil.example", "testserver:abc", "testserver@evil.example", "[::1"]

# Uploaded files ------------------------------------------------------------------------

# Files that are not what an editor may upload, whatever their name says.
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
SCRIPTED_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 20
TEXT = b"Ceci est un fichier texte.\n" * 20
FAKE_PDF = b"%PDF-1.4\n%%EOF\n" * 20  # a PDF's first and last lines, nothing between
