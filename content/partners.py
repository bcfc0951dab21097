"""Members and partners of the campus, as Partner snippets in both languages.

No logos: only a partner can provide its official logo, so every partner
starts with the typographic badge (its acronym or name).

Left out on purpose:
- the Health Data Hub's website: the fact sheet only saw its address in code
  references, so an editor should check it before adding it;
- companies. Doctolib, Dassault Systèmes and Sanofi were among the first
  companies on the site, but being on the site is not a partnership, and
  whether they are still there is not known. The innovation objective mentions
  them as a dated fact instead.
"""

from content.bilingual import Text
from content.specs import SnippetSpec

FOUNDING = "founding"
INSTITUTE = "institute"
ORGANISATION = "organisation"


def partner(name, *, kind, full_name, acronym, description, website="", sort_order, home=False):
    return SnippetSpec(
        name=f"partner-{name}",
        model="partners.Partner",
        fields={
            "name": full_name,
            "acronym": acronym,
            "kind": kind,
            "website": website,
            "description": description,
            "show_on_home_page": home,
            "sort_order": sort_order,
        },
    )


NO_ACRONYM = Text("", "")

FOUNDING_MEMBERS = (
    partner(
        "inserm",
        kind=FOUNDING,
        home=True,
        sort_order=1,
        full_name=Text(
            "Institut national de la santé et de la recherche médicale",
            "French National Institute of Health and Medical Research",
        ),
        acronym=Text("Inserm", "Inserm"),
        website="https://www.inserm.fr",
        description=Text(
            "L'organisme public national de la recherche biomédicale et en santé. Il prévoit "
            "d'installer son siège sur le futur campus du Val-de-Grâce.",
            "France's national public body for biomedical and health research. It plans to "
            "move its head office to the future Val-de-Grâce campus.",
        ),
    ),
    partner(
        "inria",
        kind=FOUNDING,
        home=True,
        sort_order=2,
        full_name=Text(
            "Institut national de recherche en sciences et technologies du numérique",
            "National Institute for Research in Digital Science and Technology",
        ),
        acronym=Text("Inria", "Inria"),
        website="https://www.inria.fr",
        description=Text(
            "Présent sur le campus avec l'équipe-projet HeKA, commune avec l'Inserm et "
            "Université Paris Cité, qui travaille sur les données et les modèles en santé.",
            "On the campus with the HeKA project-team, shared with Inserm and Université Paris "
            "Cité, which works on health data and models.",
        ),
    ),
    partner(
        "psl",
        kind=FOUNDING,
        home=True,
        sort_order=3,
        full_name=Text("Université PSL", "PSL University"),
        acronym=Text("PSL", "PSL"),
        website="https://psl.eu",
        description=Text(
            "Une université de recherche parisienne. Plusieurs instituts auxquels elle est "
            "associée sont installés sur le campus.",
            "A research university in Paris. Several institutes it is involved in are based "
            "on the campus.",
        ),
    ),
    partner(
        "ans",
        kind=FOUNDING,
        home=True,
        sort_order=4,
        full_name=Text("Agence du numérique en santé", "French Digital Health Agency"),
        acronym=Text("ANS", "ANS"),
        website="https://esante.gouv.fr",
        description=Text(
            "Groupement d'intérêt public qui met en œuvre la politique nationale du numérique "
            "en santé : normes, interopérabilité, sécurité et certification. Anciennement "
            "ASIP Santé.",
            "The Agence du numérique en santé is a public interest group (GIP) that puts "
            "national digital-health policy into practice: standards, interoperability, "
            "security and certification. Formerly ASIP Santé.",
        ),
    ),
    partner(
        "health-data-hub",
        kind=FOUNDING,
        home=True,
        sort_order=5,
        full_name=Text("Health Data Hub", "Health Data Hub"),
        acronym=Text("HDH", "HDH"),
        description=Text(
            "Groupement d'intérêt public créé par la loi santé de juillet 2019, qui a pris la "
            "suite de l'INDS. Il opère la plateforme nationale qui donne accès aux données de "
            "santé aux projets autorisés.",
            "A public interest group (GIP) created by the July 2019 health law, taking over "
            "from INDS. It runs the national platform that gives approved projects access to "
            "health data.",
        ),
    ),
)

