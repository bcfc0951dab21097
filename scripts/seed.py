"""The benchmark's site: the campus content plus news items in both languages, seeded once.

``make bench`` and ``make load`` build their throwaway site (scripts/throwaway.py) from
the same database: ``migrate``, ``load_campus_content``, then ``SEED_PER_LANGUAGE`` news
items in each language (with images, tags, related items), and the image renditions of
the measured pages. The database and the media are kept in ``var/bench/seed-<key>/``
and reused while the key holds: it hashes the code that determines them (seed_inputs).

Inside Django (prepare_site runs them against the site, from the checkout's root):

    python -m scripts.seed seed         # add the news items (--news N --years Y --pages P)
    python -m scripts.seed warm         # render the measured pages once (renditions)
    python -m scripts.seed pages FILE   # the measured pages, as JSON
"""

import argparse
import datetime
import hashlib
import json
import random
import shutil
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from scripts import throwaway
from scripts.measuring import WORKERS
from scripts.throwaway import HOST, PYTHON, ROOT, RunError

BENCH_DIR = ROOT / "var" / "bench"
# News items added in each language on top of the site's own content.
SEED_PER_LANGUAGE = 120
# Bump when the seeding changes in a way the key (the files of seed_inputs) would not see.
SEED_VERSION = 1

FR_SENTENCES = [
    "Les équipes du campus ont présenté les premiers résultats du programme devant "
    "les partenaires hospitaliers et universitaires.",
    "Le projet associe des chercheurs en épidémiologie, des ingénieurs des données et "
    "des soignants, qui travaillent ensemble sur le même plateau.",
    "Les données restent hébergées en France, sur une infrastructure certifiée pour "
    "les données de santé.",
    "Une cinquantaine d'étudiants suivent cette année la nouvelle formation, ouverte aux "
    "professionnels en reprise d'études.",
    "Les start-up accueillies bénéficient d'un accompagnement réglementaire et d'un accès "
    "aux plateformes de calcul du campus.",
    "Le comité scientifique a retenu douze projets, dont quatre portés par de jeunes équipes.",
    "Les patients partenaires participent dès la conception des outils, pour qu'ils "
    "répondent à des besoins réels.",
    "Les résultats seront publiés en accès ouvert, avec les jeux de données lorsque c'est "
    "possible.",
    "La journée s'est conclue par une table ronde sur l'évaluation des dispositifs "
    "médicaux numériques.",
    "Le programme sera étendu l'an prochain à trois nouvelles régions.",
]
EN_SENTENCES = [
    "The campus teams presented the programme's first results to their hospital and "
    "university partners.",
    "The project brings together epidemiologists, data engineers and clinicians working "
    "side by side.",
    "The data stay hosted in France, on an infrastructure certified for health data.",
    "About fifty students follow the new course this year, open to professionals "
    "returning to study.",
    "The start-ups hosted on campus get regulatory support and access to the campus's "
    "computing platforms.",
    "The scientific committee selected twelve projects, four of them led by young teams.",
    "Patient partners take part from the design stage, so that the tools meet real needs.",
    "The results will be published in open access, with the data sets where possible.",
    "The day ended with a round table on the evaluation of digital medical devices.",
    "The programme will be extended to three more regions next year.",
]
FR_TOPICS = ["Données de santé", "Intelligence artificielle", "Formation", "Recherche"]
FR_TOPICS += ["Start-up", "Cybersécurité", "Essais cliniques", "Prévention"]
EN_TOPICS = ["Health data", "Artificial intelligence", "Training", "Research"]
EN_TOPICS += ["Start-ups", "Cybersecurity", "Clinical trials", "Prevention"]
TAGS = ["Données", "IA", "Formation", "Recherche", "Inserm", "Start-up", "Hôpital"]
# Per language: topics, sentences, title and slug patterns, the quoted speaker's role.
SEED_TEXTS = {
    "fr": (
        FR_TOPICS,
        FR_SENTENCES,
        "{topic} : un nouveau programme sur le campus ({number})",
        "programme-campus-{number}",
        "Directrice de programme",
    ),
    "en": (
        EN_TOPICS,
        EN_SENTENCES,
        "{topic}: a new programme on campus ({number})",
        "campus-programme-{number}",
        "Programme director",
    ),
}
CATEGORY_SLUGS = ["actualite", "communique-de-presse", "evenement", "portrait"]
IMAGE_COUNT = 8
# The date of the newest seeded item; the others go back from it.
NEWEST = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
# Items committed per transaction: a large site is seeded in steps, with progress.
BATCH = 200


