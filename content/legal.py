"""The legal and institutional pages: legal notice, personal data, accessibility, site map.

Children of each home page, outside the main menu; the footer links to them
(content/footer.py). They state only what is known, from the team's
fact sheet and from the site itself:

- the publisher and the director of publication come from the fact sheet; the
  street number of the temporary site is not confirmed, so the street alone is given;
- the host is not known: the legal notice has no hosting section until the
  campus provides its details, rather than an invented one;
- no cookie, tracker or third-party resource: true of the code (tests check that no
  public page sets a cookie or loads anything from another host); the server logs are
  gunicorn's access log (gunicorn.conf.py);
- no RGAA audit has been carried out. The RGAA's rule is then « non conforme », whatever
  the site's real level, and no rate is given; the automated checks (axe-core and the
  Nu HTML checker on every page type, in both languages) are described as what they are;
- the statement is dated 29 November 2026, the day it was written.
"""

from content.bilingual import PageRef, Rich, Stream, Text
from content.specs import PageSpec


def contact_call(title, text):
    """A call to action pointing at the « Contact et accès » page."""
    return (
        "call_to_action",
        {
            "title": title,
            "text": text,
            "link": {"page": PageRef("contact"), "url": "", "label": Text("", "")},
        },
    )


LEGAL_NOTICE = PageSpec(
    name="legal-notice",
    model="home.StandardPage",
    title=Text("Mentions légales", "Legal notice"),
    slug=Text("mentions-legales", "legal-notice"),
    fields={
        "intro": Text(
            "Qui publie ce site, et à quelles conditions ses contenus peuvent être repris.",
            "Who publishes this site, and on what terms its content may be reused.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        "<h2>Éditeur</h2>"
                        "<p>Ce site est édité par PariSanté Campus, groupement d'intérêt "
                        "scientifique (GIS) constitué par l'État au début de 2021. Ses cinq "
                        "membres fondateurs sont l'Inserm, l'Inria, l'Université PSL, l'Agence "
                        "du numérique en santé et le Health Data Hub.</p>"
                        "<p>Adresse : rue d'Oradour-sur-Glane, 75015 Paris.</p>"
                        "<h2>Directeur de la publication</h2>"
                        "<p>Antoine Tesnière, directeur général de PariSanté Campus.</p>",
                        "<h2>Publisher</h2>"
                        "<p>This site is published by PariSanté Campus, a scientific interest "
                        "group (groupement d'intérêt scientifique, GIS) set up by the French "
                        "State in early 2021. Its five founding members are Inserm, Inria, PSL "
                        "University, the French Digital Health Agency (Agence du numérique en "
                        "santé) and the Health Data Hub.</p>"
                        "<p>Address: rue d'Oradour-sur-Glane, 75015 Paris, France.</p>"
                        "<h2>Director of publication</h2>"
                        "<p>Antoine Tesnière, Director General of PariSanté Campus.</p>",
                    ),
                ),
                contact_call(
                    Text("Écrire au campus", "Contacting the campus"),
                    Text(
                        "Les coordonnées de PariSanté Campus et l'accès au site.",
                        "How to reach PariSanté Campus and find the site.",
                    ),
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Propriété intellectuelle</h2>"
                        "<p>Les textes, photographies, logos et autres contenus de ce site sont "
                        "protégés par le code de la propriété intellectuelle. Les logos des "
                        "membres et des partenaires appartiennent à leurs titulaires "
                        "respectifs.</p>"
                        "<p>Chaque photographie est publiée avec son crédit, qui doit "
                        "l'accompagner en cas de reprise.</p>"
                        "<h2>Liens vers d'autres sites</h2>"
                        "<p>Le site renvoie vers les sites de ses membres, de ses partenaires et "
                        "des sources qu'il cite. PariSanté Campus ne répond pas du contenu de "
                        "ces sites.</p>"
                        "<h2>Réalisation</h2>"
                        "<p>Le site est construit avec Wagtail, logiciel libre de gestion de "
                        "contenu fondé sur Django. Il utilise la police de caractères Source "
                        "Sans 3, distribuée sous licence SIL Open Font License 1.1 et servie par "
                        "le site lui-même.</p>",
                        "<h2>Intellectual property</h2>"
                        "<p>The texts, photographs, logos and other content of this site are "
                        "protected by French intellectual property law. The logos of the members "
                        "and partners belong to their respective owners.</p>"
                        "<p>Every photograph is published with its credit, which must go with it "
                        "wherever it is reused.</p>"
                        "<h2>Links to other sites</h2>"
                        "<p>The site links to the sites of its members, of its partners and of "
                        "the sources it cites. PariSanté Campus is not responsible for the "
                        "content of those sites.</p>"
                        "<h2>Credits</h2>"
                        "<p>The site is built with Wagtail, a free and open-source content "
                        "management system based on Django. It uses the Source Sans 3 typeface, "
                        "released under the SIL Open Font License 1.1 and served by the site "
                        "itself.</p>",
                    ),
                ),
            )
        ),
    },
)

