"""The page tree, French first, English as its translation.

Sources: the team's fact sheet (founding members, dates, places, dated
figures) and the Hospitalia article of April 2022 (the four objectives, the
three pillars and the director's words, quoted only with their speaker).
Facts the sheet marks as uncertain are left out, and so is the year of the
move to Val-de-Grâce, which the sources give differently.
"""

import datetime

from content.bilingual import Rich, Stream, Text
from content.legal import LEGAL_PAGES
from content.news import NEWS_INDEX
from content.press import PRESS_ROOM
from content.specs import PageSpec

# The campus and its figures ---------------------------------------------------

MISSION = PageSpec(
    name="about",
    model="mission.MissionPage",
    title=Text("Le campus", "About the campus"),
    slug=Text("le-campus", "about"),
    show_in_menus=True,
    fields={
        "intro": Text(
            "PariSanté Campus réunit à Paris la recherche, la formation et l'entreprise "
            "autour d'un même enjeu : le numérique au service de la santé.",
            "PariSanté Campus brings research, training and business together in Paris "
            "around a single goal: digital technology in the service of health.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        "<h2>Un campus créé en 2021</h2>"
                        "<p>Le président de la République a annoncé la création de PariSanté "
                        "Campus le 4 décembre 2020, à l'Institut Imagine, à Paris. L'État l'a "
                        "constitué au début de 2021 sous la forme d'un groupement d'intérêt "
                        "scientifique (GIS).</p>"
                        "<p>Le campus compte cinq membres fondateurs publics : l'Inserm, "
                        "l'Inria, l'Université PSL, l'Agence du numérique en santé et le Health "
                        "Data Hub. Le professeur Antoine Tesnière en a été nommé directeur général "
                        "en mars 2021.</p>",
                        "<h2>A campus founded in 2021</h2>"
                        "<p>The President of the French Republic announced PariSanté Campus on "
                        "4 December 2020 at the Institut Imagine in Paris. The French State set "
                        "it up in early 2021 as a scientific interest group (groupement "
                        "d'intérêt scientifique, GIS).</p>"
                        "<p>The campus has five public founding members: Inserm, Inria, PSL "
                        "University, the French Digital Health Agency (Agence du numérique en "
                        "santé) and the Health Data Hub. Professor Antoine Tesnière was appointed "
                        "its Director General in March 2021.</p>",
                    ),
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Un site temporaire, avant le Val-de-Grâce</h2>"
                        "<p>Le campus a ouvert en novembre 2021 sur un site temporaire, rue "
                        "d'Oradour-sur-Glane, dans le 15e arrondissement de Paris : l'ancien "
                        "siège de Technicolor, un bâtiment de verre d'environ 15 000 à "
                        "20 000 m². Le Premier ministre, Jean Castex, l'a inauguré le "
                        "14 décembre 2021.</p>"
                        "<p>Le site accueille des équipes de recherche, des étudiants et des "
                        "entreprises. Il dispose d'auditoriums, de salles de cours, d'un atrium "
                        "et d'une terrasse.</p>"
                        "<p>À terme, PariSanté Campus s'installera dans l'ancien hôpital "
                        "militaire du Val-de-Grâce, dans le 5e arrondissement. Ce projet a fait "
                        "l'objet d'une concertation publique de septembre à novembre 2021.</p>",
                        "<h2>A temporary site, before Val-de-Grâce</h2>"
                        "<p>The campus opened in November 2021 on a temporary site on rue "
                        "d'Oradour-sur-Glane, in the 15th arrondissement of Paris: the former "
                        "Technicolor head office, a glass building of about 15,000 to "
                        "20,000 m². Prime Minister Jean Castex inaugurated it on "
                        "14 December 2021.</p>"
                        "<p>The site hosts research teams, students and companies. It has "
                        "auditoriums, classrooms, an atrium and a terrace.</p>"
                        "<p>In the longer term, PariSanté Campus will move to the former "
                        "Val-de-Grâce military hospital, in the 5th arrondissement. The project "
                        "was the subject of a public consultation from September to "
                        "November 2021.</p>",
                    ),
                ),
                (
                    "key_figures",
                    {
                        "title": Text("Le campus au printemps 2022", "The campus in spring 2022"),
                        "as_of": datetime.date(2022, 4, 15),
                        "figures": [
                            {
                                "value": Text("Environ 60", "About 60"),
                                "label": Text(
                                    "start-up dans la première promotion",
                                    "start-ups in the first cohort",
                                ),
                            },
                            {
                                "value": Text("Environ 150", "About 150"),
                                "label": Text("étudiants sur le site", "students on site"),
                            },
                            {
                                "value": Text("Jusqu'à 1 000", "Up to 1,000"),
                                "label": Text(
                                    "personnes pouvant être accueillies sur le site",
                                    "people the site can host",
                                ),
                            },
                        ],
                        "source": Text(
                            "Le Quotidien du Médecin, 15 avril 2022",
                            "Le Quotidien du Médecin, 15 April 2022",
                        ),
                    },
                ),
                (
                    "key_figures",
                    {
                        "title": Text("Le campus en 2025", "The campus in 2025"),
                        # The source is dated April 2025, without a day.
                        "as_of": datetime.date(2025, 4, 1),
                        "figures": [
                            {
                                "value": Text("Plus de 1 600", "More than 1,600"),
                                "label": Text("personnes sur le campus", "people on campus"),
                            },
                            {
                                "value": Text("6", "6"),
                                "label": Text(
                                    "instituts et laboratoires", "institutes and laboratories"
                                ),
                            },
                            {
                                "value": Text("Environ 80", "About 80"),
                                "label": Text("organisations privées", "private organisations"),
                            },
                        ],
                        "source": Text(
                            "La Jaune et la Rouge, avril 2025", "La Jaune et la Rouge, April 2025"
                        ),
                    },
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Quatre objectifs, trois piliers</h2>"
                        "<p>Le projet s'est construit autour de quatre objectifs : les données "
                        "de santé, la formation et les talents, l'innovation et "
                        "l'entrepreneuriat, les patients et le système de soins. Les travaux du "
                        "campus reposent sur trois piliers : la donnée, les talents et la "
                        "création de valeur scientifique et économique.</p>"
                        "<p>Les trois premiers objectifs répondent chacun à un pilier. Le "
                        "quatrième, l'intérêt du patient, les traverse tous.</p>",
                        "<h2>Four objectives, three pillars</h2>"
                        "<p>The project is built around four objectives: health data; training "
                        "and talent; innovation and entrepreneurship; patients and care. The "
                        "campus's work rests on three pillars: data, talent, and scientific and "
                        "economic value creation.</p>"
                        "<p>The first three objectives each match one pillar. The fourth, the "
                        "patient's interest, runs through all three.</p>",
                    ),
                ),
                (
                    "quote",
                    {
                        # The exact words, as reported by Hospitalia in April 2022.
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
                            "Directeur général de PariSanté Campus, cité par Hospitalia "
                            "en avril 2022",
                            "Director General of PariSanté Campus, quoted by Hospitalia in "
                            "April 2022 (translated from French)",
                        ),
                        "source_url": "",
                    },
                ),
            )
        ),
    },
)

