"""The communications team's day, in Chromium, against the production-like site (conftest).

One test per step of the day, in order; each one goes on from where the previous one
left the site (a failed step stops the day: the steps after it say so). Claire writes
in French, Marc approves with his authenticator app (codes computed with pyotp), Emma
translates in an English admin; a visitor checks the public site with the page cache
on. Everything is done through the admin's and the site's own pages, as a person
would; only the scheduler is run as the server runs it (``run_scheduler --once``).
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus

import pytest

from tests.walk.conftest import PASSWORD

# Under pytest-xdist, one worker walks the whole day, in order (GROUPS, tests/conftest.py).
pytestmark = pytest.mark.walk

ARTICLE = "Le campus accueille sa première promotion de doctorants"
STANDFIRST = "Trente doctorants rejoignent les équipes de recherche du campus cette année."
QUOTE = "Ces jeunes chercheurs feront la santé numérique de demain."
SPEAKER = "Antoine Tesnière"
CHANGED_STANDFIRST = "Trente-deux doctorants rejoignent les équipes de recherche du campus."
SEARCH_WORD = "doctorants"
TRANSLATION = "The campus welcomes its first cohort of doctoral students"
TRANSLATION_SLUG = "campus-welcomes-first-cohort-doctoral-students"
SCHEDULED = "Journée portes ouvertes du campus"
# Anything slower than this is a bug the visitor would see too.
TIMEOUT = 15_000
# A page's status in the explorer (shown in capitals, read as written).
PUBLISHED = re.compile("publiée", re.IGNORECASE)
# The admin's date and time formats: the French one (settings), or Wagtail's default.
DATE_FORMATS = {
    "%d/%m/%Y %H:%M": r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}",
    "%Y-%m-%d %H:%M": r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}",
}


@dataclass
class Day:
    """What the day has made so far, shared by the steps."""

    base: str
    browser: object
    tmp: Path
    contexts: dict = field(default_factory=dict)
    secret: str = ""
    last_code: str = ""
    article_id: int = 0
    article_url: str = ""
    translation_id: int = 0
    translation_url: str = ""
    scheduled_id: int = 0
    go_live: str = ""

    def page(self, person, language="fr-FR"):
        """The person's tab, in their own browser context (cookies, language)."""
        if person not in self.contexts:
            context = self.browser.new_context(
                locale=language, viewport={"width": 1400, "height": 1000}
            )
            context.set_default_timeout(TIMEOUT)
            context.new_page()
            self.contexts[person] = context
        return self.contexts[person].pages[0]


@pytest.fixture(scope="module")
def day(site, browser, tmp_path_factory):
    return Day(base=site.base, browser=browser, tmp=tmp_path_factory.mktemp("walk-files"))


def expect(target):
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=TIMEOUT)
    return playwright_expect(target)


def photo(folder):
    """A JPEG that is no one's duplicate, as a camera would give it."""
    from PIL import Image

    path = folder / "promotion-2027.jpg"
    Image.new("RGB", (1600, 900), (20, 90, 160)).save(path, quality=85)
    return path


def sign_in(page, base, username, submit="Se connecter"):
    page.goto(base + "/admin/login/")
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name=submit).click()
    page.wait_for_load_state()


def totp_code(day):
    """The code Marc's authenticator app shows; if he just used that one (allauth refuses a
    code twice), the next period's: an app whose clock runs a little ahead, which
    ``MFA_TOTP_TOLERANCE = 1`` accepts, rather than the day waiting up to 30 s."""
    import time

    import pyotp

    totp = pyotp.TOTP(day.secret)
    code = totp.now()
    if code == day.last_code:
        code = totp.at(time.time() + totp.interval)
    day.last_code = code
    return code


def paris_now():
    from zoneinfo import ZoneInfo

    return datetime.datetime.now(ZoneInfo("Europe/Paris"))


def messages(page):
    """The admin's messages (saved, submitted, published…) as one string."""
    return " ".join(page.locator(".messages").all_inner_texts()).replace("\xa0", " ")


def expect_message(page, text):
    """Waits for an admin message (French quotes come with non-breaking spaces)."""
    for _attempt in range(TIMEOUT // 250):
        if text in messages(page):
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"no message {text!r} on {page.url}: {messages(page)!r}")


def page_id(url):
    return int(re.search(r"/admin/pages/(\d+)/", url).group(1))


