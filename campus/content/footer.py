"""The footer of each language.

The street of the temporary site is sourced; its number is not confirmed, so it
is left out. No e-mail address, telephone number or social account is known
for sure: those fields stay empty until the campus provides them. Legal links
come with the legal pages, later.
"""

from campus.content.bilingual import Text
from campus.content.specs import SnippetSpec

FOOTER = SnippetSpec(
    name="footer",
    model="navigation.Footer",
    fields={
        "address": Text(
            "Rue d'Oradour-sur-Glane\n75015 Paris",
            "Rue d'Oradour-sur-Glane\n75015 Paris\nFrance",
        ),
    },
    page_links={"contact_page": "contact"},
    one_per_language=True,
)
