"""Give back to the site the English snippets a translation sync switched off.

Before editorial/live_status.py, wagtail-localize saved every snippet it synced
as a draft (``live = False``), so translating a French article could take its
live English category, press contact, partner or footer off the site. This
command finds them (not live, yet still holding the live revision that
Wagtail's own unpublish would have cleared) and puts their live revision back;
what the sync wrote stays as a draft, to review and publish as usual.

Running it again finds nothing: it is safe to run after every deployment.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial.live_status import hit_snippets, restore_live


class Command(BaseCommand):
    help = _(
        "Republie les contenus traduits (catégories, contacts presse, partenaires, "
        "pied de page) qu'une synchronisation des traductions a dépubliés."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Affiche ce qui serait republié sans rien modifier."),
        )

    def handle(self, *args, dry_run=False, **options):
        count = 0
        with transaction.atomic():
            for obj in list(hit_snippets()):
                if not dry_run:
                    restore_live(obj)
                line = (
                    _("À republier : %(kind)s « %(name)s » (%(language)s)")
                    if dry_run
                    else _("Republié : %(kind)s « %(name)s » (%(language)s)")
                )
                self.stdout.write(
                    line
                    % {
                        "kind": ContentType.objects.get_for_model(obj).name,
                        "name": obj,
                        "language": obj.locale.language_code,
                    }
                )
                count += 1
        if not count:
            self.stdout.write(_("Aucun contenu à réparer."))
        elif dry_run:
            self.stdout.write(
                ngettext(
                    "%(count)d contenu à republier (simulation : rien n'a été modifié).",
                    "%(count)d contenus à republier (simulation : rien n'a été modifié).",
                    count,
                )
                % {"count": count}
            )
        else:
            self.stdout.write(
                ngettext("%(count)d contenu republié.", "%(count)d contenus republiés.", count)
                % {"count": count}
            )