# The four objectives ----------------------------------------------------------

OBJECTIVES = (
    PageSpec(
        name="objective-health-data",
        model="mission.ObjectivePage",
        title=Text("Données de santé", "Health data"),
        slug=Text("donnees-de-sante", "health-data"),
        fields={
            "icon": "data",
            "summary": Text(
                "Faire des données de santé un moteur pour la recherche, l'innovation et "
                "l'enseignement, en facilitant leur production, leur partage encadré et leur "
                "analyse.",
                "Making health data a driver of research, innovation and teaching, by making "
                "it easier to produce, share securely and analyse.",
            ),
            "body": Stream(
                (
                    (
                        "paragraph",
                        Rich(
                            "<p>Premier objectif de PariSanté Campus : stimuler la production "
                            "et l'exploitation des données de santé pour la recherche, "
                            "l'innovation et la formation.</p>"
                            "<p>Deux acteurs nationaux du numérique en santé figurent parmi les "
                            "membres fondateurs du campus. Le Health Data Hub opère la "
                            "plateforme nationale qui donne accès aux données de santé aux "
                            "projets autorisés. L'Agence du numérique en santé met en œuvre la "
                            "politique nationale du numérique en santé : normes, "
                            "interopérabilité, sécurité et certification.</p>"
                            "<p>Sur le site, l'équipe-projet HeKA, commune à l'Inria, à l'Inserm "
                            "et à Université Paris Cité, travaille sur les données et les "
                            "modèles en santé.</p>"
                            "<p>Cet objectif correspond au premier pilier du campus : la "
                            "donnée.</p>",
                            "<p>The first objective of PariSanté Campus is to boost the "
                            "production and use of health data for research, innovation and "
                            "training.</p>"
                            "<p>Two national digital-health bodies are among the campus's "
                            "founding members. The Health Data Hub runs the national platform "
                            "that gives approved projects access to health data. The French "
                            "Digital Health Agency puts national digital-health policy into "
                            "practice: standards, interoperability, security and "
                            "certification.</p>"
                            "<p>On site, the HeKA project-team, shared by Inria, Inserm and "
                            "Université Paris Cité, works on health data and models.</p>"
                            "<p>This objective matches the campus's first pillar: data.</p>",
                        ),
                    ),
                )
            ),
        },
    ),
    PageSpec(
        name="objective-training-and-talent",
        model="mission.ObjectivePage",
        title=Text("Formation & talents", "Training & talent"),
        slug=Text("formation-et-talents", "training-and-talent"),
        fields={
            "icon": "training",
            "summary": Text(
                "Proposer des parcours d'excellence en santé numérique et constituer les "
                "viviers d'experts dont le secteur aura besoin.",
                "Offering top-tier digital-health programmes and building the expert talent "
                "pools the sector will need.",
            ),
            "body": Stream(
                (
                    (
                        "paragraph",
                        Rich(
                            "<p>Deuxième objectif : soutenir une formation d'excellence en "
                            "santé numérique et constituer des viviers d'expertise.</p>"
                            "<p>Le campus accueille des étudiants : ils étaient environ 150 sur "
                            "le site au printemps 2022. L'offre de formation couvre la licence, "
                            "le master, le doctorat et la formation continue.</p>"
                            "<p>Les cursus visés sont modernes et interdisciplinaires : ils "
                            "croisent médecine, sciences des données et sciences humaines.</p>"
                            "<p>Cet objectif correspond au deuxième pilier du campus : les "
                            "talents.</p>",
                            "<p>The second objective is to support top-level training in "
                            "digital health and to build pools of expertise.</p>"
                            "<p>The campus welcomes students: about 150 were on site in spring "
                            "2022. Its training offer covers bachelor's, master's and doctoral "
                            "levels as well as continuing education.</p>"
                            "<p>The aim is modern, interdisciplinary curricula that bring "
                            "medicine, data science and the humanities together.</p>"
                            "<p>This objective matches the campus's second pillar: talent.</p>",
                        ),
                    ),
                )
            ),
        },
    ),
    PageSpec(
        name="objective-innovation-and-entrepreneurship",
        model="mission.ObjectivePage",
        title=Text("Innovation & entrepreneuriat", "Innovation & entrepreneurship"),
        slug=Text("innovation-et-entrepreneuriat", "innovation-and-entrepreneurship"),
        fields={
            "icon": "innovation",
            "summary": Text(
                "Accompagner, de la start-up au grand groupe, des solutions à fort impact qui "
                "créent entreprises et emplois.",
                "Backing high-impact solutions, from start-ups to large groups, that create "
                "companies and jobs.",
            ),
            "body": Stream(
                (
                    (
                        "paragraph",
                        Rich(
                            "<p>Troisième objectif : développer des applications à fort impact "
                            "économique, qui créent des entreprises et des emplois.</p>"
                            "<p>Le campus comprend un hôtel d'entreprises qui accueille des "
                            "start-up retenues sur appel à candidatures ; la première promotion "
                            "en comptait environ 60 au printemps 2022. Des entreprises établies, "
                            "dont Doctolib, Dassault Systèmes et Sanofi, ont été parmi les "
                            "premières à s'installer sur le site.</p>"
                            "<p>Cet objectif correspond au troisième pilier du campus : la "
                            "création de valeur scientifique et économique.</p>",
                            "<p>The third objective is to develop applications with strong "
                            "economic impact that create companies and jobs.</p>"
                            "<p>The campus includes a business centre that hosts start-ups "
                            "selected through calls for applications; the first cohort numbered "
                            "about 60 in spring 2022. Established companies, including Doctolib, "
                            "Dassault Systèmes and Sanofi, were among the first to move onto the "
                            "site.</p>"
                            "<p>This objective matches the campus's third pillar: scientific and "
                            "economic value creation.</p>",
                        ),
                    ),
                )
            ),
        },
    ),
    PageSpec(
        name="objective-patients-and-care",
        model="mission.ObjectivePage",
        title=Text("Patients & système de soins", "Patients & care"),
        slug=Text("patients-et-systeme-de-soins", "patients-and-care"),
        fields={
            "icon": "patient",
            "summary": Text(
                "Mettre le numérique au service de meilleures prises en charge et d'un système "
                "de soins plus efficient, avec l'intérêt du patient pour boussole.",
                "Using digital tools to improve care and make the health system more "
                "efficient, guided by patients' interests.",
            ),
            "body": Stream(
                (
                    (
                        "paragraph",
                        Rich(
                            "<p>Quatrième objectif : améliorer les stratégies de prise en charge "
                            "médicale et l'efficience du système de soins, dans l'intérêt "
                            "permanent du patient.</p>"
                            "<p>Cet objectif ne correspond pas à un pilier en particulier : il "
                            "les traverse tous les trois. La donnée, la formation et la création "
                            "de valeur y servent une même finalité : de meilleurs soins.</p>",
                            "<p>The fourth objective is to improve medical-care strategies and "
                            "the efficiency of the health system, always in the patient's "
                            "interest.</p>"
                            "<p>This objective does not match any one pillar: it runs across all "
                            "three. Data, training and value creation all serve the same end "
                            "here: better care.</p>",
                        ),
                    ),
                )
            ),
        },
    ),
)

