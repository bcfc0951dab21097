"""``manage.py load_campus_content``: the site's real content, in French and English.

Safe to run again: it only creates what is missing and never changes what
exists (an editor's changes stay). See content/loader.py.
"""

from django.core.management.base import BaseCommand

from content.loader import load_campus_content


class Command(BaseCommand):
    help = (
        "Crée le contenu du site (pages, partenaires, pied de page) en français et sa "
        "traduction anglaise via wagtail-localize. Ne modifie jamais ce qui existe déjà."
    )

    def handle(self, *args, **options):
        report = load_campus_content()
        if options["verbosity"] > 0:
            for line in report.lines():
                self.stdout.write(line)
