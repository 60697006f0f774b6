"""The relay's webhook sink: one JSON POST per event, signed with HMAC-SHA256 when a secret is set.

The standard library's urllib, not httpx: one POST with a timeout per event needs no connection pool, HTTP/2 or
async client, and it keeps a runtime dependency (and its updates) out of a service that handles PHI; httpx stays
a test tool. Redirects are not followed (a POST must not silently become a GET elsewhere): a 3xx is a failure.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from docintake import __version__
from docintake.notify.relay import DeliveryFailed, OutboxEvent

SIGNATURE_HEADER = "X-Docintake-Signature"
_LOOPBACK = ("localhost", "::1")


def signature(secret: bytes, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the exact body bytes."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify(secret: bytes, body: bytes, header: str | None) -> bool:
    """What a receiver does (in constant time) before trusting a delivery."""
    return header is not None and hmac.compare_digest(signature(secret, body), header)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args: Any, **_kwargs: Any) -> None:
        return None


@dataclass(frozen=True, slots=True)
class WebhookSink:
    url: str
    secret: bytes = b""
    timeout_s: float = 10.0

    def body(self, event: OutboxEvent) -> bytes:
        return json.dumps(event.as_json(), separators=(",", ":"), sort_keys=True).encode()

    def deliver(self, event: OutboxEvent) -> None:
        """POST the event; any answer but 2xx, a timeout or a connection error raises."""
        body = self.body(event)
        headers = {"Content-Type": "application/json", "User-Agent": f"docintake/{__version__}",
                   "X-Docintake-Event": event.event, "X-Docintake-Event-Id": str(event.id),
                   "X-Docintake-Attempt": str(event.attempts)}
        if self.secret:
            headers[SIGNATURE_HEADER] = signature(self.secret, body)
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with self._opener().open(request, timeout=self.timeout_s) as response:
                status = response.status
                response.read(65536)
        except urllib.error.HTTPError as error:
            error.close()
            raise DeliveryFailed(f"HTTP {error.code}") from None
        if not 200 <= status < 300:
            raise DeliveryFailed(f"HTTP {status}")

    def _opener(self) -> urllib.request.OpenerDirector:
        handlers: list[urllib.request.BaseHandler] = [
            _NoRedirects(), urllib.request.HTTPSHandler(context=ssl.create_default_context())]
        host = urlsplit(self.url).hostname or ""
        if host in _LOOPBACK or host.startswith("127."):
            handlers.append(urllib.request.ProxyHandler({}))  # never through an environment proxy
        return urllib.request.build_opener(*handlers)