def visitor_get(day, path):
    """What an anonymous visitor's browser gets: (status, body, X-Cache)."""
    response = day.page("visitor").request.get(day.base + path)
    return response.status, response.text(), response.headers.get("x-cache")


# --- Morning: Claire writes --------------------------------------------------------


def test_editor_signs_in_without_a_code(day):
    page = day.page("claire")
    sign_in(page, day.base, "claire")
    # An editor may use an authenticator app but is not asked for one.
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page).to_have_title(re.compile("^Tableau de bord"))
    expect(page.get_by_role("button", name="Claire")).to_be_visible()


def test_visitor_sees_the_news_before_the_article(day):
    """The visitor's pages are in the page cache before anything is published."""
    for path in ("/fr/", "/fr/actualites/", "/fr/actualites/rss/", "/sitemap-fr.xml"):
        status, body, _cache = visitor_get(day, path)
        assert status == 200, path
        assert ARTICLE not in body, path
        status, body, cache = visitor_get(day, path)
        assert cache == "HIT", f"{path} is not served from the page cache: {cache}"


def test_editor_writes_a_french_article_with_an_image_and_a_quote(day):
    page = day.page("claire")
    page.goto(day.base + "/admin/pages/")
    news_index = news_index_id(day, "fr")
    page.goto(f"{day.base}/admin/pages/add/news/newspage/{news_index}/")
    page.get_by_role("textbox", name="Titre*").fill(ARTICLE)
    page.get_by_role("textbox", name="Chapô*").fill(STANDFIRST)

    page.get_by_role("button", name="Choisir une image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("tab", name="Transférer").click()
    chooser.get_by_label("Fichier*").set_input_files(photo(day.tmp))
    chooser.get_by_label("Titre*").fill("Promotion 2027 des doctorants")
    chooser.get_by_label("Description").fill("Les doctorants réunis dans l'amphithéâtre")
    chooser.get_by_label("Crédit").fill("© PariSanté Campus")
    chooser.get_by_role("button", name="Transférer").click()
    expect(chooser).to_be_hidden()
    expect(page.locator("#id_image")).not_to_have_value("")

    body = page.locator("[data-contentpath=body]")
    body.get_by_role("button", name="Insérer un bloc").click()
    page.get_by_role("option", name="Texte").click()
    body.locator("[contenteditable=true]").first.click()
    page.keyboard.type("La rentrée des doctorants a eu lieu lundi sur le campus.")
    body.get_by_role("button", name="Insérer un bloc").last.click()
    page.get_by_role("option", name="Citation").click()
    body.get_by_label("citation*").fill(QUOTE)
    body.get_by_label("personne citée*").fill(SPEAKER)
    body.get_by_label("fonction").fill("Directeur général")

    page.get_by_role("button", name="Choisir catégorie d'actualité").click()
    page.get_by_role("dialog").get_by_role("link", name="Actualité", exact=True).click()
    expect(page.get_by_role("dialog")).to_be_hidden()

    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect_message(page, f"Page « {ARTICLE} » créée")
    day.article_id = page_id(page.url)
    day.article_url = f"/fr/actualites/{page.locator('#id_slug').input_value()}/"


def test_editor_previews_the_article_in_the_side_panel(day):
    page = day.page("claire")
    page.goto(f"{day.base}/admin/pages/{day.article_id}/edit/")
    toggle = page.get_by_role("button", name="Afficher/masquer la prévisualisation")
    # Wagtail remembers an open panel from one visit to the next.
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    # The panel frames the admin's own preview URL (same origin, CSP frame-ancestors).
    # (Wagtail swaps in a fresh iframe on each refresh: the last one is current.)
    preview = page.frame_locator("iframe.w-preview__iframe").last
    expect(preview.get_by_role("heading", level=1)).to_have_text(ARTICLE)
    expect(preview.locator("blockquote")).to_contain_text(QUOTE)
    expect(
        preview.get_by_role("img", name="Les doctorants réunis dans l'amphithéâtre")
    ).to_be_visible()


def test_editor_submits_the_article_for_validation(day, mailbox):
    page = day.page("claire")
    page.goto(f"{day.base}/admin/pages/{day.article_id}/edit/")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile("^Soumettre à")).click()
    expect(page.get_by_text("soumise")).to_be_visible()
    # The moderator is told by email (notifications go through SMTP in production).
    mailbox.wait_for(lambda message: "marc@example.org" in message["X-Rcpt-To"])


# --- Marc validates, with his authenticator app ---------------------------------------