def _paragraphs(sentences, rng, count):
    return ["<p>" + " ".join(rng.sample(sentences, 3)) + "</p>" for _ in range(count)]


def _body(sentences, topic, rng, quote_role):
    intro = _paragraphs(sentences, rng, 2)
    more = _paragraphs(sentences, rng, 2)
    items = "".join(f"<li>{sentence}</li>" for sentence in rng.sample(sentences, 3))
    return [
        {"type": "paragraph", "value": "".join(intro)},
        {
            "type": "quote",
            "value": {
                "quote": rng.choice(sentences),
                "speaker": "Claire Martin",
                "role": quote_role,
                "source_url": "",
            },
        },
        {"type": "paragraph", "value": f"<h2>{topic}</h2>" + "".join(more) + f"<ul>{items}</ul>"},
    ]


def _bench_images():
    import io

    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw

    from images.models import CampusImage

    images = []
    for number in range(IMAGE_COUNT):
        picture = Image.new("RGB", (1600, 1000), (20 + 25 * number, 90, 160 - 12 * number))
        draw = ImageDraw.Draw(picture)
        for step in range(0, 1600, 80):
            draw.ellipse(
                (step, (step * (number + 3)) % 900, step + 160, (step * (number + 3)) % 900 + 160),
                fill=(255 - 20 * number, 200, 60 + 20 * number),
            )
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=85)
        image = CampusImage(
            title=f"Illustration {number + 1}",
            caption="Sur le campus",
            credit="© PariSanté Campus",
            file=ImageFile(buffer, name=f"bench-{number + 1}.jpg"),
        )
        image.save()
        images.append(image)
    return images


def seed(per_language=SEED_PER_LANGUAGE, years=None, other_pages=0, progress=None):
    """News items in both languages, as editors make them: revisions, then publish.

    ``per_language`` French items, each with its English translation (same translation
    key), four days apart up to 2026-11-20, or spread evenly over ``years`` years; then
    ``other_pages`` standard pages in each language under the home page (out of the menus).
    Committed in batches of BATCH items; ``progress(done, total)`` after each batch.
    """
    from django.db import transaction
    from wagtail.models import Locale

    from news.models import NewsCategory, NewsIndexPage
    from partners.models import Partner

    rng = random.Random(20261129)  # noqa: S311  (not cryptography: the same content every time)
    locales = {code: Locale.objects.get(language_code=code) for code in ("fr", "en")}
    indexes = {code: NewsIndexPage.objects.get(locale__language_code=code) for code in ("fr", "en")}
    categories = []
    for slug in CATEGORY_SLUGS:
        fr_category = NewsCategory.objects.filter(slug=slug, locale=locales["fr"]).first()
        if fr_category:
            categories.append(
                {"fr": fr_category, "en": fr_category.get_translation_or_none(locales["en"])}
            )
    partners = list(Partner.objects.filter(locale=locales["fr"], live=True))
    with transaction.atomic():
        images = _bench_images()
    created = {"fr": [], "en": []}
    total = per_language + other_pages
    for start in range(0, per_language, BATCH):
        with transaction.atomic():
            for number in range(start, min(start + BATCH, per_language)):
                news_item(
                    number,
                    per_language,
                    years,
                    rng,
                    locales,
                    indexes,
                    categories,
                    partners,
                    images,
                    created,
                )
        if progress:
            progress(min(start + BATCH, per_language), total)
    homes = {code: index.get_parent() for code, index in indexes.items()}
    for start in range(0, other_pages, BATCH):
        with transaction.atomic():
            for number in range(start, min(start + BATCH, other_pages)):
                standard_page(number, rng, locales, homes)
        if progress:
            progress(per_language + min(start + BATCH, other_pages), total)
    from news.models import NewsPage

    counts = {
        code: NewsPage.objects.live().filter(locale__language_code=code).count()
        for code in ("fr", "en")
    }
    print(json.dumps({"news_items": counts}))


