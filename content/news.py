"""The news section: its index, categories, and the first dated items.

Sources: the team's fact sheet (dates and places) and the Hospitalia article
of April 2022 (the seed), whose speakers are quoted only in attributed
quotations. No press contact is loaded: the fact sheet has none, and an
invented one would be worse than none.

Publication dates are the day of the event at 00:00, Paris time: the site
shows the date alone, with no invented time. The temporary site opened "in
November 2021" (17 November was the planned date, not a confirmed one), so
that item is dated 30 November 2021,
at the end of the month it reports on, and says "planned for 17 November".
"""

import datetime
from zoneinfo import ZoneInfo

from content.bilingual import PageRef, Rich, Stream, Text
from content.specs import PageSpec, SnippetSpec

PARIS = ZoneInfo("Europe/Paris")


def dated(year, month, day):
    return datetime.datetime(year, month, day, tzinfo=PARIS)


def category(name, fr, en):
    return SnippetSpec(
        name=f"news-category-{name}",
        model="news.NewsCategory",
        fields={"name": Text(*fr), "slug": Text(*en)},
    )


CATEGORIES = (
    category(
        "press-release",
        ("Communiqué de presse", "Press release"),
        ("communique-de-presse", "press-release"),
    ),
    category("news", ("Actualité", "News"), ("actualite", "news")),
    category("event", ("Événement", "Event"), ("evenement", "event")),
    category("portrait", ("Portrait", "Portrait"), ("portrait", "portrait")),
)
NEWS_SNIPPETS = CATEGORIES


def objective_link(number, name, fr, en):
    return (
        "call_to_action",
        {
            "title": Text(f"Objectif {number}", f"Objective {number}"),
            "text": Text(fr, en),
            "link": {"page": PageRef(name), "url": "", "label": Text("", "")},
        },
    )


def pillar_link(number, name, fr, en):
    return (
        "call_to_action",
        {
            "title": Text(f"Pilier {number}", f"Pillar {number}"),
            "text": Text(fr, en),
            "link": {"page": PageRef(name), "url": "", "label": Text("", "")},
        },
    )


