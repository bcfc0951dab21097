"""The footer of each language.

The street of the temporary site is sourced; its number is not confirmed, so it
is left out. No e-mail address, telephone number or social account is known
for sure: those fields stay empty until the campus provides them.

The legal links point at the legal pages (content/legal.py); the
accessibility status comes before them, with a link to the statement. No RGAA
audit has been carried out, so the status is « non conforme », as the RGAA
requires; editors change it after an audit.
"""

from content.bilingual import PageRef, Stream, Text
from content.specs import SnippetSpec


def legal_link(name):
    """A footer link to a page of this loader, labelled with the page's title."""
    return ("link", {"page": PageRef(name), "url": "", "label": Text("", "")})


FOOTER = SnippetSpec(
    name="footer",
    model="navigation.Footer",
    fields={
        "address": Text(
            "Rue d'Oradour-sur-Glane\n75015 Paris",
            "Rue d'Oradour-sur-Glane\n75015 Paris\nFrance",
        ),
        "legal_links": Stream(
            (legal_link("legal-notice"), legal_link("personal-data"), legal_link("site-map"))
        ),
        "accessibility_status": "non-compliant",
    },
    page_links={"contact_page": "contact", "accessibility_page": "accessibility"},
    one_per_language=True,
)
