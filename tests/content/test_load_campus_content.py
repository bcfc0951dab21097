"""The content loaded by ``load_campus_content``: both trees, partners, footer, translations.

The session loads the content once (see tests/conftest.py); HTTP rendering is
tested with the templates, elsewhere.
"""

import datetime
import re
from io import StringIO

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from content import loader
from content.bilingual import NBSP, Rich, Stream, Text, segment_pairs
from content.footer import FOOTER
from content.pages import HOME
from content.partners import FOUNDING_MEMBERS, PARTNERS
from content.specs import PageSpec, SnippetSpec
from home.models import HomePage
from mission.models import ObjectiveIndexPage, PillarIndexPage
from navigation.models import Footer
from partners.models import Partner

pytestmark = pytest.mark.django_db

PAGE_SPECS = list(HOME.walk())
SNIPPET_SPECS = [*PARTNERS, FOOTER]


def locale(code):
    return Locale.objects.get(language_code=code)


def page_of(spec, code):
    return Page.objects.get(
        translation_key=spec.translation_key, locale__language_code=code
    ).specific


def snippet_of(spec, code):
    model = Partner if spec.model == "partners.Partner" else Footer
    return model.objects.get(translation_key=spec.translation_key, locale__language_code=code)


def string_segments(instance):
    return {
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


# The trees ------------------------------------------------------------------


def test_every_page_exists_in_both_languages_as_linked_translations():
    for spec in PAGE_SPECS:
        fr, en = page_of(spec, "fr"), page_of(spec, "en")
        assert fr.live and en.live, spec.name
        assert fr.translation_key == en.translation_key
        assert type(fr) is type(en)
        assert (fr.title, en.title) == (spec.title.fr, spec.title.en)
        assert (fr.slug, en.slug) == (spec.slug.fr, spec.slug.en)
        assert en.get_translation(locale("fr")).pk == fr.pk
        # Same shape: the English parent is the translation of the French parent.
        fr_parent, en_parent = fr.get_parent(), en.get_parent()
        if fr_parent.depth > 1:
            assert en_parent.translation_key == fr_parent.translation_key
            assert en_parent.locale.language_code == "en"


@pytest.mark.parametrize(
    ("name", "fr_url", "en_url"),
    [
        ("home", "/fr/", "/en/"),
        ("about", "/fr/le-campus/", "/en/about/"),
        ("objectives", "/fr/objectifs/", "/en/objectives/"),
        (
            "objective-health-data",
            "/fr/objectifs/donnees-de-sante/",
            "/en/objectives/health-data/",
        ),
        (
            "objective-patients-and-care",
            "/fr/objectifs/patients-et-systeme-de-soins/",
            "/en/objectives/patients-and-care/",
        ),
        ("pillars", "/fr/piliers/", "/en/pillars/"),
        (
            "pillar-value-creation",
            "/fr/piliers/la-creation-de-valeur/",
            "/en/pillars/value-creation/",
        ),
        ("partners", "/fr/membres-et-partenaires/", "/en/partners/"),
        ("press-room", "/fr/espace-presse/", "/en/press-room/"),
        ("contact", "/fr/contact-et-acces/", "/en/contact/"),
    ],
)
def test_urls_are_prefixed_by_language_with_translated_slugs(name, fr_url, en_url):
    spec = next(spec for spec in PAGE_SPECS if spec.name == name)
    assert page_of(spec, "fr").url == fr_url
    assert page_of(spec, "en").url == en_url


def test_french_home_is_the_default_site_root_and_the_welcome_page_is_gone():
    home = HomePage.objects.get(locale__language_code="fr")
    assert home.slug == "accueil"
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2, slug="home", locale__language_code="fr").exists()
    assert HomePage.objects.get(locale__language_code="en").slug == "home"
    assert Page.objects.filter(depth=2).count() == 2