PERSONAL_DATA = PageSpec(
    name="personal-data",
    model="home.StandardPage",
    title=Text("Données personnelles", "Personal data"),
    slug=Text("donnees-personnelles", "personal-data"),
    fields={
        "intro": Text(
            "Ce que le site fait, et ne fait pas, des données qui vous concernent.",
            "What this site does, and does not do, with data about you.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        "<h2>Ni cookie, ni traceur</h2>"
                        "<p>La consultation du site ne dépose aucun cookie sur votre appareil. "
                        "Le site n'utilise aucun outil de mesure d'audience, aucun traceur "
                        "publicitaire et aucun bouton fourni par un réseau social : ses liens de "
                        "partage sont de simples liens, qui ne transmettent rien tant que vous "
                        "ne les suivez pas.</p>"
                        "<p>Les pages, leurs images, leurs feuilles de style et leurs polices de "
                        "caractères sont servies par le site lui-même : pour les afficher, votre "
                        "navigateur ne contacte aucun autre serveur. Si une page intègre une "
                        "vidéo hébergée par une plateforme externe, cette vidéo est chargée "
                        "depuis la plateforme, qui applique ses propres règles.</p>"
                        "<h2>Journaux du serveur</h2>"
                        "<p>Comme tout serveur web, celui du site inscrit chaque requête dans un "
                        "journal technique : adresse IP, date et heure, adresse de la page "
                        "demandée, page de provenance et navigateur utilisé. Ces journaux "
                        "servent au fonctionnement et à la sécurité du site ; ils ne servent "
                        "ni à mesurer l'audience ni à établir des profils.</p>"
                        "<h2>Comptes des rédacteurs</h2>"
                        "<p>Les personnes qui rédigent et publient les contenus ont un compte "
                        "dans l'interface d'administration : nom, adresse électronique et mot de "
                        "passe, conservé sous une forme qui ne permet pas de le retrouver. Le "
                        "site garde l'historique de leurs modifications et de leurs validations, "
                        "et leur envoie par courriel les notifications du circuit de "
                        "validation.</p>"
                        "<p>La connexion à l'interface d'administration dépose les cookies "
                        "nécessaires à la session et à la protection des formulaires. Ils ne "
                        "concernent que les rédacteurs.</p>"
                        "<h2>Vos droits</h2>"
                        "<p>Le règlement général sur la protection des données (RGPD) et la loi "
                        "Informatique et Libertés vous donnent un droit d'accès, de "
                        "rectification, d'effacement, de limitation et d'opposition au "
                        "traitement des données qui vous concernent. Pour les exercer, écrivez à "
                        "PariSanté Campus à l'adresse indiquée sur la page « Contact et "
                        "accès ».</p>",
                        "<h2>No cookies, no trackers</h2>"
                        "<p>Browsing the site sets no cookie on your device. The site uses no "
                        "audience measurement tool, no advertising tracker and no button supplied "
                        "by a social network: its share links are plain links, which send "
                        "nothing unless you follow them.</p>"
                        "<p>The pages, their images, style sheets and fonts are served by the "
                        "site itself: your browser contacts no other server to display them. If "
                        "a page embeds a video hosted by an external platform, that video is "
                        "loaded from the platform, which applies its own rules.</p>"
                        "<h2>Server logs</h2>"
                        "<p>Like any web server, the site's server records each request in a "
                        "technical log: IP address, date and time, address of the page "
                        "requested, referring page and browser used. These logs serve to run "
                        "and secure the site; they are not used to measure audiences or to build "
                        "profiles.</p>"
                        "<h2>Editors' accounts</h2>"
                        "<p>The people who write and publish the content have an account in the "
                        "administration interface: name, e-mail address and password, stored in "
                        "a form from which it cannot be recovered. The site keeps the history of "
                        "their changes and approvals, and e-mails them the notifications of the "
                        "approval workflow.</p>"
                        "<p>Signing in to the administration interface sets the cookies needed "
                        "for the session and for form protection. They concern editors "
                        "only.</p>"
                        "<h2>Your rights</h2>"
                        "<p>The General Data Protection Regulation (GDPR) and the French Data "
                        "Protection Act give you the right to access, rectify and erase data "
                        "about you, and to restrict or object to its processing. To exercise "
                        "these rights, write to PariSanté Campus at the address given on the "
                        "“Contact and access” page.</p>",
                    ),
                ),
                contact_call(
                    Text("Exercer vos droits", "Exercising your rights"),
                    Text(
                        "L'adresse de PariSanté Campus figure sur la page « Contact et accès ».",
                        "The address of PariSanté Campus is on the “Contact and access” page.",
                    ),
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Réclamation auprès de la CNIL</h2>"
                        "<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez "
                        "adresser une réclamation à la Commission nationale de l'informatique et "
                        "des libertés (CNIL), en ligne sur www.cnil.fr ou par courrier : CNIL, "
                        "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.</p>",
                        "<h2>Complaints to the CNIL</h2>"
                        "<p>If you believe your rights have not been respected, you can lodge a "
                        "complaint with the French data protection authority (Commission "
                        "nationale de l'informatique et des libertés, CNIL), online at "
                        "www.cnil.fr or by post: CNIL, 3 place de Fontenoy, TSA 80715, "
                        "75334 Paris Cedex 07, France.</p>",
                    ),
                ),
            )
        ),
    },
)

