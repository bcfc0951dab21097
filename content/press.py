"""The press room: its introduction, and the category whose news items it lists.

No press contact and no press-kit document are loaded: the fact sheet has
none, and invented ones would be worse than none. The page lists the news
items of the « Communiqué de presse » category (none yet) and fills up as
editors publish them, add contacts and upload documents.
"""

from content.bilingual import Text
from content.specs import PageSpec

PRESS_ROOM = PageSpec(
    name="press-room",
    model="press.PressRoomPage",
    title=Text("Espace presse", "Press room"),
    slug=Text("espace-presse", "press-room"),
    show_in_menus=True,
    snippet_links={"press_release_category": "news-category-press-release"},
    fields={
        "intro": Text(
            "Cette page réunit les communiqués de presse de PariSanté Campus, ses contacts "
            "presse et son dossier de presse, au fur et à mesure de leur publication. Les "
            "photographies des actualités se téléchargent en haute définition, avec leur crédit.",
            "This page brings together the press releases, press contacts and press kit of "
            "PariSanté Campus as they are published. The photographs in news articles can be "
            "downloaded in high resolution, with their credit.",
        ),
    },
)