@pytest.mark.parametrize(
    ("code", "titles"),
    [
        (
            "fr",
            [
                "Le campus",
                "Nos objectifs",
                "Nos piliers",
                "Membres et partenaires",
                "Actualités",
                "Espace presse",
                "Contact et accès",
            ],
        ),
        (
            "en",
            [
                "About the campus",
                "Our objectives",
                "Our pillars",
                "Members and partners",
                "News",
                "Press room",
                "Contact and access",
            ],
        ),
    ],
)
def test_home_children_are_in_the_menu_in_order(code, titles):
    home = HomePage.objects.get(locale__language_code=code)
    children = home.get_children().live().in_menu()
    assert [page.title for page in children] == titles


@pytest.mark.parametrize(
    ("code", "objectives", "pillars"),
    [
        (
            "fr",
            [
                "Données de santé",
                "Formation & talents",
                "Innovation & entrepreneuriat",
                "Patients & système de soins",
            ],
            ["La donnée", "Les talents", "La création de valeur"],
        ),
        (
            "en",
            [
                "Health data",
                "Training & talent",
                "Innovation & entrepreneurship",
                "Patients & care",
            ],
            ["Data", "Talent", "Value creation"],
        ),
    ],
)
def test_four_objectives_and_three_pillars_live_in_order(code, objectives, pillars):
    objective_index = ObjectiveIndexPage.objects.get(locale__language_code=code)
    pillar_index = PillarIndexPage.objects.get(locale__language_code=code)
    assert [page.title for page in objective_index.cards()] == objectives
    assert [page.title for page in pillar_index.cards()] == pillars
    assert [page.icon for page in objective_index.cards()] == [
        "data",
        "training",
        "innovation",
        "patient",
    ]
    home = HomePage.objects.get(locale__language_code=code)
    assert [page.title for page in home.objectives()] == objectives
    assert [page.title for page in home.pillars()] == pillars


@pytest.mark.parametrize("code", ["fr", "en"])
def test_each_pillar_serves_its_objective_and_the_patient(code):
    objectives = list(ObjectiveIndexPage.objects.get(locale__language_code=code).cards())
    pillars = list(PillarIndexPage.objects.get(locale__language_code=code).cards())
    patient = objectives[3]
    for number, pillar in enumerate(pillars):
        served = pillar.objectives()
        assert [page.pk for page in served] == [objectives[number].pk, patient.pk]
        assert all(page.locale.language_code == code for page in served)
    assert [page.pk for page in patient.pillars()] == [pillar.pk for pillar in pillars]


@pytest.mark.parametrize("code", ["fr", "en"])
def test_page_links_point_to_pages_of_the_same_language(code):
    home = HomePage.objects.get(locale__language_code=code)
    assert home.mission_page.specific == page_of(HOME.children[0], code)
    footer = Footer.objects.get(locale__language_code=code)
    contact = next(spec for spec in PAGE_SPECS if spec.name == "contact")
    assert footer.contact_page.specific == page_of(contact, code)


# Partners and footer -----------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "en"])
def test_five_founding_members_in_both_languages(code):
    founders = Partner.objects.filter(locale__language_code=code, kind=Partner.Kind.FOUNDING_MEMBER)
    assert [partner.acronym for partner in founders] == ["Inserm", "Inria", "PSL", "ANS", "HDH"]
    assert all(partner.show_on_home_page for partner in founders)
    assert HomePage.objects.get(locale__language_code=code).partners().count() == 5
    websites = {partner.acronym: partner.website for partner in founders}
    assert websites["Inserm"] == "https://www.inserm.fr"
    assert websites["ANS"] == "https://esante.gouv.fr"


def test_partners_are_translations_of_each_other_without_invented_logos():
    fr = Partner.objects.filter(locale__language_code="fr")
    en = Partner.objects.filter(locale__language_code="en")
    assert fr.count() == en.count() == len(PARTNERS) == 12
    assert set(fr.values_list("translation_key", flat=True)) == set(
        en.values_list("translation_key", flat=True)
    )
    assert not Partner.objects.filter(logo__isnull=False).exists()
    kinds = {kind: fr.filter(kind=kind).count() for kind in Partner.Kind.values}
    assert kinds == {"founding": 5, "institute": 4, "organisation": 3, "company": 0}
    assert en.get(acronym="ANS").name == "French Digital Health Agency"