INSTITUTES = (
    partner(
        "prairie",
        kind=INSTITUTE,
        sort_order=11,
        full_name=Text("PR[AI]RIE", "PR[AI]RIE"),
        acronym=NO_ACRONYM,
        description=Text(
            "Institut consacré à l'intelligence artificielle.",
            "An institute dedicated to artificial intelligence.",
        ),
    ),
    partner(
        "q-bio",
        kind=INSTITUTE,
        sort_order=12,
        full_name=Text("Q-Bio", "Q-Bio"),
        acronym=NO_ACRONYM,
        description=Text(
            "Institut consacré à la biologie quantitative.",
            "An institute dedicated to quantitative biology.",
        ),
    ),
    partner(
        "physics-for-medicine",
        kind=INSTITUTE,
        sort_order=13,
        full_name=Text("Institut Physique pour la médecine", "Physics for Medicine"),
        acronym=Text("IPM", "IPM"),
        description=Text(
            "Institut consacré à l'imagerie médicale et aux ultrasons, porté par l'ESPCI, "
            "l'Inserm et le CNRS.",
            "An institute working on medical imaging and ultrasound, run by ESPCI, Inserm and "
            "CNRS.",
        ),
    ),
    partner(
        "digital-health-in-society",
        kind=INSTITUTE,
        sort_order=14,
        full_name=Text(
            "Institut Santé numérique en Société", "Institut Santé numérique en Société"
        ),
        acronym=Text("ISNS", "ISNS"),
        description=Text(
            "Institut consacré aux questions éthiques, sociales et économiques que soulèvent "
            "les données de santé.",
            "An institute that studies the ethical, social and economic questions raised by "
            "health data.",
        ),
    ),
)

# Named as partners when the campus was announced (December 2020).
ORGANISATIONS = (
    partner(
        "ap-hp",
        kind=ORGANISATION,
        sort_order=21,
        full_name=Text(
            "Assistance publique – Hôpitaux de Paris", "Assistance publique – Hôpitaux de Paris"
        ),
        acronym=Text("AP-HP", "AP-HP"),
        description=Text(
            "Citée parmi les partenaires du campus lors de son annonce, en décembre 2020.",
            "Named as a partner of the campus when it was announced in December 2020.",
        ),
    ),
    partner(
        "cnrs",
        kind=ORGANISATION,
        sort_order=22,
        full_name=Text(
            "Centre national de la recherche scientifique",
            "French National Centre for Scientific Research",
        ),
        acronym=Text("CNRS", "CNRS"),
        description=Text(
            "Cité parmi les partenaires du campus lors de son annonce, en décembre 2020. Il "
            "porte aussi, avec l'ESPCI et l'Inserm, l'institut Physique pour la médecine.",
            "Named as a partner of the campus when it was announced in December 2020. With "
            "ESPCI and Inserm, it also runs the Physics for Medicine institute.",
        ),
    ),
    partner(
        # Named in 2020 under its former name, « Université de Paris ».
        "universite-paris-cite",
        kind=ORGANISATION,
        sort_order=23,
        full_name=Text("Université Paris Cité", "Université Paris Cité"),
        acronym=NO_ACRONYM,
        description=Text(
            "Citée parmi les partenaires lors de l'annonce du campus, en décembre 2020, sous "
            "son nom d'alors, Université de Paris. Elle est associée à l'équipe-projet HeKA, "
            "présente sur le campus avec l'Inria et l'Inserm.",
            "Named as a partner when the campus was announced in December 2020, under its name "
            "at the time, Université de Paris. It is part of the HeKA project-team, on the "
            "campus with Inria and Inserm.",
        ),
    ),
)

PARTNERS = FOUNDING_MEMBERS + INSTITUTES + ORGANISATIONS
