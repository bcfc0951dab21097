"""Builds the content in French, then translates it into English with wagtail-localize.

French is the source language. Each English page or snippet is a real
wagtail-localize translation of its French original (same translation key,
locale ``en``), made the way the translation editor makes it: a
``TranslationSource`` frozen from the French object, a ``Translation`` to
English, the English strings imported as a PO file, then the English object
saved from them. Editors can later sync and update these translations in the
admin like any other.

Idempotent and conservative: every object has a stable translation key; an
object that already exists with that key, in that language, is left exactly
as it is, whatever an editor has done to it since. Nothing is ever updated.

Three details of wagtail-localize 1.14 shape this module:

- ``Translation.save_target()`` silently falls back to the French text for any
  segment without a translation, and publishes pages in
  ``transaction.on_commit``. The loader checks every segment itself (and
  fails, naming it, when one has no English), then calls
  ``TranslationSource.create_or_update_translation(fallback=False)`` and
  publishes synchronously, inside the same transaction as everything else.
- Synchronised page links (``HomePage.mission_page``, ``Footer.contact_page``)
  are copied from French, so the English object would point at a French page.
  The loader records a wagtail-localize segment override pointing at the
  English page instead, the same thing an editor does in the translation editor.
- ``PillarPage.served_objectives`` rows are synchronised as they are, so the
  English pillar's rows point at the French objectives. ``PillarPage.objectives()``
  maps them to the visitor's language through their translation keys.
"""

import json
from collections import Counter
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import (
    SegmentOverride,
    Translation,
    TranslationContext,
    TranslationSource,
)

from content.bilingual import Stream, pick, stable_uuid
from content.footer import FOOTER
from content.news import NEWS_SNIPPETS
from content.pages import HOME
from content.partners import PARTNERS

TOOL_NAME = "load_campus_content"


def fill_po(po, mapping, label):
    """Give every untranslated entry of a wagtail-localize PO file its English text.

    An entry that already has a translation (an editor's) keeps it. Raises
    CommandError naming every French segment that has no English.
    """
    missing = []
    for entry in po:
        if entry.obsolete or entry.msgstr:
            continue
        english = mapping.get(entry.msgid)
        if english:
            entry.msgstr = english
        else:
            missing.append(entry)
    if missing:
        details = "\n".join(f"  {entry.msgctxt}: {entry.msgid!r}" for entry in missing)
        raise CommandError(f"{label}: no English for {len(missing)} segment(s):\n{details}")
    return po


def initial_values(spec, language, pages=None):
    """Model field values of one language, StreamFields as stored JSON.

    ``pages`` (spec name: French page) resolves the PageRefs inside streams.
    """
    values = {}
    for field_name, value in spec.fields.items():
        if isinstance(value, Stream):
            values[field_name] = value.raw(language, f"{spec.name}.{field_name}", pages)
        else:
            values[field_name] = pick(value, language)
    return values


class Report:
    def __init__(self):
        self.created = Counter()
        self.existing = Counter()
        self.notes = []

    def lines(self):
        kinds = dict.fromkeys([*self.created, *self.existing])
        lines = [
            f"{kind} ({language}): {self.created[kind, language]} created, "
            f"{self.existing[kind, language]} already there"
            for kind, language in kinds
        ]
        return lines + self.notes