OBJECTIVE_INDEX = PageSpec(
    name="objectives",
    model="mission.ObjectiveIndexPage",
    title=Text("Nos objectifs", "Our objectives"),
    slug=Text("objectifs", "objectives"),
    show_in_menus=True,
    fields={
        "intro": Text(
            "Quatre objectifs guident le projet PariSanté Campus. Les trois premiers "
            "correspondent chacun à l'un de ses piliers ; le quatrième, l'intérêt du patient, "
            "les traverse tous.",
            "Four objectives guide the PariSanté Campus project. The first three each match "
            "one of its pillars; the fourth, the patient's interest, runs through all of them.",
        ),
    },
    children=OBJECTIVES,
)

# The three pillars ------------------------------------------------------------
# Objectives 1 to 3 match pillars 1 to 3; objective 4, the patient, runs across all three.

PILLARS = (
    PageSpec(
        name="pillar-data",
        model="mission.PillarPage",
        title=Text("La donnée", "Data"),
        slug=Text("la-donnee", "data"),
        serves=("objective-health-data", "objective-patients-and-care"),
        fields={
            "icon": "data",
            "summary": Text(
                "Diffuser dans tout l'écosystème une culture commune et une expertise solide de "
                "la donnée de santé.",
                "Spreading a shared culture of health data, and solid expertise in it, across "
                "the ecosystem.",
            ),
            "body": Stream(
                (
                    (
                        "paragraph",
                        Rich(
                            "<p>Le premier pilier porte sur la donnée de santé : diffuser dans "
                            "tout l'écosystème une culture commune de la donnée et l'expertise "
                            "essentielle qui l'entoure.</p>"
                            "<p>Il sert le premier objectif du campus, les données de santé, et, "
                            "comme chaque pilier, l'intérêt du patient.</p>",
                            "<p>The first pillar is about health data: spreading a shared data "
                            "culture, and the core expertise around it, across the whole "
                            "ecosystem.</p>"
                            "<p>It serves the campus's first objective, health data, and, like "
                            "every pillar, the patient's interest.</p>",
                        ),
                    ),
                )
            ),
        },
    ),
    PageSpec(
        name="pillar-talent",
        model="mission.PillarPage",
        title=Text("Les talents", "Talent"),
        slug=Text("les-talents", "talent"),
        serves=("objective-training-and-talent", "objective-patients-and-care"),
        fields={
            "icon": "training",
            "summary": Text(
                "Former les profils de demain grâce à des cursus modernes qui croisent "
                "médecine, sciences des données et sciences humaines.",
                "Training tomorrow's professionals through modern curricula that bring "
                "medicine, data science and the humanities together.",
            ),
            "body": Stream(
                (
                    (
                        "paragraph",
                        Rich(
                            "<p>Le deuxième pilier consiste à former les talents de demain dans "
                            "le domaine du numérique en santé, grâce à des cursus modernes et "
                            "interdisciplinaires.</p>"
                            "<p>Il sert le deuxième objectif du campus, la formation et les "
                            "talents, et, comme chaque pilier, l'intérêt du patient.</p>",
                            "<p>The second pillar is about training tomorrow's digital-health "
                            "talent through modern, interdisciplinary curricula.</p>"
                            "<p>It serves the campus's second objective, training and talent, "
                            "and, like every pillar, the patient's interest.</p>",
                        ),
                    ),
                )
            ),
        },
    ),
    PageSpec(
        name="pillar-value-creation",
        model="mission.PillarPage",
        title=Text("La création de valeur", "Value creation"),
        slug=Text("la-creation-de-valeur", "value-creation"),
        serves=("objective-innovation-and-entrepreneurship", "objective-patients-and-care"),
        fields={
            "icon": "innovation",
            "summary": Text(
                "Transformer la recherche en impact scientifique et économique : soutenir les "
                "chercheurs, faire grandir les entreprises françaises, exporter le savoir-faire.",
                "Turning research into scientific and economic impact: supporting researchers, "
                "growing French companies and sharing expertise abroad.",
            ),
            "body": Stream(
                (
                    (
                        "paragraph",
                        Rich(
                            "<p>Le troisième pilier vise la création de valeur scientifique et "
                            "économique : mieux accompagner les chercheurs, favoriser la "
                            "croissance des entreprises françaises et déployer le savoir-faire "
                            "français à l'international.</p>"
                            "<p>Il sert le troisième objectif du campus, l'innovation et "
                            "l'entrepreneuriat, et, comme chaque pilier, l'intérêt du "
                            "patient.</p>",
                            "<p>The third pillar is about scientific and economic value "
                            "creation: better support for researchers, growth for French "
                            "companies and French know-how taken abroad.</p>"
                            "<p>It serves the campus's third objective, innovation and "
                            "entrepreneurship, and, like every pillar, the patient's "
                            "interest.</p>",
                        ),
                    ),
                )
            ),
        },
    ),
)

