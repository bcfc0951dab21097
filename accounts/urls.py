"""Staff sign-in (django-allauth): /comptes/, and the admin's own login URL.

Wagtail sends everyone who is not signed in to ``wagtailadmin_login`` (/admin/login/):
that URL is answered here, before Wagtail's URLs, by allauth's login, which asks for the
authenticator code of those who have one. Wagtail's own login view, which would not,
is never reached.
"""

from allauth.account.views import LoginView
from django.urls import include, path

urlpatterns = [
    path("admin/login/", LoginView.as_view(), name="accounts_admin_login"),
    path("comptes/", include("allauth.urls")),
]
