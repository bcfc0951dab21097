from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_authentication_menu_item(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Authentification à deux facteurs"),
        "help_text": _(
            "Protéger votre compte par un code à usage unique, donné par une application "
            "sur votre téléphone, en plus du mot de passe."
        ),
    }