def test_moderator_must_activate_two_factor_authentication(day):
    page = day.page("marc")
    sign_in(page, day.base, "marc")
    # A moderator publishes: the admin waits until his authenticator app is set up.
    expect(page).to_have_url(re.compile(r"/comptes/2fa/totp/activate/"))
    expect(page.locator(".messages, main")).to_contain_text("authentification à deux facteurs")
    day.secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Code de l'authentificateur").fill(totp_code(day))
    page.get_by_role("button", name="Activer").click()
    page.goto(day.base + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_moderator_signs_in_again_with_a_code(day):
    page = day.page("marc")
    page.context.clear_cookies()
    sign_in(page, day.base, "marc")
    expect(page).to_have_url(re.compile(r"/comptes/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(day))
    page.get_by_role("button", name="Connexion").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    # His dashboard lists what waits for him.
    expect(page.locator("main")).to_contain_text(ARTICLE)


def test_moderator_approves_and_publishes(day, mailbox):
    page = day.page("marc")
    page.goto(f"{day.base}/admin/pages/{day.article_id}/edit/")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver").first.click()
    # Approving the workflow's only task publishes the page.
    expect(page.get_by_role("row", name=re.compile(ARTICLE))).to_contain_text(PUBLISHED)
    expect_message(page, f"La page « {ARTICLE} » a été mise à jour")
    # Claire hears it was approved.
    mailbox.wait_for(lambda message: "claire@example.org" in message["X-Rcpt-To"])


# --- A visitor, at once, page cache on ---------------------------------------------


def test_visitor_finds_the_article_everywhere_at_once(day):
    assert_published_everywhere(day, "fr", ARTICLE, day.article_url, present=True)
    page = day.page("visitor")
    page.goto(day.base + day.article_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE)
    expect(page.locator("blockquote")).to_contain_text(QUOTE)
    expect(
        page.get_by_role("img", name="Les doctorants réunis dans l'amphithéâtre")
    ).to_be_visible()


def feed_paths(language):
    index = {"fr": "/fr/actualites/", "en": "/en/news/"}[language]
    category = {"fr": "actualite", "en": "news"}[language]
    return index, [f"{index}rss/", f"{index}atom/", f"{index}rss/{category}/"]


def assert_published_everywhere(day, language, title, url, *, present):
    """The index, the home page, the feeds, the sitemap and search, as a visitor gets them."""
    index, feeds = feed_paths(language)
    search = {"fr": "/fr/recherche/?q=", "en": "/en/search/?q="}[language]
    word = SEARCH_WORD if language == "fr" else "doctoral"
    checks = [index, f"/{language}/", *feeds, search + quote_plus(word)]
    for path in checks:
        status, body, _cache = visitor_get(day, path)
        assert status == 200, path
        assert (title in body) is present, (
            f"{title!r} {'missing from' if present else 'still on'} {path}"
        )
    status, body, _cache = visitor_get(day, f"/sitemap-{language}.xml")
    assert status == 200
    assert (day.base + url in body) is present, f"{url} in its site map: {not present}"
    status, _body, _cache = visitor_get(day, url)
    assert status == (200 if present else 404), f"{url}: {status}"


def news_index_id(day, language):
    page = day.page("claire")
    page.goto(day.base + {"fr": "/fr/actualites/", "en": "/en/news/"}[language])
    # The userbar of a signed-in editor links to the page's edit view.
    href = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute("href")
    return page_id(href)


def test_editor_schedules_a_second_article(day):
    """Written now, online within two minutes: the scheduler publishes it later in the day."""
    page = day.page("claire")
    # The date widget's format, as it shows the first article's date (jj/mm/aaaa hh:mm
    # in French, or Wagtail's default): typed the way the editor would type it.
    page.goto(f"{day.base}/admin/pages/{day.article_id}/edit/")
    shown = page.locator("#id_publication_date").input_value()
    date_format = next(
        (fmt for fmt in DATE_FORMATS if re.fullmatch(DATE_FORMATS[fmt], shown)), None
    )
    assert date_format, f"the date widget shows {shown!r}, in no known format"
    # The first whole minute at least 30 s away (the widget has no seconds): time enough
    # for Marc to approve it before it is due (about 10 s here), without the day waiting
    # on for long (the steps in between take about 40 s).
    soon = paris_now() + datetime.timedelta(seconds=30)
    go_live = soon.replace(second=0, microsecond=0)
    if go_live < soon:
        go_live += datetime.timedelta(minutes=1)
    day.go_live = go_live.isoformat()

    page.goto(f"{day.base}/admin/pages/add/news/newspage/{news_index_id(day, 'fr')}/")
    page.get_by_role("textbox", name="Titre*").fill(SCHEDULED)
    page.get_by_role("textbox", name="Chapô*").fill("Le campus ouvre ses portes au public samedi.")
    toggle = page.get_by_role("button", name="Afficher/masquer le statut")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.get_by_role("button", name="Programmer").click()
    dialog = page.get_by_role("dialog", name=re.compile("programm", re.IGNORECASE))
    field = dialog.get_by_label("Date/heure de publication")
    field.fill(go_live.strftime(date_format))
    # The open calendar covers the dialog's buttons: from the keyboard, as many do.
    dialog.get_by_role("button", name="Enregistrer la programmation").press("Enter")
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile("^Soumettre à")).click()
    expect(page.get_by_text("soumise")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/"))
    page.goto(day.base + "/admin/pages/search/?q=" + quote_plus(SCHEDULED))
    href = page.get_by_role("link", name=SCHEDULED).first.get_attribute("href")
    day.scheduled_id = page_id(href)


def test_moderator_approves_the_scheduled_article(day):
    page = day.page("marc")
    page.goto(f"{day.base}/admin/pages/{day.scheduled_id}/edit/")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver").first.click()
    expect(page.get_by_role("row", name=re.compile(SCHEDULED))).to_contain_text(
        re.compile("programmée", re.IGNORECASE)
    )
    # Approved, but not online before its time.
    status, body, _cache = visitor_get(day, "/fr/actualites/")
    assert SCHEDULED not in body


# --- Afternoon: Emma translates, in an English admin --------------------------------

ENGLISH = {
    ARTICLE: TRANSLATION,
    STANDFIRST: "Thirty doctoral students join the campus research teams this year.",
    "Les doctorants réunis dans l'amphithéâtre": "The doctoral students in the lecture hall",
    "La rentrée des doctorants a eu lieu lundi sur le campus.": (
        "The doctoral students started on campus on Monday."
    ),
    QUOTE: "These young researchers will build tomorrow's digital health.",
    SPEAKER: SPEAKER,
    "Directeur général": "Chief Executive Officer",
}


def translate_segments(page, translations):
    """Each source string of wagtail-localize's editor: Translate, type, Save."""
    for source, english in translations.items():
        segment = page.locator("li", has_text=source).last
        segment.get_by_role("button", name="Translate", exact=True).click()
        segment.locator("textarea").fill(english)
        segment.get_by_role("button", name="Save", exact=True).click()
        expect(segment).to_contain_text(english)


def test_english_editor_translates_the_article(day):
    page = day.page("emma", "en-GB")
    sign_in(page, day.base, "emma", submit="Sign in")
    expect(page).to_have_title(re.compile("^Dashboard"))
    # Her dashboard lists what waits for an English version.
    task = page.get_by_role("row", name=re.compile(ARTICLE))
    expect(task).to_contain_text(re.compile("Translation missing", re.IGNORECASE))
    task.get_by_role("link", name=re.compile("^Translate")).click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("successfully submitted for translation into English")).to_be_visible()
    day.translation_id = page_id(page.url)
    translate_segments(page, ENGLISH)
    page.get_by_role("tab", name="Promote").click()
    slug = day.article_url.rstrip("/").rsplit("/", 1)[-1]
    translate_segments(page, {slug: TRANSLATION_SLUG})
    day.translation_url = f"/en/news/{TRANSLATION_SLUG}/"


def test_english_editor_submits_the_translation_for_review(day):
    page = day.page("emma", "en-GB")
    page.goto(f"{day.base}/admin/pages/{day.translation_id}/edit/")
    # An editor cannot publish the English version either: it goes to the moderator.
    expect(page.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("has been submitted for review")).to_be_visible()


def test_moderator_publishes_the_translation(day):
    moderator_publishes_translation(day)
    assert_published_everywhere(day, "en", TRANSLATION, day.translation_url, present=True)


def moderator_publishes_translation(day):
    """Marc, in wagtail-localize's editor (his admin in French), publishes the English."""
    page = day.page("marc")
    page.goto(f"{day.base}/admin/pages/{day.translation_id}/edit/")
    page.get_by_role("button", name=re.compile("^Publier")).click()
    expect(page.get_by_text("a été publié(e) en Anglais")).to_be_visible()


# --- The French changes: the English is out of date, then synced ---------------------


def test_editor_changes_the_french(day):
    page = day.page("claire")
    page.goto(f"{day.base}/admin/pages/{day.article_id}/edit/")
    page.get_by_role("textbox", name="Chapô*").fill(CHANGED_STANDFIRST)
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile("^Soumettre à")).click()
    expect(page.get_by_text("soumise")).to_be_visible()
    marc = day.page("marc")
    marc.goto(f"{day.base}/admin/pages/{day.article_id}/edit/")
    marc.get_by_role("button", name="Plus d'actions").click()
    marc.get_by_role("button", name="Approuver").first.click()
    expect(marc.get_by_role("row", name=re.compile(ARTICLE))).to_contain_text(PUBLISHED)
    _status, body, _cache = visitor_get(day, day.article_url)
    assert CHANGED_STANDFIRST in body


def test_english_shows_as_out_of_date(day):
    page = day.page("emma", "en-GB")
    page.goto(day.base + "/admin/")
    # The task names the French page, the one that changed.
    expect(page.get_by_role("row", name=re.compile(ARTICLE))).to_contain_text(
        re.compile("Translation out of date", re.IGNORECASE)
    )


def test_english_editor_syncs_the_translation(day):
    page = day.page("emma", "en-GB")
    page.goto(day.base + "/admin/")
    page.get_by_role("row", name=re.compile(ARTICLE)).get_by_role(
        "link", name=re.compile("^Sync")
    ).click()
    # Not "Publish immediately": the new French would go online untranslated.
    expect(page.get_by_label("Publish immediately")).not_to_be_checked()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Successfully updated translations")).to_be_visible()
    page.goto(f"{day.base}/admin/pages/{day.translation_id}/edit/")
    changed = "Thirty-two doctoral students join the campus research teams."
    translate_segments(page, {CHANGED_STANDFIRST: changed})
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("has been submitted for review")).to_be_visible()
    moderator_publishes_translation(day)
    _status, body, _cache = visitor_get(day, day.translation_url)
    assert changed in body
    page.goto(day.base + "/admin/")
    expect(page.get_by_role("row", name=re.compile(ARTICLE))).to_have_count(0)