def news_date(number, count, years):
    if years:
        span = datetime.timedelta(days=365.25 * years)
        return NEWEST - span * (count - 1 - number) / max(count - 1, 1)
    return NEWEST - datetime.timedelta(days=4 * (count - 1 - number))


def news_item(number, count, years, rng, locales, indexes, categories, partners, images, created):
    """The French item number, then its English translation, each published."""
    from news.models import NewsPage, NewsPagePartner, NewsPageRelatedItem

    topic = number % len(FR_TOPICS)
    date = news_date(number, count, years)
    category = categories[number % len(categories)] if categories else {}
    image = images[number % len(images)] if number % 4 else None
    tags = rng.sample(TAGS, 2)
    pages = {}
    for code in ("fr", "en"):
        topics, sentences, title, slug, quote_role = SEED_TEXTS[code]
        page = NewsPage(
            title=title.format(topic=topics[topic], number=number + 1),
            slug=slug.format(number=number + 1),
            locale=locales[code],
            publication_date=date,
            standfirst=" ".join(rng.sample(sentences, 2)),
            body=_body(sentences, topics[topic], rng, quote_role),
            category=category.get(code),
            image=image,
        )
        if code == "en":  # the translation of the French item
            page.translation_key = pages["fr"].translation_key
        page.tags.add(*tags)
        indexes[code].add_child(instance=page)
        pages[code] = page
    for code, page in pages.items():
        if partners and number % 3 == 0:
            partner = partners[number % len(partners)]
            if code == "en":
                partner = partner.get_translation_or_none(locales["en"]) or partner
            page.related_partners.add(NewsPagePartner(partner=partner))
        for related in created[code][-2:]:
            page.related_items.add(NewsPageRelatedItem(related_page=related))
        page.save_revision().publish()
        created[code] = [*created[code][-1:], page]


def standard_page(number, rng, locales, homes):
    """A standard page in French, then its English translation, each published."""
    from home.models import StandardPage

    french = None
    for code in ("fr", "en"):
        topics, sentences, *_rest = SEED_TEXTS[code]
        topic = topics[number % len(topics)]
        page = StandardPage(
            title=f"{topic} ({'dossier' if code == 'fr' else 'file'} {number + 1})",
            slug=f"{'dossier' if code == 'fr' else 'file'}-{number + 1}",
            locale=locales[code],
            intro=" ".join(rng.sample(sentences, 2)),
            body=[{"type": "paragraph", "value": "".join(_paragraphs(sentences, rng, 3))}],
            show_in_menus=False,
        )
        if french is not None:
            page.translation_key = french.translation_key
        homes[code].add_child(instance=page)
        page.save_revision().publish()
        french = french or page


def test_client():
    from django.test import Client

    return Client(HTTP_HOST=HOST)


def render_all(urls):
    """Render each page once so that renditions exist before anything is measured."""
    client = test_client()
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            raise RunError(f"{url} answered {response.status_code} in the test client")


def pick_pages():
    from wagtail.models import Locale

    from home.models import HomePage
    from news.models import NewsIndexPage, news_listing

    fr = Locale.objects.get(language_code="fr")
    home = HomePage.objects.live().get(locale=fr)
    index = NewsIndexPage.objects.live().get(locale=fr)
    article = news_listing(fr.pk).first()
    return [
        {"name": "home", "url": home.url},
        {"name": "news index", "url": index.url},
        {"name": "article", "url": article.url, "title": article.title},
    ]


def django_setup():
    import django

    django.setup()


# ---------------------------------------------------------------------------
# The seeded site, kept between runs
# ---------------------------------------------------------------------------


