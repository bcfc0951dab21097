"""One URL per page type and state, in both languages, on the campus content
(``load_campus_content``): what the accessibility tests (tests/accessibility) and the
Lighthouse audit (scripts/lighthouse.py) visit."""

# One URL per page type and state, in both languages: (test id, path, expected status).
PAGES = [
    ("fr-home", "/fr/", 200),
    ("en-home", "/en/", 200),
    ("fr-mission", "/fr/le-campus/", 200),
    ("en-mission", "/en/about/", 200),
    ("fr-objective-index", "/fr/objectifs/", 200),
    ("en-objective-index", "/en/objectives/", 200),
    ("fr-objective", "/fr/objectifs/donnees-de-sante/", 200),
    ("en-objective", "/en/objectives/health-data/", 200),
    ("fr-pillar-index", "/fr/piliers/", 200),
    ("en-pillar-index", "/en/pillars/", 200),
    ("fr-pillar", "/fr/piliers/la-donnee/", 200),
    ("en-pillar", "/en/pillars/data/", 200),
    ("fr-partners", "/fr/membres-et-partenaires/", 200),
    ("en-partners", "/en/partners/", 200),
    ("fr-standard", "/fr/contact-et-acces/", 200),
    ("en-standard", "/en/contact/", 200),
    ("fr-news-index", "/fr/actualites/", 200),
    ("en-news-index", "/en/news/", 200),
    ("fr-news-index-empty", "/fr/actualites/?category=evenement&year=2020", 200),
    ("en-news-index-empty", "/en/news/?category=event&year=2020", 200),
    ("fr-news", "/fr/actualites/inauguration-de-parisante-campus/", 200),
    ("en-news", "/en/news/parisante-campus-inaugurated/", 200),
    ("fr-press-room", "/fr/espace-presse/", 200),
    ("en-press-room", "/en/press-room/", 200),
    ("fr-accessibility", "/fr/accessibilite/", 200),
    ("en-accessibility", "/en/accessibility/", 200),
    ("fr-sitemap", "/fr/plan-du-site/", 200),
    ("en-sitemap", "/en/site-map/", 200),
    ("fr-search", "/fr/recherche/?q=campus", 200),
    ("en-search", "/en/search/?q=campus", 200),
    ("fr-search-empty", "/fr/recherche/?q=zzzzzz", 200),
    ("en-search-empty", "/en/search/?q=zzzzzz", 200),
    ("fr-404", "/fr/page-introuvable/", 404),
    ("en-404", "/en/no-such-page/", 404),
]
PAGE_IDS = [page_id for page_id, _path, _status in PAGES]