# --- The editor's limits ------------------------------------------------------------


def test_editor_cannot_publish(day):
    page = day.page("claire")
    page.goto(f"{day.base}/admin/pages/{day.article_id}/edit/")
    page.get_by_role("button", name="Plus d'actions").click()
    expect(page.get_by_role("button", name=re.compile("^Publier"))).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Soumettre à"))).to_be_visible()


@pytest.mark.parametrize(
    "path", ["/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/workflows/list/"]
)
def test_editor_cannot_reach_users_or_settings(day, path):
    page = day.page("claire")
    response = page.goto(day.base + path)
    # Wagtail sends her back to the dashboard and says why (or answers 403).
    refused = response.status == 403 or not page.url.endswith(path)
    assert refused, f"an editor reached {path}"
    if response.status != 403:
        expect(page.get_by_text("les autorisations pour accéder à cette zone")).to_be_visible()


# --- Evening: unpublishing both languages --------------------------------------------


def test_moderator_unpublishes_both_languages(day):
    page = day.page("marc")
    page.goto(f"{day.base}/admin/pages/{day.article_id}/unpublish/")
    # The English translation goes with the French (wagtail-localize's cascade).
    expect(page.locator("main")).to_contain_text(f"{TRANSLATION} (Anglais)")
    page.get_by_label("Dépublier aussi ces traductions").check()
    page.get_by_role("button", name=re.compile("^Oui, la dépublier")).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("dépubliée", re.IGNORECASE))
    assert_published_everywhere(day, "fr", ARTICLE, day.article_url, present=False)
    assert_published_everywhere(day, "en", TRANSLATION, day.translation_url, present=False)


# --- Night: the scheduler, last (its due minute comes while the day goes on) --------------


def test_scheduler_publishes_the_second_article(day, site):
    go_live = datetime.datetime.fromisoformat(day.go_live)
    wait = (go_live - paris_now()).total_seconds() + 1
    if wait > 0:
        import time

        time.sleep(wait)
    # Its time has come, but only the scheduler publishes.
    status, body, _cache = visitor_get(day, "/fr/actualites/")
    assert SCHEDULED not in body
    site.manage("run_scheduler", "--once")
    status, body, _cache = visitor_get(day, "/fr/actualites/")
    assert SCHEDULED in body, "run_scheduler --once did not publish the scheduled article"
