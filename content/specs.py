"""What the loader builds: pages and snippets described as plain data."""

from dataclasses import dataclass, field

from content.bilingual import Text, stable_uuid, translation_map


@dataclass(frozen=True)
class PageSpec:
    """One page and its children, in tree order.

    ``name`` is stable and never shown: it gives the page its translation key.
    ``fields`` maps model fields to bilingual values (Text, Rich, Stream) or to
    values shared by both languages (an icon name). ``page_links`` maps a
    page foreign key to the ``name`` of the page it points to; ``serves``
    lists the objectives a pillar serves, by ``name``. ``snippet_links`` maps a
    foreign key to a translatable snippet to the ``name`` of its SnippetSpec
    (wagtail-localize points the English page at the English snippet);
    ``partners`` names the PartnerSpecs a news item links to; ``tags`` are
    shared by both languages.
    """

    name: str
    model: str
    title: Text
    slug: Text
    fields: dict = field(default_factory=dict)
    children: tuple = ()
    show_in_menus: bool = False
    page_links: dict = field(default_factory=dict)
    serves: tuple = ()
    snippet_links: dict = field(default_factory=dict)
    partners: tuple = ()
    tags: tuple = ()

    @property
    def translation_key(self):
        return stable_uuid(f"page:{self.name}")

    def translation_map(self):
        return translation_map(self.title, self.slug, *self.fields.values())

    def walk(self):
        """This page, then its descendants, parents always before their children."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class SnippetSpec:
    """One translatable snippet (a partner, the footer).

    ``one_per_language``: the site uses a single object of this model per
    language, so an existing one, even made by hand, means there is nothing to do.
    """

    name: str
    model: str
    fields: dict
    page_links: dict = field(default_factory=dict)
    one_per_language: bool = False

    @property
    def translation_key(self):
        return stable_uuid(f"snippet:{self.name}")

    def translation_map(self):
        return translation_map(*self.fields.values())