def seed_inputs(root=ROOT):
    """The files that determine the seeded database: every app's migrations, the site's
    content and its loader (content/), the pinned packages and this seeding code."""
    files = sorted(root.glob("*/migrations/*.py"))
    files += sorted(
        path
        for path in (root / "content").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    files += [root / "pyproject.toml", root / "scripts" / "seed.py"]
    return [path for path in files if ".venv" not in path.parts]


def seed_key(root=ROOT):
    """Changes whenever one of seed_inputs changes (its name or its bytes)."""
    digest = hashlib.sha256(f"{SEED_VERSION}:{SEED_PER_LANGUAGE}".encode())
    for path in seed_inputs(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def site_env(work):
    """The benchmark's throwaway site in work: production settings over plain HTTP."""
    return throwaway.environment(
        work,
        database_url=f"sqlite:///{work / 'bench.sqlite3'}",
        CACHE_DIR=str(work / "cache-setup"),
        WAGTAILADMIN_BASE_URL=f"http://{HOST}:8000",
        WEB_CONCURRENCY=str(WORKERS),
    )


def fresh_work(base, redis_url, command):
    """(work folder, setup log, environment) of a new throwaway site under base; needs wrk."""
    if not shutil.which("wrk"):
        raise RunError(
            f"wrk is not installed: `sudo apt-get install wrk` (Debian/Ubuntu), then run "
            f"`{command}` again"
        )
    work = base / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = site_env(work)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return work, work / "setup.log", env


def prepare_site(work, env, log, fresh_seed):
    """Static files, and the seeded database and media: copied when kept, else made."""
    throwaway.manage(
        env,
        "collectstatic",
        "--noinput",
        "--verbosity",
        "0",
        log=log,
        what="collectstatic",
        timeout=300,
    )
    seed_dir = BENCH_DIR / f"seed-{seed_key()}"
    if fresh_seed and seed_dir.exists():
        shutil.rmtree(seed_dir)
    if not (seed_dir / "bench.sqlite3").exists():
        throwaway.manage(env, "migrate", "--noinput", "-v", "0", log=log, what="migrate")
        throwaway.manage(env, "load_campus_content", log=log, what="load_campus_content")
        seed_command = [PYTHON, "-m", "scripts.seed"]
        throwaway.run([*seed_command, "seed"], env, log, "seed news items", timeout=900)
        # Renditions made once here are kept with the seed.
        throwaway.run([*seed_command, "warm"], env, log, "image renditions", timeout=900)
        for old in BENCH_DIR.glob("seed-*"):
            shutil.rmtree(old)
        tmp = BENCH_DIR / "seed-tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        shutil.copy2(work / "bench.sqlite3", tmp / "bench.sqlite3")
        if (work / "media").exists():
            shutil.copytree(work / "media", tmp / "media")
        tmp.rename(seed_dir)
        print(f"  seeded database kept in {seed_dir.relative_to(ROOT)}", flush=True)
    else:
        shutil.copy2(seed_dir / "bench.sqlite3", work / "bench.sqlite3")
        if (seed_dir / "media").exists():
            shutil.copytree(seed_dir / "media", work / "media")
        # Its key covers every migration: a new one means a new seed.
        print(f"  reused the seeded database {seed_dir.relative_to(ROOT)}", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.seed",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("seed", help="add the news items (and other pages)")
    add.add_argument("--news", type=int, default=SEED_PER_LANGUAGE, help="items per language")
    add.add_argument("--years", type=float, help="spread the items over this many years")
    add.add_argument("--pages", type=int, default=0, help="standard pages per language")
    commands.add_parser("warm", help="render the measured pages once (renditions)")
    pages = commands.add_parser("pages", help="write the measured pages as JSON")
    pages.add_argument("file", type=Path)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    django_setup()
    if args.command == "seed":
        seed(args.news, args.years, args.pages, progress=print_progress)
    elif args.command == "warm":
        render_all([page["url"] for page in pick_pages()] + ["/en/", "/en/news/"])
    else:
        args.file.write_text(json.dumps(pick_pages()))
    return 0


def print_progress(done, total, started=time.monotonic()):  # noqa: B008  (the import's time)
    print(
        f"  seeded {done} of {total} in each language, {time.monotonic() - started:.0f} s",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
