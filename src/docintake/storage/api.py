"""What the upload hook keeps in the database: API tokens (hashed), idempotency keys, and its audit rows."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from docintake.intake.tokens import ApiToken
from docintake.storage.database import session_factory
from docintake.storage.tables import ApiTokenRow, Audit, Document, IdempotencyRow, Submission


@dataclass(frozen=True, slots=True)
class Idempotency:
    """What a reservation of an Idempotency-Key found.

    ``reserved``: this request answers it; ``conflict``: the key was first used with other bytes;
    ``pending``: another request with the same bytes is still being answered; else the first answer.
    """

    reserved: bool = False
    conflict: bool = False
    pending: bool = False
    status_code: int | None = None
    response: dict[str, Any] | None = None


class SqlApiRecords:
    """The hook's TokenStore, idempotency keys and audit rows, on the same database as the documents."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = session_factory(engine)

    # -- tokens --------------------------------------------------------------------------------------------------

    def add_token(self, name: str, scopes: tuple[str, ...], hashed: str, now: datetime,
                  actor: str = "cli") -> ApiToken:
        """Keep a new token's hash; a name already used (even by a revoked token) is refused with ValueError."""
        row = ApiTokenRow(id=uuid.uuid4().hex, name=name, token_hash=hashed, scopes=list(scopes), created_at=now)
        try:
            with self._sessions() as session, session.begin():
                session.add(row)
                session.flush()
                session.add(Audit(at=now, actor=actor, action="token.created", subject_type="api_token",
                                  subject_id=row.id, new_value={"name": name, "scopes": list(scopes)}))
        except IntegrityError as error:
            raise ValueError(f"a token named {name!r} already exists") from error
        return _token(row)

    def find_token(self, hashed: str) -> ApiToken | None:
        with self._sessions() as session:
            row = session.scalar(select(ApiTokenRow).where(ApiTokenRow.token_hash == hashed))
            return _token(row) if row else None

    def list_tokens(self) -> list[ApiToken]:
        with self._sessions() as session:
            return [_token(r) for r in session.scalars(select(ApiTokenRow).order_by(ApiTokenRow.created_at))]

    def revoke_token(self, name_or_id: str, now: datetime, actor: str = "cli") -> ApiToken | None:
        """Revoke by name or id (idempotent); None when there is no such token."""
        with self._sessions() as session, session.begin():
            row = session.scalar(select(ApiTokenRow).where(
                or_(ApiTokenRow.name == name_or_id, ApiTokenRow.id == name_or_id)))
            if row is None:
                return None
            if row.revoked_at is None:
                row.revoked_at = now
                session.add(Audit(at=now, actor=actor, action="token.revoked", subject_type="api_token",
                                  subject_id=row.id, old_value={"revoked": False}, new_value={"revoked": True}))
            return _token(row)

    # -- idempotency keys ----------------------------------------------------------------------------------------

    def reserve_key(self, token_id: str, key: str, sha256: str, now: datetime, stale: timedelta) -> Idempotency:
        """Claim ``key`` for these bytes, or report what its first use left (a stale reservation is taken over)."""
        try:
            with self._sessions() as session, session.begin():
                session.add(IdempotencyRow(token_id=token_id, key=key, sha256=sha256, created_at=now))
            return Idempotency(reserved=True)
        except IntegrityError:
            pass
        with self._sessions() as session, session.begin():
            row = session.get(IdempotencyRow, (token_id, key))
            if row is None:  # released meanwhile: try once more
                session.add(IdempotencyRow(token_id=token_id, key=key, sha256=sha256, created_at=now))
                return Idempotency(reserved=True)
            if row.sha256 != sha256:
                return Idempotency(conflict=True)
            if row.status_code is not None:
                return Idempotency(status_code=row.status_code, response=row.response)
            # A reservation whose request died (a crash mid-upload) is taken over once it is stale.
            taken = session.execute(
                update(IdempotencyRow).where(IdempotencyRow.token_id == token_id, IdempotencyRow.key == key,
                                             IdempotencyRow.status_code.is_(None),
                                             IdempotencyRow.created_at < now - stale)
                .values(created_at=now)
            ).rowcount
            return Idempotency(reserved=True) if taken else Idempotency(pending=True)

    def finish_upload(
        self, now: datetime, actor: str, document_id: str, key: tuple[str, str] | None,
        answer: Callable[[tuple[str, str] | None], tuple[int, dict[str, Any]]], evidence: dict[str, Any],
    ) -> tuple[int, dict[str, Any]]:
        """In one transaction: whether admission refused the document, the answer ``answer`` makes of that,
        the idempotency key's first answer (``key`` is (token id, key)), and the upload's audit row."""
        with self._sessions() as session, session.begin():
            row = session.execute(
                select(Document.quarantine_code, Document.quarantine_message)
                .where(Document.id == document_id, Document.blob_key.is_(None), Document.quarantine_code.is_not(None))
            ).first()
            refusal = (row[0], row[1] or "") if row else None
            status, body = answer(refusal)
            if key is not None:
                session.execute(update(IdempotencyRow)
                                .where(IdempotencyRow.token_id == key[0], IdempotencyRow.key == key[1])
                                .values(status_code=status, response=body, completed_at=now))
            session.add(Audit(at=now, actor=actor, action="api.document_uploaded", subject_type="document",
                              subject_id=document_id, new_value={"status": status},
                              evidence={**evidence, "refusal": refusal[0] if refusal else None}))
            return status, body

    def release_key(self, token_id: str, key: str) -> None:
        """Forget a reservation whose request failed on our side, so a retry is answered afresh."""
        with self._sessions() as session, session.begin():
            session.execute(delete(IdempotencyRow).where(IdempotencyRow.token_id == token_id,
                                                         IdempotencyRow.key == key,
                                                         IdempotencyRow.status_code.is_(None)))

    # -- documents as the API sees them ------------------------------------------------------------------------

    def document_file_name(self, document_id: str) -> str | None:
        """The document's file name, or None when there is no such document."""
        with self._sessions() as session:
            return session.scalar(select(Document.file_name).where(Document.id == document_id))

    def submission_of(self, document_id: str, submission_id: str) -> tuple[str, bool] | None:
        """A submission of this document: its file name and whether it was a duplicate; None when it is not one."""
        with self._sessions() as session:
            row = session.execute(select(Submission.file_name, Submission.duplicate)
                                  .where(Submission.id == submission_id, Submission.document_id == document_id)
                                  ).first()
            return (row[0], bool(row[1])) if row else None

    def audit(self, now: datetime, actor: str, action: str, subject_type: str, subject_id: str, *,
              new: dict[str, Any] | None = None, evidence: dict[str, Any] | None = None) -> None:
        """One append-only audit row (an access or an upload through the API)."""
        with self._sessions() as session, session.begin():
            session.add(Audit(at=now, actor=actor, action=action, subject_type=subject_type, subject_id=subject_id,
                              new_value=new, evidence=evidence))


def _token(row: ApiTokenRow) -> ApiToken:
    return ApiToken(id=row.id, name=row.name, scopes=tuple(row.scopes), created_at=row.created_at,
                    revoked_at=row.revoked_at)