class ContentLoader:
    def __init__(self):
        try:
            self.fr = Locale.objects.get(language_code="fr")
            self.en = Locale.objects.get(language_code="en")
        except Locale.DoesNotExist as error:
            raise CommandError("The fr and en locales are missing: run `migrate` first.") from error
        self.report = Report()
        # Pages this command owns (found by their translation key), by spec name.
        self.fr_pages = {}
        self.en_pages = {}
        # English objects whose page links could not point at English pages yet.
        self.deferred_links = []
        self.new_en_page_ids = []

    def run(self):
        with transaction.atomic():
            # Snippets first: news pages link to categories and partners, and
            # their English versions need the English snippets to exist.
            for spec in PARTNERS:
                self.snippet(spec)
            for spec in NEWS_SNIPPETS:
                self.snippet(spec)
            home, created = self.french_page(HOME, Page.get_first_root_node())
            if home is not None:
                self.use_as_site_root(home, created)
            # Before the English home page, which wants the slug "home".
            self.delete_welcome_page()
            for spec in HOME.walk():
                self.english_page(spec)
            self.resolve_deferred_links()
            transaction.on_commit(self.delete_redirects_of_new_translations)
            self.snippet(FOOTER)
        return self.report

    # French pages ------------------------------------------------------------

    def french_page(self, spec, parent):
        """Create the French page of spec under parent unless it exists; then its children."""
        model = apps.get_model(spec.model)
        page = Page.objects.filter(translation_key=spec.translation_key, locale=self.fr).first()
        created = page is None
        if page is not None:
            page = page.specific
            self.report.existing["Pages", "fr"] += 1
        else:
            taken = self.place_taken(model, spec, parent)
            if taken is not None:
                self.report.notes.append(
                    f"Skipped « {spec.title.fr} » and its subpages: “{taken.title}” "
                    f"({taken.url_path}) already takes its place."
                )
                return None, False
            page = model(
                title=spec.title.fr,
                slug=spec.slug.fr,
                locale=self.fr,
                translation_key=spec.translation_key,
                show_in_menus=spec.show_in_menus,
                **initial_values(spec, "fr", self.fr_pages),
                **self.snippet_links(model, spec),
            )
            if spec.serves:
                page.served_objectives = self.served_objectives(spec)
            if spec.partners:
                page.related_partners = self.related_partners(spec)
            if spec.tags:
                page.tags.add(*spec.tags)
            parent.add_child(instance=page)
            if not spec.page_links:
                page.save_revision().publish()
            self.report.created["Pages", "fr"] += 1
        self.fr_pages[spec.name] = page

        for child in spec.children:
            self.french_page(child, page)

        if created and spec.page_links:
            # Published once the pages it links to exist.
            for field_name, target in spec.page_links.items():
                setattr(page, field_name, self.fr_pages.get(target))
            page.save_revision().publish()
        return page, created

    def place_taken(self, model, spec, parent):
        """A page, not made by this command, that prevents creating spec under parent."""
        siblings = parent.get_children()
        taken = siblings.filter(slug=spec.slug.fr).first()
        if taken is None and getattr(model, "max_count_per_parent", None) == 1:
            taken = siblings.type(model).filter(locale=self.fr).first()
        return taken

    def served_objectives(self, spec):
        from mission.models import PillarObjective

        return [
            PillarObjective(objective=self.fr_pages[name], sort_order=order)
            for order, name in enumerate(spec.serves)
            if name in self.fr_pages
        ]

    def snippet_links(self, model, spec):
        """{field: French snippet} for the snippet foreign keys of spec."""
        links = {}
        for field_name, name in spec.snippet_links.items():
            related_model = model._meta.get_field(field_name).related_model
            links[field_name] = related_model.objects.filter(
                translation_key=stable_uuid(f"snippet:{name}"), locale=self.fr
            ).first()
        return links

    def related_partners(self, spec):
        from news.models import NewsPagePartner
        from partners.models import Partner

        partners = {
            partner.translation_key: partner
            for partner in Partner.objects.filter(
                locale=self.fr,
                translation_key__in=[stable_uuid(f"snippet:{name}") for name in spec.partners],
            )
        }
        keys = [stable_uuid(f"snippet:{name}") for name in spec.partners]
        return [
            NewsPagePartner(partner=partners[key], sort_order=order)
            for order, key in enumerate(key for key in keys if key in partners)
        ]

    def use_as_site_root(self, home, created):
        # Absolute URLs (canonical, hreflang, feeds, share cards) come from the Site:
        # it takes the public address from WAGTAILADMIN_BASE_URL.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        hostname = address.hostname or "localhost"
        port = address.port or (443 if address.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname=hostname,
                port=port,
                site_name=settings.WAGTAIL_SITE_NAME,
                root_page=home,
                is_default_site=True,
            )
            self.report.notes.append("Created the default site, rooted at the French home page.")
        elif site.root_page_id != home.pk and (created or self.is_welcome_page(site.root_page)):
            # Still Wagtail's initial site: give it the site's name and public address too.
            site.root_page = home
            site.hostname, site.port = hostname, port
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()
            self.report.notes.append(
                f"The default site now starts at the French home page, at {site.root_url}."
            )

    @staticmethod
    def is_welcome_page(page):
        return (
            page.depth == 2
            and page.slug == "home"
            and page.content_type_id == ContentType.objects.get_for_model(Page).id
        )

    def delete_welcome_page(self):
        """Delete Wagtail's “Welcome to your new Wagtail site!” page if nothing uses it."""
        page_type = ContentType.objects.get_for_model(Page)
        welcome = Page.objects.filter(depth=2, slug="home", content_type=page_type).first()
        if welcome is None:
            return
        if welcome.get_children().exists() or Site.objects.filter(root_page=welcome).exists():
            self.report.notes.append("Kept Wagtail's welcome page: it has subpages or a site.")
            return
        welcome.delete()
        self.report.notes.append("Deleted Wagtail's welcome page.")

    # English translations ------------------------------------------------------

    def english_page(self, spec):
        fr_page = self.fr_pages.get(spec.name)
        if fr_page is None:
            return
        en_page = Page.objects.filter(translation_key=spec.translation_key, locale=self.en).first()
        if en_page is not None:
            self.en_pages[spec.name] = en_page.specific
            self.report.existing["Pages", "en"] += 1
            return
        parent = fr_page.get_parent()
        if not parent.is_root() and parent.get_translation_or_none(self.en) is None:
            self.report.notes.append(
                f"Skipped the English « {spec.title.en} »: its parent has no English version."
            )
            return
        self.en_pages[spec.name] = self.translate(fr_page, spec)
        self.new_en_page_ids.append(self.en_pages[spec.name].pk)
        self.report.created["Pages", "en"] += 1

    def delete_redirects_of_new_translations(self):
        """Delete the redirects Wagtail made for the French slugs of new English pages.

        wagtail-localize copies the French page, slug included, then gives the copy
        its English slug; Wagtail sees a slug change and, once the transaction
        commits, creates a redirect from the copied path (“/en/le-campus”), which
        no visitor has ever seen. This callback is registered after those, so it
        runs after them.
        """
        if not self.new_en_page_ids or not apps.is_installed("wagtail.contrib.redirects"):
            return
        from wagtail.contrib.redirects.models import Redirect

        Redirect.objects.filter(
            automatically_created=True, redirect_page_id__in=self.new_en_page_ids
        ).delete()

    def snippet(self, spec):
        model = apps.get_model(spec.model)
        kind = model.__name__
        fr_object = model.objects.filter(
            translation_key=spec.translation_key, locale=self.fr
        ).first()
        if fr_object is not None:
            self.report.existing[kind, "fr"] += 1
        elif spec.one_per_language and model.objects.filter(locale=self.fr).exists():
            self.report.notes.append(f"Skipped {spec.name}: a French {model.__name__} exists.")
            return
        else:
            fr_object = model(
                locale=self.fr,
                translation_key=spec.translation_key,
                **initial_values(spec, "fr", self.fr_pages),
                **{
                    field_name: self.fr_pages.get(target)
                    for field_name, target in spec.page_links.items()
                },
            )
            fr_object.full_clean()
            fr_object.save()
            if isinstance(fr_object, DraftStateMixin):
                # Live with a published revision, as if published in the admin.
                fr_object.save_revision().publish()
            self.report.created[kind, "fr"] += 1

        if model.objects.filter(translation_key=spec.translation_key, locale=self.en).exists():
            self.report.existing[kind, "en"] += 1
        else:
            self.translate(fr_object, spec)
            self.report.created[kind, "en"] += 1

    def translate(self, instance, spec):
        """Create the English translation of a French page or snippet, and publish it."""
        # From the database, as saved and published, not as built in memory.
        instance = type(instance).objects.get(pk=instance.pk)
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=self.en, defaults={"enabled": True}
        )
        if not translation.enabled:  # disabled when an earlier English version was deleted
            translation.enabled = True
            translation.save(update_fields=["enabled"])
        po = fill_po(translation.export_po(), spec.translation_map(), f"{spec.model} {spec.name}")
        warnings = translation.import_po(po, translation_type="manual", tool_name=TOOL_NAME)
        if warnings:
            raise CommandError(f"{spec.model} {spec.name}: PO import warnings: {warnings}")

        deferred = False
        for field_name, target in spec.page_links.items():
            if target in self.en_pages:
                self.override_link(source, field_name, self.en_pages[target])
            else:
                deferred = True
        if deferred:
            self.deferred_links.append((spec, source))
        return self.save_translation(source)

    def override_link(self, source, field_name, page):
        """Point a synchronised page link of the English version at an English page."""
        context = TranslationContext.objects.filter(
            object_id=source.object_id, path=field_name
        ).first()
        if context is None:  # the French link is empty: nothing to override
            return
        SegmentOverride.objects.get_or_create(
            locale=self.en, context=context, defaults={"data_json": json.dumps(page.pk)}
        )

    def save_translation(self, source):
        draftable = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
        target, _ = source.create_or_update_translation(
            self.en, publish=not draftable, fallback=False
        )
        if draftable:
            target.get_latest_revision().publish()
        return target

    def resolve_deferred_links(self):
        for spec, source in self.deferred_links:
            for field_name, target in spec.page_links.items():
                if target in self.en_pages:
                    self.override_link(source, field_name, self.en_pages[target])
            self.save_translation(source)
        self.deferred_links = []


def load_campus_content():
    """Build what is missing; return a Report of what was created or already there."""
    return ContentLoader().run()
