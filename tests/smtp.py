"""A real SMTP server for tests: mail goes out the way production sends it.

``smtp_server`` starts aiosmtpd on a free loopback port, points Django's SMTP backend
at it (no TLS, no login: a local test server) and yields the messages it received, as
``email.message.EmailMessage`` objects parsed from the bytes on the wire. Import it in
the test module that needs it::

    from tests.smtp import smtp_server  # noqa: F401
"""

import socket
import threading
from email import message_from_bytes, policy

import pytest

HOST = "127.0.0.1"


class Inbox:
    """What the server received, in order; safe to read from the test's thread."""

    def __init__(self):
        self._messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        with self._lock:
            self._messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    @property
    def messages(self):
        with self._lock:
            return [message for _rcpt_tos, message in self._messages]

    def to(self, address):
        """The messages whose envelope was addressed to address."""
        with self._lock:
            return [message for rcpt_tos, message in self._messages if address in rcpt_tos]

    def clear(self):
        with self._lock:
            self._messages.clear()


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname=HOST, port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = HOST
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    try:
        yield inbox
    finally:
        controller.stop()
