"""Interface translations without GNU gettext.

    python -m scripts.catalogues check    # every entry translated, none fuzzy, .mo up to date
    python -m scripts.catalogues compile  # write each django.mo from its django.po

French is the source language: msgids are French, the `fr` catalogue repeats
them and the `en` catalogue translates them. The .mo files are committed, so
running the site needs neither gettext nor this script.

locale/overrides/<language>/LC_MESSAGES/{django,djangojs}.po correct the French of
Wagtail, wagtail-localize and allauth (their msgids, in English): first in
LOCALE_PATHS, they win over the apps' catalogues. `make messages` never writes
there (no source file lives under locale/), so their msgids need not be in the
project's source; they are compiled and checked like the rest.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
OVERRIDES_DIR = LOCALE_DIR / "overrides"
LANGUAGES = ("fr", "en")


def catalogues():
    for language in LANGUAGES:
        po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
        yield language, po_path, po_path.with_suffix(".mo")
    # Overrides exist only for the languages and domains that need them.
    for po_path in sorted(OVERRIDES_DIR.glob("*/LC_MESSAGES/*.po")):
        yield po_path.parent.parent.name, po_path, po_path.with_suffix(".mo")


def problems_in(language, po_path, mo_path):
    if not po_path.exists():
        return [f"{po_path}: missing"]
    po = polib.pofile(str(po_path))
    found = [f"{po_path}: the header is marked fuzzy"] if po.metadata_is_fuzzy else []
    for entry in po:
        if entry.obsolete:
            continue
        where = f"{po_path.relative_to(LOCALE_DIR.parent)}:{entry.linenum}"
        if "fuzzy" in entry.flags:
            found.append(f"{where}: fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            found.append(f"{where}: untranslated: {entry.msgid!r}")
    if not mo_path.exists():
        found.append(f"{mo_path}: missing, run `python -m scripts.catalogues compile`")
    else:
        expected = {(e.msgctxt, e.msgid): e for e in po.translated_entries()}
        compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(mo_path))}
        if set(expected) != set(compiled) or any(
            (expected[key].msgstr, expected[key].msgstr_plural)
            != (compiled[key].msgstr, compiled[key].msgstr_plural)
            for key in expected
        ):
            found.append(f"{mo_path}: out of date, run `python -m scripts.catalogues compile`")
    return found


def check():
    found = [p for args in catalogues() for p in problems_in(*args)]
    for problem in found:
        print(problem)
    print(f"locale: {len(found)} problem(s)")
    return 1 if found else 0


def compile_all():
    for _language, po_path, mo_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        print(f"compiled {mo_path.relative_to(LOCALE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    commands = {"check": check, "compile": compile_all}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]]())
