"""Bilingual values: every text is written once, French and English side by side.

The French value becomes the source content; the English value becomes its
wagtail-localize translation. Because both live in the same object, the loader
can pair each French segment with its English counterpart by walking the two
values in parallel (``segment_pairs``), using wagtail-localize's own extraction
functions so that the pairing matches exactly what it stores.
"""

import datetime
import re
import uuid
from dataclasses import dataclass

from wagtail_localize.strings import StringValue, extract_strings

# Fixed for ever: translation keys and block ids are derived from it, which is
# how a second run recognises the content of the first one.
NAMESPACE = uuid.UUID("82929b20-c971-4e52-8b66-83a9175a744d")

NBSP = "\u00a0"

_FRENCH_SPACING = [
    # A space before : ; ? ! and before a closing guillemet must not break.
    (re.compile(r" ([:;?!»])"), NBSP + r"\1"),
    (re.compile(r"« "), "«" + NBSP),
    # Thousands (« 1 600 ») and a number followed by its unit (« 20 000 m² »).
    (re.compile(r"(?<=\d) (?=\d{3}\b)"), NBSP),
    (re.compile(r"(?<=\d) (?=(?:m²|M€|€|%))"), NBSP),
]


def french_spacing(text):
    """Turn the ordinary spaces French typography wants unbreakable into U+00A0."""
    for pattern, replacement in _FRENCH_SPACING:
        text = pattern.sub(replacement, text)
    return text


def stable_uuid(name):
    """The same UUID for the same name, on every machine and every run."""
    return uuid.uuid5(NAMESPACE, name)


@dataclass(frozen=True)
class Text:
    """Plain text: a title, a slug, a CharField or TextField, a CharBlock or TextBlock.

    French spacing is applied to the French value, so authors type ordinary
    spaces (« Nos objectifs : … ») and get non-breaking ones.
    """

    fr: str
    en: str

    def __post_init__(self):
        if bool(self.fr) != bool(self.en):
            raise ValueError(f"Both languages or neither: {self.fr!r} / {self.en!r}")
        object.__setattr__(self, "fr", french_spacing(self.fr))


@dataclass(frozen=True)
class Rich:
    """Rich text in Wagtail's storage format: paragraphs, h2/h3, lists, bold, italic.

    Both languages must have the same block structure (same elements in the
    same order): wagtail-localize keeps the French structure and only swaps
    the text of each element. Links are avoided on purpose: their ``href``
    would become an overridable segment that a second language cannot change
    from here.
    """

    fr: str
    en: str

    def __post_init__(self):
        object.__setattr__(self, "fr", french_spacing(self.fr))


@dataclass(frozen=True)
class PageRef:
    """A page chooser value inside a stream: the ``name`` of a PageSpec.

    Stored as the French page's id; wagtail-localize keeps it in English (a
    synchronised segment) and templates show the visitor's version through
    ``.localized``.
    """

    name: str


@dataclass(frozen=True)
class Stream:
    """A StreamField value: ``(block type, value)`` pairs.

    Struct block values are dicts; a list inside a struct is a ListBlock.
    """

    blocks: tuple

    def raw(self, language, name, pages=None):
        """The JSON representation Wagtail stores, with stable block ids.

        ListBlock items are written in the block format (``{"type": "item",
        "value": …, "id": …}``): wagtail-localize only extracts segments from
        list items in that format.
        """
        return [
            {
                "type": block_type,
                "value": _raw(value, language, f"{name}.{index}", pages),
                "id": str(stable_uuid(f"{name}.{index}")),
            }
            for index, (block_type, value) in enumerate(self.blocks)
        ]


def _raw(value, language, name, pages=None):
    if isinstance(value, PageRef):
        return pages[value.name].pk
    if isinstance(value, dict):
        return {key: _raw(item, language, f"{name}.{key}", pages) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [
            {
                "type": "item",
                "value": _raw(item, language, f"{name}.{index}", pages),
                "id": str(stable_uuid(f"{name}.{index}")),
            }
            for index, item in enumerate(value)
        ]
    return pick(value, language)


def pick(value, language):
    """The value of one language (a date becomes its ISO string, for stream data)."""
    if isinstance(value, Text | Rich):
        return getattr(value, language)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def plain_segment(text):
    """A plain-text value as wagtail-localize stores it in a segment (escaped HTML)."""
    return StringValue.from_plaintext(text).data


def segment_pairs(value):
    """Yield ``(French segment, English segment)`` for every translatable string in value."""
    if isinstance(value, Text):
        if value.fr:
            yield plain_segment(value.fr), plain_segment(value.en)
    elif isinstance(value, Rich):
        fr_template, fr_strings = extract_strings(value.fr)
        en_template, en_strings = extract_strings(value.en)
        if fr_template != en_template or len(fr_strings) != len(en_strings):
            raise ValueError(
                "French and English rich text differ in structure:\n"
                f"  {fr_template}\n  {en_template}"
            )
        for (fr_string, _fr_attrs), (en_string, _en_attrs) in zip(
            fr_strings, en_strings, strict=True
        ):
            yield fr_string.data, en_string.data
    elif isinstance(value, Stream):
        for _block_type, block_value in value.blocks:
            yield from segment_pairs(block_value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from segment_pairs(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from segment_pairs(item)


def translation_map(*values):
    """{French segment: English segment} for the given values.

    The same French segment may appear twice only with the same English.
    """
    mapping = {}
    for value in values:
        for fr, en in segment_pairs(value):
            if mapping.setdefault(fr, en) != en:
                raise ValueError(
                    f"{fr!r} is translated twice differently: {mapping[fr]!r} and {en!r}"
                )
    return mapping