AMBITIONS = PageSpec(
    name="news-2022-04-ambitions",
    model="news.NewsPage",
    title=Text(
        "Quatre objectifs et trois piliers : les ambitions de PariSanté Campus",
        "Four objectives and three pillars: the ambitions of PariSanté Campus",
    ),
    slug=Text("ambitions-de-parisante-campus", "ambitions-of-parisante-campus"),
    snippet_links={"category": "news-category-news"},
    partners=("partner-inserm", "partner-physics-for-medicine"),
    tags=("Antoine Tesnière", "Inserm"),
    fields={
        "publication_date": dated(2022, 4, 15),
        "standfirst": Text(
            "Quelques mois après son inauguration, PariSanté Campus rassemble ses acteurs "
            "autour de quatre objectifs et de trois piliers, avec une ambition : accélérer le "
            "numérique en santé.",
            "A few months after its inauguration, PariSanté Campus brings its members "
            "together around four objectives and three pillars, with one ambition: to "
            "accelerate digital health.",
        ),
        "body": Stream(
            (
                (
                    "quote",
                    {
                        "quote": Text(
                            "PariSanté Campus est un centre unique au monde, exceptionnel, qui a "
                            "vocation à accélérer tout le numérique en santé en rassemblant les "
                            "meilleurs experts pour faire de la France un leader",
                            "PariSanté Campus is a centre unique in the world, an exceptional "
                            "one, whose purpose is to accelerate every aspect of digital health "
                            "by bringing together the best experts to make France a leader",
                        ),
                        "speaker": Text("Antoine Tesnière", "Antoine Tesnière"),
                        "role": Text(
                            "Directeur général de PariSanté Campus",
                            "Director General of PariSanté Campus (translated from French)",
                        ),
                        "source_url": "",
                    },
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Des réseaux et des données partagées</h2>"
                        "<p>Pour les organismes qui ont participé à la création du campus, "
                        "l'un des premiers bénéfices attendus est le développement des réseaux "
                        "et du partage des données.</p>",
                        "<h2>Networks and shared data</h2>"
                        "<p>For the bodies that took part in creating the campus, one of the "
                        "first expected benefits is the growth of networks and of data "
                        "sharing.</p>",
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": Text(
                            "PariSanté Campus va nous permettre d'interagir encore plus avec la "
                            "recherche, notamment en santé numérique. Des chercheurs en "
                            "intelligence artificielle vont par exemple nous permettre de mieux "
                            "traiter les flux de données captées sur le corps humain pour "
                            "effectuer des diagnostics plus performants",
                            "PariSanté Campus will let us interact even more with research, "
                            "particularly in digital health. Researchers in artificial "
                            "intelligence, for example, will help us better process the streams "
                            "of data captured on the human body to make more effective "
                            "diagnoses",
                        ),
                        "speaker": Text("Mickaël Tanter", "Mickaël Tanter"),
                        "role": Text(
                            "Directeur de recherche à l'Inserm, dans la vidéo de présentation "
                            "du projet",
                            "Research director at Inserm, in the project's presentation video "
                            "(translated from French)",
                        ),
                        "source_url": "",
                    },
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Quatre objectifs</h2>"
                        "<p>Soumis à une concertation publique, le projet s'est construit "
                        "progressivement autour de quatre objectifs principaux.</p>",
                        "<h2>Four objectives</h2>"
                        "<p>After a public consultation, the project gradually took shape "
                        "around four main objectives.</p>",
                    ),
                ),
                objective_link(
                    1,
                    "objective-health-data",
                    "Stimuler la production et l'exploitation des données de santé pour la "
                    "recherche, l'innovation et la formation.",
                    "Boosting the production and use of health data for research, innovation "
                    "and education.",
                ),
                objective_link(
                    2,
                    "objective-training-and-talent",
                    "Soutenir une formation d'excellence en santé numérique et constituer des "
                    "viviers d'expertise.",
                    "Supporting top-level training in digital health and building pools of "
                    "expertise.",
                ),
                objective_link(
                    3,
                    "objective-innovation-and-entrepreneurship",
                    "Développer des applications à fort impact économique, qui créent des "
                    "entreprises et des emplois.",
                    "Developing applications with strong economic impact that create companies "
                    "and jobs.",
                ),
                objective_link(
                    4,
                    "objective-patients-and-care",
                    "Améliorer la prise en charge médicale et l'efficience du système de soins, "
                    "dans l'intérêt permanent du patient.",
                    "Improving medical care and the efficiency of the health system, always in "
                    "the patient's interest.",
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Trois piliers</h2>"
                        "<p>Dans son discours inaugural, Antoine Tesnière a présenté trois "
                        "grands piliers pour les travaux du campus : la donnée, les talents et "
                        "la création de valeur scientifique et économique.</p>",
                        "<h2>Three pillars</h2>"
                        "<p>In his inaugural speech, Antoine Tesnière set out three main pillars "
                        "for the campus's work: data, talent, and scientific and economic value "
                        "creation.</p>",
                    ),
                ),
                pillar_link(
                    1,
                    "pillar-data",
                    "Diffuser une culture commune et une expertise de la donnée.",
                    "Spreading a shared culture of, and expertise in, data.",
                ),
                pillar_link(
                    2,
                    "pillar-talent",
                    "Former les talents de demain par des cursus modernes et interdisciplinaires.",
                    "Training tomorrow's talent through modern, interdisciplinary curricula.",
                ),
                pillar_link(
                    3,
                    "pillar-value-creation",
                    "Mieux accompagner les chercheurs, faire grandir les entreprises françaises "
                    "et exporter leur savoir-faire.",
                    "Supporting researchers better, helping French companies grow and taking "
                    "their know-how abroad.",
                ),
            )
        ),
    },
)

ANNOUNCEMENT = PageSpec(
    name="news-2020-12-announcement",
    model="news.NewsPage",
    title=Text(
        "Le président de la République annonce la création de PariSanté Campus",
        "The President of the French Republic announces PariSanté Campus",
    ),
    slug=Text("annonce-de-parisante-campus", "parisante-campus-announced"),
    snippet_links={"category": "news-category-news"},
    partners=(
        "partner-inserm",
        "partner-inria",
        "partner-psl",
        "partner-ans",
        "partner-health-data-hub",
    ),
    tags=("Emmanuel Macron",),
    fields={
        "publication_date": dated(2020, 12, 4),
        "standfirst": Text(
            "Le 4 décembre 2020, à l'Institut Imagine, à Paris, le président de la République, "
            "Emmanuel Macron, a annoncé la création de PariSanté Campus, un campus consacré au "
            "numérique en santé.",
            "On 4 December 2020, at the Institut Imagine in Paris, the President of the French "
            "Republic, Emmanuel Macron, announced PariSanté Campus, a campus devoted to digital "
            "health.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        "<p>L'annonce citait aussi l'AP-HP, le CNRS et l'Université de Paris "
                        "parmi les acteurs du projet.</p>"
                        "<p>L'État a constitué le campus au début de 2021 sous la forme d'un "
                        "groupement d'intérêt scientifique (GIS), avec cinq membres fondateurs "
                        "publics : l'Inserm, l'Inria, l'Université PSL, l'Agence du numérique en "
                        "santé et le Health Data Hub.</p>",
                        "<p>The announcement also named AP-HP, CNRS and Université de Paris among "
                        "the bodies involved in the project.</p>"
                        "<p>The French State set the campus up in early 2021 as a scientific "
                        "interest group (groupement d'intérêt scientifique, GIS), with five "
                        "public founding members: Inserm, Inria, PSL University, the French "
                        "Digital Health Agency and the Health Data Hub.</p>",
                    ),
                ),
            )
        ),
    },
)

