"""How documents are sent (``SENDFILE_BACKEND``): Wagtail's own streaming backend,
plus headers that keep a browser from ever running a document.

Wagtail's ``before_serve_document`` hook can only replace a response, and only with
a non-streaming one, so the headers are added here, where Wagtail's serve view
builds the file response (after its view restrictions: login, groups, password).
Wagtail's own, weaker header is turned off (``WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT``)
as it would overwrite this one.
"""

from wagtail.utils.sendfile_streaming_backend import sendfile as stream_file

# Nothing loaded, no script, no plugin, no form, and a unique origin (no cookies, no
# access to the site), even if a document is opened in the browser after download.
DOCUMENT_CSP = "default-src 'none'; sandbox"


def sendfile(request, filename, **kwargs):
    response = stream_file(request, filename, **kwargs)
    response["Content-Security-Policy"] = DOCUMENT_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response