@pytest.mark.parametrize("code", ["fr", "en"])
def test_footer_has_the_street_and_no_invented_contact_details(code):
    footer = Footer.objects.get(locale__language_code=code)
    assert "Rue d'Oradour-sur-Glane" in footer.address
    assert "75015 Paris" in footer.address
    assert footer.contact_email == ""
    assert footer.contact_phone == ""
    assert len(footer.social_links) == 0
    # The legal pages (tests/campus/test_legal_pages.py checks what they link to).
    assert len(footer.legal_links) == 3


# Translations ---------------------------------------------------------------------


def test_every_english_object_has_an_up_to_date_wagtail_localize_translation():
    french = [page_of(spec, "fr") for spec in PAGE_SPECS]
    french += [snippet_of(spec, "fr") for spec in SNIPPET_SPECS]
    for instance in french:
        source = TranslationSource.objects.get_for_instance(instance)
        translation = Translation.objects.get(source=source, target_locale=locale("en"))
        assert translation.enabled
        total, translated = translation.get_progress()
        assert total == translated > 0, instance


@pytest.mark.parametrize("spec", PAGE_SPECS + SNIPPET_SPECS, ids=lambda spec: spec.name)
def test_english_versions_hold_the_english_text_and_no_french_left(spec):
    if isinstance(spec, SnippetSpec):
        fr, en = snippet_of(spec, "fr"), snippet_of(spec, "en")
    else:
        fr, en = page_of(spec, "fr"), page_of(spec, "en")
    mapping = spec.translation_map()
    assert string_segments(fr) == set(mapping)
    assert string_segments(en) == set(mapping.values())
    french_only = {french for french, english in mapping.items() if french != english}
    assert not string_segments(en) & french_only


def test_rich_text_and_escaping_survive_translation():
    objective = next(spec for spec in PAGE_SPECS if spec.name == "objective-training-and-talent")
    assert page_of(objective, "en").title == "Training & talent"
    home = HomePage.objects.get(locale__language_code="en")
    assert home.mission_text.startswith("<p>Announced by the President")
    about = page_of(HOME.children[0], "en")
    assert "<h2>A campus founded in 2021</h2>" in about.body[0].value.source


@pytest.mark.parametrize(
    ("code", "first_value", "source"),
    [
        ("fr", "Environ 60", "Le Quotidien du Médecin, 15 avril 2022"),
        ("en", "About 60", "Le Quotidien du Médecin, 15 April 2022"),
    ],
)
def test_key_figures_are_dated_and_sourced(code, first_value, source):
    about = page_of(HOME.children[0], code)
    blocks = [block.value for block in about.body if block.block_type == "key_figures"]
    assert [block["as_of"] for block in blocks] == [
        datetime.date(2022, 4, 15),
        datetime.date(2025, 4, 1),
    ]
    assert blocks[0]["figures"][0]["value"] == first_value
    assert blocks[0]["source"] == source
    quotes = [block.value for block in about.body if block.block_type == "quote"]
    assert [quote["speaker"] for quote in quotes] == ["Antoine Tesnière"]
    assert quotes[0]["role"]


# Idempotence ------------------------------------------------------------------------


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Partner, Footer, Revision, TranslationSource, Translation, Redirect)
    }


def test_a_second_run_creates_nothing(campus_content):
    before = counts()
    out = StringIO()
    call_command("load_campus_content", stdout=out)
    assert counts() == before
    assert "Pages (en): 0 created, 24 already there" in out.getvalue()
    assert "Partner (fr): 0 created, 12 already there" in campus_content
    assert "NewsCategory (en): 0 created, 4 already there" in out.getvalue()


def test_a_second_run_keeps_editors_changes():
    about = page_of(HOME.children[0], "en")
    about.title = "About PariSanté Campus"
    about.save_revision().publish()
    inserm = Partner.objects.get(locale__language_code="en", acronym="Inserm")
    inserm.description = "Edited by an editor."
    inserm.save()

    call_command("load_campus_content", stdout=StringIO())

    about.refresh_from_db()
    inserm.refresh_from_db()
    assert about.title == "About PariSanté Campus"
    assert inserm.description == "Edited by an editor."


