"""The review UI's users and browser sessions on the pipeline's database, with their audit rows.

Passwords are kept as argon2id hashes (argon2-cffi's defaults, RFC 9106's second recommended profile). A
browser holds a random session id; the database keeps only its SHA-256 (like the upload hook's tokens: a random
secret needs no slow hash), its CSRF token and its idle clock.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, func, select, update

from docintake.storage.cases import utc
from docintake.storage.database import session_factory
from docintake.storage.tables import Audit, User, WebSession

ROLES = ("clerk", "admin")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
MIN_PASSWORD = 12
_HASHER = PasswordHasher()
# Verified against when the user does not exist, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


class InvalidUser(ValueError):
    """A user name, role or password that cannot be used (the message names the rule, never the password)."""


@dataclass(frozen=True, slots=True)
class Account:
    """What the UI knows of a user: never the hash."""

    id: str
    username: str
    role: str
    failed_logins: int
    locked_until: datetime | None
    disabled: bool
    created_at: datetime
    last_login_at: datetime | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


@dataclass(frozen=True, slots=True)
class SignIn:
    """What a sign-in attempt came to: the account on success; on failure only whether it is now locked."""

    account: Account | None
    locked: bool = False
    throttled: bool = False


@dataclass(frozen=True, slots=True)
class Policy:
    """Lock-out and session lifetimes (DOCINTAKE_REVIEW_* settings)."""

    max_failures: int = 3
    lockout: timedelta = timedelta(minutes=30)
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)
    # One address trying many names (password spraying) is slowed down whatever the names: after this many
    # failures from it within ``lockout``, its attempts are refused unchecked until the window has passed.
    client_failures: int = 20


@dataclass(frozen=True, slots=True)
class BrowserSession:
    """A live session: who, and the CSRF token its forms must carry."""

    account: Account
    csrf_token: str


def check_username(name: str) -> str:
    name = name.strip().lower()
    if not _USERNAME.match(name):
        raise InvalidUser("a user name is 2-64 lower-case letters, digits, '.', '_', '@' or '-'")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD or len(password) > 1024:
        raise InvalidUser(f"a password has {MIN_PASSWORD} to 1024 characters")
    return password


def _session_hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


class SqlUsers:
    """Users, sign-in with lock-out, and browser sessions."""

    def __init__(self, engine: Engine, policy: Policy | None = None) -> None:
        self.engine = engine
        self.policy = policy or Policy()
        self._sessions = session_factory(engine)

    # -- users ---------------------------------------------------------------------------------------------------

    def add(self, username: str, password: str, role: str, now: datetime, actor: str = "cli") -> Account:
        """A new user; a name already taken is refused with InvalidUser."""
        if role not in ROLES:
            raise InvalidUser(f"a role is one of: {', '.join(ROLES)}")
        username = check_username(username)
        hashed = _HASHER.hash(check_password(password))
        with self._sessions() as session, session.begin():
            if session.scalar(select(User.id).where(User.username == username)) is not None:
                raise InvalidUser(f"a user named {username!r} already exists")
            row = User(id=uuid.uuid4().hex, username=username, password_hash=hashed, role=role, failed_logins=0,
                       created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            session.add(Audit(at=now, actor=actor, action="user.created", subject_type="user", subject_id=row.id,
                              new_value={"username": username, "role": role}))
            return _account(row)

    def list(self) -> list[Account]:
        with self._sessions() as session:
            return [_account(r) for r in session.scalars(select(User).order_by(User.username))]

    def get(self, user_id: str) -> Account | None:
        with self._sessions() as session:
            row = session.get(User, user_id)
            return _account(row) if row else None

    def find(self, username: str) -> Account | None:
        with self._sessions() as session:
            row = session.scalar(select(User).where(User.username == username.strip().lower()))
            return _account(row) if row else None

    def unlock(self, username: str, now: datetime, actor: str = "cli") -> Account | None:
        """Clear a lock-out and the failure count; None when there is no such user."""
        return self._change(username, now, actor, "user.unlocked", failed_logins=0, locked_until=None)

    def set_disabled(self, username: str, disabled: bool, now: datetime, actor: str = "cli") -> Account | None:
        """Disable (its sessions end) or enable a user."""
        account = self._change(username, now, actor, "user.disabled" if disabled else "user.enabled",
                               disabled_at=now if disabled else None)
        if account is not None and disabled:
            self.end_sessions_of(account.id, now)
        return account

    def set_role(self, username: str, role: str, now: datetime, actor: str = "cli") -> Account | None:
        if role not in ROLES:
            raise InvalidUser(f"a role is one of: {', '.join(ROLES)}")
        return self._change(username, now, actor, "user.role_changed", role=role)

    def set_password(self, username: str, password: str, now: datetime, actor: str = "cli") -> Account | None:
        """A new password; every session of the user ends."""
        hashed = _HASHER.hash(check_password(password))
        account = self._change(username, now, actor, "user.password_changed", password_hash=hashed,
                               failed_logins=0, locked_until=None)
        if account is not None:
            self.end_sessions_of(account.id, now)
        return account

    def _change(self, username: str, now: datetime, actor: str, action: str, **values: object) -> Account | None:
        with self._sessions() as session, session.begin():
            row = session.scalar(select(User).where(User.username == username.strip().lower()).with_for_update())
            if row is None:
                return None
            old = {k: _plain(getattr(row, k)) for k in values if k != "password_hash"}
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = now
            new = {k: _plain(v) for k, v in values.items() if k != "password_hash"}
            session.add(Audit(at=now, actor=actor, action=action, subject_type="user", subject_id=row.id,
                              old_value=old or None, new_value=new or None))
            return _account(row)

    # -- sign-in -------------------------------------------------------------------------------------------------

    def sign_in(self, username: str, password: str, now: datetime, client: str | None = None) -> SignIn:
        """Check a password. The ``max_failures``-th failure in a row locks the account for ``lockout``; a
        locked or disabled account fails even with the right password. An address with ``client_failures``
        failures within ``lockout`` is refused without a check. Every attempt is audited."""
        name = username.strip().lower()[:64]
        with self._sessions() as session, session.begin():
            if client is not None and self._client_failures(session, client, now) >= self.policy.client_failures:
                session.add(Audit(at=now, actor="anonymous", action="user.sign_in_refused", subject_type="client",
                                  subject_id=client[:64], evidence={"reason": "too_many_failures"}))
                return SignIn(None, throttled=True)
            row = session.scalar(select(User).where(User.username == name).with_for_update())
            if row is None:
                _verify(_DUMMY_HASH, password)
                session.add(Audit(at=now, actor="anonymous", action="user.sign_in_failed", subject_type="user",
                                  subject_id="unknown", evidence={"reason": "unknown_user", "client": client}))
                return SignIn(None)
            locked = row.locked_until is not None and utc(row.locked_until) > now  # type: ignore[operator]
            good = _verify(row.password_hash, password)
            if good and not locked and row.disabled_at is None:
                if _HASHER.check_needs_rehash(row.password_hash):
                    row.password_hash = _HASHER.hash(password)
                row.failed_logins = 0
                row.locked_until = None
                row.last_login_at = now
                session.add(Audit(at=now, actor=row.username, action="user.signed_in", subject_type="user",
                                  subject_id=row.id, evidence={"client": client}))
                return SignIn(_account(row))
            reason = "locked" if locked else "disabled" if row.disabled_at is not None else "bad_password"
            if reason == "bad_password":
                row.failed_logins += 1
                if row.failed_logins >= self.policy.max_failures:
                    row.locked_until = now + self.policy.lockout
                    row.failed_logins = 0
                    reason = "bad_password_locked"
                    session.add(Audit(at=now, actor="system", action="user.locked", subject_type="user",
                                      subject_id=row.id, new_value={"locked_until": row.locked_until.isoformat()}))
            session.add(Audit(at=now, actor="anonymous", action="user.sign_in_failed", subject_type="user",
                              subject_id=row.id, evidence={"reason": reason, "client": client}))
            return SignIn(None, locked=reason in ("locked", "bad_password_locked"))

    def _client_failures(self, session: Any, client: str, now: datetime) -> int:
        return session.scalar(select(func.count()).select_from(Audit).where(
            Audit.action == "user.sign_in_failed", Audit.at >= now - self.policy.lockout,
            Audit.evidence["client"].as_string() == client)) or 0

    # -- browser sessions ----------------------------------------------------------------------------------------

    def open_session(self, account: Account, now: datetime) -> tuple[str, str]:
        """A new session for a signed-in user: (the cookie value, its CSRF token)."""
        session_id = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        with self._sessions() as session, session.begin():
            session.add(WebSession(id=_session_hash(session_id), user_id=account.id, csrf_token=csrf, created_at=now,
                                   last_seen_at=now, expires_at=now + self.policy.absolute))
        return session_id, csrf

    def resume(self, session_id: str | None, now: datetime) -> BrowserSession | None:
        """The live session a cookie names, its idle clock restarted; None when unknown, ended, idle too long,
        past its absolute lifetime, or its user is disabled."""
        if not session_id or len(session_id) > 100:
            return None
        with self._sessions() as session, session.begin():
            row = session.get(WebSession, _session_hash(session_id))
            if row is None or row.ended_at is not None:
                return None
            user = session.get(User, row.user_id)
            idle = utc(row.last_seen_at) + self.policy.idle <= now  # type: ignore[operator]
            if idle or utc(row.expires_at) <= now or user is None or user.disabled_at is not None:  # type: ignore[operator]
                row.ended_at = now
                session.add(Audit(at=now, actor="system", action="session.expired", subject_type="user",
                                  subject_id=row.user_id, evidence={"idle": bool(idle)}))
                return None
            row.last_seen_at = now
            return BrowserSession(_account(user), row.csrf_token)

    def end_session(self, session_id: str, now: datetime) -> None:
        with self._sessions() as session, session.begin():
            row = session.get(WebSession, _session_hash(session_id))
            if row is not None and row.ended_at is None:
                row.ended_at = now
                session.add(Audit(at=now, actor="system", action="user.signed_out", subject_type="user",
                                  subject_id=row.user_id))

    def end_sessions_of(self, user_id: str, now: datetime) -> None:
        with self._sessions() as session, session.begin():
            session.execute(update(WebSession).where(WebSession.user_id == user_id, WebSession.ended_at.is_(None))
                            .values(ended_at=now))


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password[:1024])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def _account(row: User) -> Account:
    return Account(id=row.id, username=row.username, role=row.role, failed_logins=row.failed_logins,
                   locked_until=utc(row.locked_until), disabled=row.disabled_at is not None,
                   created_at=utc(row.created_at) or row.created_at, last_login_at=utc(row.last_login_at))