PILLAR_INDEX = PageSpec(
    name="pillars",
    model="mission.PillarIndexPage",
    title=Text("Nos piliers", "Our pillars"),
    slug=Text("piliers", "pillars"),
    show_in_menus=True,
    fields={
        "intro": Text(
            "Les travaux de PariSanté Campus reposent sur trois piliers, que son directeur "
            "général, Antoine Tesnière, a présentés dans son discours inaugural.",
            "The work of PariSanté Campus rests on three pillars, which its Director General, "
            "Antoine Tesnière, set out in his inaugural speech.",
        ),
    },
    children=PILLARS,
)

# Members and partners, contact ------------------------------------------------

PARTNERS_PAGE = PageSpec(
    name="partners",
    model="partners.PartnersPage",
    title=Text("Membres et partenaires", "Members and partners"),
    slug=Text("membres-et-partenaires", "partners"),
    show_in_menus=True,
    fields={
        "intro": Text(
            "PariSanté Campus réunit cinq membres fondateurs publics, des instituts de "
            "recherche installés sur le site et des organisations partenaires.",
            "PariSanté Campus brings together five public founding members, research "
            "institutes based on the site and partner organisations.",
        ),
    },
)

CONTACT = PageSpec(
    name="contact",
    model="home.StandardPage",
    title=Text("Contact et accès", "Contact and access"),
    slug=Text("contact-et-acces", "contact"),
    show_in_menus=True,
    fields={
        "intro": Text(
            "En attendant son installation au Val-de-Grâce, PariSanté Campus occupe un site "
            "temporaire dans le 15e arrondissement de Paris.",
            "Until it moves to Val-de-Grâce, PariSanté Campus occupies a temporary site in "
            "the 15th arrondissement of Paris.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        # The street number is not confirmed: the street is enough to find us.
                        "<h2>Le site actuel</h2>"
                        "<p>Rue d'Oradour-sur-Glane, 75015 Paris</p>"
                        "<p>Le campus occupe l'ancien siège de Technicolor, un bâtiment de verre "
                        "situé à la limite de Paris et d'Issy-les-Moulineaux.</p>"
                        "<h2>Le futur site</h2>"
                        "<p>Ancien hôpital militaire du Val-de-Grâce, 74-78 boulevard de "
                        "Port-Royal, 75005 Paris</p>"
                        "<p>Fermé en juillet 2016, l'ancien hôpital doit accueillir le campus "
                        "à terme.</p>",
                        "<h2>The current site</h2>"
                        "<p>Rue d'Oradour-sur-Glane, 75015 Paris, France</p>"
                        "<p>The campus occupies the former Technicolor head office, a glass "
                        "building on the boundary between Paris and Issy-les-Moulineaux.</p>"
                        "<h2>The future site</h2>"
                        "<p>Former Val-de-Grâce military hospital, 74-78 boulevard de "
                        "Port-Royal, 75005 Paris, France</p>"
                        "<p>The former hospital, closed in July 2016, is to house the campus in "
                        "the longer term.</p>",
                    ),
                ),
                (
                    "accordion",
                    {
                        "title": Text("Questions pratiques", "Practical questions"),
                        "items": [
                            {
                                "title": Text(
                                    "Qui trouve-t-on sur le campus ?", "Who is on the campus?"
                                ),
                                "body": Rich(
                                    "<p>Des équipes de recherche, dont celles des instituts "
                                    "installés sur le site, des étudiants et des entreprises, "
                                    "parmi lesquelles des start-up accueillies dans l'hôtel "
                                    "d'entreprises du campus. La page « Membres et "
                                    "partenaires » présente les membres fondateurs, les "
                                    "instituts et les organisations partenaires.</p>",
                                    "<p>Research teams, including those of the institutes "
                                    "based on the site, students and companies, among them "
                                    "start-ups hosted in the campus business centre. The "
                                    "“Members and partners” page presents the founding "
                                    "members, the institutes and the partner "
                                    "organisations.</p>",
                                ),
                            },
                            {
                                "title": Text(
                                    "Le campus va-t-il déménager ?",
                                    "Is the campus going to move?",
                                ),
                                "body": Rich(
                                    "<p>Oui. À terme, PariSanté Campus s'installera dans "
                                    "l'ancien hôpital militaire du Val-de-Grâce, dans le "
                                    "5e arrondissement, qui doit pouvoir accueillir environ "
                                    "3 000 personnes.</p>",
                                    "<p>Yes. In the longer term, PariSanté Campus will move to "
                                    "the former Val-de-Grâce military hospital, in the "
                                    "5th arrondissement, which is planned to host about "
                                    "3,000 people.</p>",
                                ),
                            },
                        ],
                    },
                ),
            )
        ),
    },
)

