"""Bearer tokens of the upload hook: random, shown once, kept only as a SHA-256; scopes say what each may do.

A token carries 256 random bits, so a fast hash is enough (a slow password hash protects guessable secrets,
not random ones) and lets a request find its token by an indexed lookup of the hash.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

SCOPE_WRITE = "documents:write"  # POST /v1/documents
SCOPE_READ = "documents:read"  # GET /v1/documents/{id}
SCOPES: tuple[str, ...] = (SCOPE_WRITE, SCOPE_READ)
TOKEN_PREFIX = "dit_"  # makes a leaked token easy to recognise (secret scanners, logs)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class InvalidToken(ValueError):
    """A token name or scope that cannot be used (the message names the rule, never a token)."""


@dataclass(frozen=True, slots=True)
class ApiToken:
    """What is known about a token: never the token itself."""

    id: str
    name: str
    scopes: tuple[str, ...]
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def actor(self) -> str:
        """Who, in the audit table."""
        return f"token:{self.name}"

    def allows(self, scope: str) -> bool:
        return self.active and scope in self.scopes


def new_token() -> str:
    """A fresh random token (printed once by `docintake tokens add`, never stored)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise InvalidToken("a token name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    return name


def check_scopes(scopes: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown or not scopes:
        raise InvalidToken(f"scopes must be some of: {', '.join(SCOPES)}")
    return tuple(s for s in SCOPES if s in scopes)


class TokenStore(Protocol):
    """Where tokens are kept (storage/api.py on the database)."""

    def add_token(self, name: str, scopes: tuple[str, ...], hashed: str, now: datetime) -> ApiToken: ...

    def find_token(self, hashed: str) -> ApiToken | None: ...

    def list_tokens(self) -> list[ApiToken]: ...

    def revoke_token(self, name_or_id: str, now: datetime) -> ApiToken | None: ...


def issue_token(store: TokenStore, name: str, scopes: tuple[str, ...], now: datetime) -> tuple[ApiToken, str]:
    """Make a token, keep its hash, and return the plain token for the caller to show once."""
    plain = new_token()
    return store.add_token(check_name(name), check_scopes(scopes), token_hash(plain), now), plain


def authenticate(store: TokenStore, authorization: str | None) -> ApiToken | None:
    """The token an ``Authorization: Bearer ...`` header names (revoked ones included), or None."""
    if not authorization:
        return None
    scheme, _, credentials = authorization.partition(" ")
    credentials = credentials.strip()
    if scheme.lower() != "bearer" or not credentials.startswith(TOKEN_PREFIX) or len(credentials) > 200:
        return None
    return store.find_token(token_hash(credentials))