TEMPORARY_SITE = PageSpec(
    name="news-2021-11-temporary-site",
    model="news.NewsPage",
    title=Text(
        "PariSanté Campus ouvre son site temporaire",
        "PariSanté Campus opens its temporary site",
    ),
    slug=Text("ouverture-du-site-temporaire", "temporary-site-opens"),
    snippet_links={"category": "news-category-news"},
    tags=("Val-de-Grâce",),
    fields={
        "publication_date": dated(2021, 11, 30),
        "standfirst": Text(
            "En novembre 2021, PariSanté Campus a ouvert un site temporaire rue "
            "d'Oradour-sur-Glane, dans le 15e arrondissement de Paris.",
            "In November 2021, PariSanté Campus opened a temporary site on rue "
            "d'Oradour-sur-Glane, in the 15th arrondissement of Paris.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        "<p>L'ouverture était prévue pour le 17 novembre. Le campus occupe "
                        "l'ancien siège de Technicolor, un bâtiment de verre d'environ 15 000 à "
                        "20 000 m², à la limite de Paris et d'Issy-les-Moulineaux.</p>"
                        "<p>Le site accueille des équipes de recherche, des étudiants et des "
                        "entreprises. Il dispose d'auditoriums, de salles de cours, d'un atrium "
                        "et d'une terrasse.</p>"
                        "<p>À terme, PariSanté Campus s'installera dans l'ancien hôpital "
                        "militaire du Val-de-Grâce, dans le 5e arrondissement de Paris.</p>",
                        "<p>The opening was planned for 17 November. The campus occupies the "
                        "former Technicolor head office, a glass building of about 15,000 to "
                        "20,000 m², on the boundary between Paris and Issy-les-Moulineaux.</p>"
                        "<p>The site hosts research teams, students and companies. It has "
                        "auditoriums, classrooms, an atrium and a terrace.</p>"
                        "<p>In the longer term, PariSanté Campus will move to the former "
                        "Val-de-Grâce military hospital, in the 5th arrondissement of Paris.</p>",
                    ),
                ),
            )
        ),
    },
)

INAUGURATION = PageSpec(
    name="news-2021-12-inauguration",
    model="news.NewsPage",
    title=Text(
        "Le Premier ministre inaugure PariSanté Campus",
        "The Prime Minister inaugurates PariSanté Campus",
    ),
    slug=Text("inauguration-de-parisante-campus", "parisante-campus-inaugurated"),
    snippet_links={"category": "news-category-event"},
    tags=("Inauguration", "Antoine Tesnière"),
    fields={
        "publication_date": dated(2021, 12, 14),
        "standfirst": Text(
            "Le Premier ministre, Jean Castex, a inauguré PariSanté Campus le mardi "
            "14 décembre 2021, en présence de cinq ministres.",
            "Prime Minister Jean Castex inaugurated PariSanté Campus on Tuesday "
            "14 December 2021, with five ministers present.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        "<p>L'inauguration a eu lieu sur le site temporaire du campus, rue "
                        "d'Oradour-sur-Glane, dans le 15e arrondissement de Paris, ouvert le "
                        "mois précédent.</p>"
                        "<p>Dans son discours inaugural, le directeur général du campus, "
                        "Antoine Tesnière, a présenté trois grands piliers pour ses travaux : la "
                        "donnée, les talents et la création de valeur scientifique et "
                        "économique.</p>",
                        "<p>The inauguration took place on the campus's temporary site on rue "
                        "d'Oradour-sur-Glane, in the 15th arrondissement of Paris, which had "
                        "opened the month before.</p>"
                        "<p>In his inaugural speech, the campus's Director General, Antoine "
                        "Tesnière, set out three main pillars for its work: data, talent, and "
                        "scientific and economic value creation.</p>",
                    ),
                ),
            )
        ),
    },
)

NEWS_INDEX = PageSpec(
    name="news",
    model="news.NewsIndexPage",
    title=Text("Actualités", "News"),
    slug=Text("actualites", "news"),
    show_in_menus=True,
    fields={
        "intro": Text(
            "Les nouvelles de PariSanté Campus : annonces, événements et étapes du projet.",
            "News from PariSanté Campus: announcements, events and milestones of the project.",
        ),
    },
    # Oldest first: the tree order does not matter, the index sorts by date.
    children=(ANNOUNCEMENT, TEMPORARY_SITE, INAUGURATION, AMBITIONS),
)