# Results of the header's search box; not in the menu, not in the sitemap.
SEARCH = PageSpec(
    name="search",
    model="search.SearchPage",
    title=Text("Recherche", "Search"),
    slug=Text("recherche", "search"),
)

# The home page and the whole tree ----------------------------------------------

HOME = PageSpec(
    name="home",
    model="home.HomePage",
    title=Text("PariSanté Campus", "PariSanté Campus"),
    slug=Text("accueil", "home"),
    page_links={"mission_page": "about"},
    fields={
        "hero_lead": Text(
            "Le campus parisien du numérique en santé. Depuis 2021, il réunit des acteurs "
            "publics de la recherche et de la santé, des instituts de recherche, des "
            "formations et des entreprises pour faire progresser ensemble la recherche, la "
            "formation et l'innovation au service des patients.",
            "The Paris campus for digital health. Since 2021, it has brought together public "
            "research and health bodies, research institutes, training programmes and "
            "companies to advance research, training and innovation together for the benefit "
            "of patients.",
        ),
        "mission_heading": Text("Notre mission", "Our mission"),
        "mission_text": Rich(
            "<p>Annoncé par le président de la République en décembre 2020, PariSanté Campus "
            "a pour ambition d'accélérer le numérique en santé. Il rassemble chercheurs, "
            "étudiants, entreprises et acteurs publics du numérique en santé autour de quatre "
            "objectifs et de trois piliers.</p>",
            "<p>Announced by the President of the French Republic in December 2020, PariSanté "
            "Campus aims to accelerate digital health. It brings researchers, students, "
            "companies and public digital-health bodies together around four objectives and "
            "three pillars.</p>",
        ),
        "pillars_heading": Text("Trois piliers", "Three pillars"),
        "pillars_intro": Text(
            "Les travaux du campus reposent sur trois piliers : la donnée, les talents et la "
            "création de valeur.",
            "The campus's work rests on three pillars: data, talent and value creation.",
        ),
        "objectives_heading": Text("Quatre objectifs", "Four objectives"),
        "objectives_intro": Text(
            "Les trois premiers objectifs répondent chacun à un pilier ; le quatrième, "
            "l'intérêt du patient, les traverse tous.",
            "The first three objectives each match one pillar; the fourth, the patient's "
            "interest, runs through all three.",
        ),
        "news_heading": Text("Actualités", "News"),
        "partners_heading": Text("Membres fondateurs", "Founding members"),
        "partners_intro": Text(
            "Cinq membres fondateurs publics portent PariSanté Campus.",
            "Five public founding members are behind PariSanté Campus.",
        ),
    },
    children=(
        MISSION,
        OBJECTIVE_INDEX,
        PILLAR_INDEX,
        PARTNERS_PAGE,
        NEWS_INDEX,
        PRESS_ROOM,
        CONTACT,
        # Outside the main menu, linked from the footer; after CONTACT, which they link to.
        *LEGAL_PAGES,
        SEARCH,
    ),
)