ACCESSIBILITY = PageSpec(
    name="accessibility",
    model="home.StandardPage",
    title=Text("Déclaration d'accessibilité", "Accessibility statement"),
    slug=Text("accessibilite", "accessibility"),
    fields={
        "intro": Text(
            "PariSanté Campus s'engage à rendre son site accessible, conformément à l'article 47 "
            "de la loi n° 2005-102 du 11 février 2005. Cette déclaration d'accessibilité "
            "s'applique au site de PariSanté Campus, en français et en anglais.",
            "PariSanté Campus is committed to making its site accessible, in accordance with "
            "article 47 of French law no. 2005-102 of 11 February 2005. This accessibility "
            "statement applies to the PariSanté Campus site, in French and in English.",
        ),
        "body": Stream(
            (
                (
                    "paragraph",
                    Rich(
                        "<h2>État de conformité</h2>"
                        "<p>Le site de PariSanté Campus est <b>non conforme</b> avec le "
                        "référentiel général d'amélioration de l'accessibilité (RGAA), "
                        "version 4.1.</p>"
                        "<p>Aucun audit de conformité n'a encore été réalisé. Le RGAA demande "
                        "alors de déclarer le site non conforme, quel que soit son niveau réel "
                        "d'accessibilité ; aucun taux de conformité n'est donc indiqué. Cet état "
                        "sera mis à jour après un audit complet.</p>"
                        "<h2>Vérifications réalisées</h2>"
                        "<p>À chaque modification du code du site, des tests automatiques "
                        "contrôlent chaque type de page, en français et en anglais, dans le "
                        "navigateur Chromium : règles d'accessibilité avec l'outil axe-core, "
                        "validité du code HTML avec le validateur Nu HTML Checker.</p>"
                        "<p>Ces tests ne détectent qu'une partie des défauts possibles et ne "
                        "remplacent pas un audit.</p>"
                        "<p>Technologies utilisées pour la réalisation du site : HTML, CSS et "
                        "WAI-ARIA.</p>"
                        "<h2>Contenus non accessibles</h2>"
                        "<p>Faute d'audit, la liste des non-conformités n'est pas établie. Les "
                        "points suivants sont déjà connus :</p>"
                        "<ul>"
                        "<li>les vidéos et autres contenus intégrés depuis des plateformes "
                        "externes dépendent de ces plateformes, dont le lecteur peut ne pas être "
                        "entièrement accessible ; une transcription peut les accompagner sur la "
                        "page ;</li>"
                        "<li>les documents déposés par les rédacteurs (PDF, traitements de texte, "
                        "tableurs) peuvent ne pas être accessibles.</li>"
                        "</ul>"
                        "<h2>Établissement de cette déclaration</h2>"
                        "<p>Cette déclaration a été établie le 29 novembre 2026.</p>"
                        "<h2>Retour d'information et contact</h2>"
                        "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service du site, "
                        "contactez PariSanté Campus : vous serez orienté vers une alternative "
                        "accessible ou recevrez le contenu sous une autre forme.</p>",
                        "<h2>Compliance status</h2>"
                        "<p>The PariSanté Campus site is <b>non-compliant</b> with the French "
                        "accessibility standard (référentiel général d'amélioration de "
                        "l'accessibilité, RGAA), version 4.1.</p>"
                        "<p>No compliance audit has been carried out yet. The RGAA then requires "
                        "the site to be declared non-compliant, whatever its actual level of "
                        "accessibility; no compliance rate is therefore given. This status will "
                        "be updated after a full audit.</p>"
                        "<h2>Checks carried out</h2>"
                        "<p>Every time the site's code changes, automated tests check every type "
                        "of page, in French and in English, in the Chromium browser: "
                        "accessibility rules with the axe-core tool, HTML validity with the Nu "
                        "HTML Checker.</p>"
                        "<p>These tests detect only some of the possible defects and do not "
                        "replace an audit.</p>"
                        "<p>Technologies used to build the site: HTML, CSS and WAI-ARIA.</p>"
                        "<h2>Inaccessible content</h2>"
                        "<p>Without an audit, the list of non-compliances has not been drawn up. "
                        "The following points are already known:</p>"
                        "<ul>"
                        "<li>videos and other content embedded from external platforms depend on "
                        "those platforms, whose players may not be fully accessible; a "
                        "transcript may accompany them on the page;</li>"
                        "<li>documents uploaded by editors (PDF files, word-processing documents, "
                        "spreadsheets) may not be accessible.</li>"
                        "</ul>"
                        "<h2>Date of this statement</h2>"
                        "<p>This statement was drawn up on 29 November 2026.</p>"
                        "<h2>Feedback and contact</h2>"
                        "<p>If you cannot access some content or a service of the site, contact "
                        "PariSanté Campus: you will be directed to an accessible alternative or "
                        "sent the content in another form.</p>",
                    ),
                ),
                contact_call(
                    Text("Signaler un défaut d'accessibilité", "Reporting an accessibility issue"),
                    Text(
                        "Les coordonnées de PariSanté Campus figurent sur la page « Contact et "
                        "accès ».",
                        "The contact details of PariSanté Campus are on the “Contact and access” "
                        "page.",
                    ),
                ),
                (
                    "paragraph",
                    Rich(
                        "<h2>Voies de recours</h2>"
                        "<p>Cette procédure est à utiliser dans le cas suivant : vous avez "
                        "signalé à PariSanté Campus un défaut d'accessibilité qui vous empêche "
                        "d'accéder à un contenu ou à un service du site, et vous n'avez pas "
                        "obtenu de réponse satisfaisante.</p>"
                        "<ul>"
                        "<li>Écrire un message au Défenseur des droits, par le formulaire en "
                        "ligne de son site, www.defenseurdesdroits.fr.</li>"
                        "<li>Contacter le délégué du Défenseur des droits dans votre "
                        "région.</li>"
                        "<li>Envoyer un courrier par la poste (gratuit, ne pas mettre de "
                        "timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris "
                        "CEDEX 07.</li>"
                        "</ul>",
                        "<h2>Remedies</h2>"
                        "<p>Use this procedure in the following case: you have reported to "
                        "PariSanté Campus an accessibility issue that prevents you from "
                        "accessing some content or a service of the site, and you have not "
                        "received a satisfactory answer.</p>"
                        "<ul>"
                        "<li>Write to the Défenseur des droits (the French Defender of Rights) "
                        "through the online form on its site, www.defenseurdesdroits.fr.</li>"
                        "<li>Contact the Défenseur des droits delegate in your region.</li>"
                        "<li>Send a letter by post (free of charge, no stamp needed): Défenseur "
                        "des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.</li>"
                        "</ul>",
                    ),
                ),
            )
        ),
    },
)

SITE_MAP = PageSpec(
    name="site-map",
    model="home.SitemapPage",
    title=Text("Plan du site", "Site map"),
    slug=Text("plan-du-site", "site-map"),
    fields={
        "intro": Text(
            "Toutes les pages du site, rangées comme dans son arborescence.",
            "Every page of the site, arranged as in its structure.",
        ),
    },
)

LEGAL_PAGES = (LEGAL_NOTICE, PERSONAL_DATA, ACCESSIBILITY, SITE_MAP)
