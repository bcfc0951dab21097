"""What django-axes counts failed sign-ins by: the account tried and the client's address."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q


def client_username(request, credentials=None):
    """The account a sign-in attempt is for, whatever way it was typed.

    allauth passes the login field as ``username`` and/or ``email``; a person may type
    their username or their email, in any case: all of them count against the same
    account, under its username as stored (what ``manage.py axes_reset_username`` takes).
    Logins that match no single account count lowercased.
    """
    credentials = credentials or {}
    login = (
        credentials.get("username")
        or credentials.get("email")
        or request.POST.get(settings.AXES_USERNAME_FORM_FIELD)
        or ""
    )
    login = login.strip()
    if not login:
        return ""
    usernames = list(
        get_user_model()
        .objects.filter(Q(username__iexact=login) | Q(email__iexact=login))
        .values_list("username", flat=True)[:2]
    )
    if len(usernames) == 1:
        return usernames[0]
    return login.lower()


def client_ip(request):
    """The client's address: the socket's, or behind a trusted reverse proxy, the proxy's word.

    Only with ``BEHIND_PROXY`` on is X-Forwarded-For believed, and then only the entries
    our own proxies appended (the last ``AXES_TRUSTED_PROXY_COUNT``): whatever a client
    puts at the front of that header itself is ignored.
    """
    if settings.BEHIND_PROXY:
        forwarded = [
            address.strip()
            for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if address.strip()
        ]
        count = max(settings.AXES_TRUSTED_PROXY_COUNT, 1)
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