def test_a_deleted_english_page_comes_back_as_a_live_translation():
    contact = next(spec for spec in PAGE_SPECS if spec.name == "contact")
    page_of(contact, "en").delete()

    call_command("load_campus_content", stdout=StringIO())

    restored = page_of(contact, "en")
    assert restored.live
    assert restored.url == "/en/contact/"
    source = TranslationSource.objects.get_for_instance(page_of(contact, "fr"))
    assert Translation.objects.get(source=source, target_locale=locale("en")).enabled


def test_missing_english_fails_loudly_and_builds_nothing(monkeypatch):
    extra = SnippetSpec(
        name="partner-test-only",
        model="partners.Partner",
        fields={
            "name": Text("Partenaire d'essai", "Test partner"),
            "kind": "organisation",
            "sort_order": 99,
        },
    )
    monkeypatch.setattr(loader, "PARTNERS", (*PARTNERS, extra))
    monkeypatch.setattr(SnippetSpec, "translation_map", lambda spec: {})

    with pytest.raises(CommandError, match="Partenaire d'essai"):
        call_command("load_campus_content", stdout=StringIO())
    assert not Partner.objects.filter(translation_key=extra.translation_key).exists()


def test_fill_po_names_every_segment_without_english_and_keeps_existing_ones():
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="title", msgid="Nos objectifs", msgstr=""))
    po.append(polib.POEntry(msgctxt="intro", msgid="Déjà traduit", msgstr="Already done"))
    po.append(polib.POEntry(msgctxt="body.x", msgid="Sans traduction", msgstr=""))
    with pytest.raises(CommandError, match="Sans traduction") as error:
        loader.fill_po(po, {"Nos objectifs": "Our objectives"}, "test")
    assert "body.x" in str(error.value)
    assert "Nos objectifs" not in str(error.value)

    loader.fill_po(po, {"Nos objectifs": "Our objectives", "Sans traduction": "Untranslated"}, "t")
    assert [entry.msgstr for entry in po] == ["Our objectives", "Already done", "Untranslated"]


# The data itself ----------------------------------------------------------------------


def leaves(value):
    """Every bilingual value (Text or Rich) inside value."""
    if isinstance(value, Text | Rich):
        yield value
    elif isinstance(value, Stream):
        yield from leaves(value.blocks)
    elif isinstance(value, dict):
        yield from leaves(list(value.values()))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from leaves(item)


def all_texts():
    for spec in PAGE_SPECS + SNIPPET_SPECS:
        if isinstance(spec, PageSpec):
            yield from leaves([spec.title, spec.slug])
        yield from leaves(list(spec.fields.values()))


def test_french_typography_and_plain_english_spacing():
    for text in all_texts():
        assert not re.search(r"[^\xa0][:;?!»]|«[^\xa0]", text.fr), text.fr
        assert NBSP not in text.en, text.en


def test_lengths_fit_the_models():
    for spec in PAGE_SPECS:
        summary = spec.fields.get("summary")
        if summary:
            assert len(summary.fr) <= 300 and len(summary.en) <= 300, spec.name
        for field_name in ("mission_heading", "pillars_heading", "objectives_heading"):
            if field_name in spec.fields:
                assert len(spec.fields[field_name].fr) <= 120
    for spec in PARTNERS:
        description = spec.fields["description"]
        assert len(description.fr) <= 400 and len(description.en) <= 400, spec.name


def test_rich_text_pairs_have_the_same_structure():
    # segment_pairs raises when French and English rich text differ in structure.
    with pytest.raises(ValueError, match="structure"):
        list(segment_pairs(Rich("<p>Un.</p><p>Deux.</p>", "<p>One. Two.</p>")))
    assert len(list(all_texts())) > 100


def test_founding_members_data_matches_the_facts():
    names = [spec.fields["name"].fr for spec in FOUNDING_MEMBERS]
    assert "Université PSL" in names
    assert "Agence du numérique en santé" in names
    assert "Health Data Hub" in names
    # The Health Data Hub's address is unconfirmed: left for an editor to check.
    assert FOUNDING_MEMBERS[-1].fields["website"] == ""
