"""The records of ARCHITECTURE.md as SQLAlchemy 2 models; the first Alembic migration creates exactly these."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Names fixed by convention so migrations on SQLite and PostgreSQL name constraints alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DOCUMENT_STATES = ("received", "processing", "attached", "draft_created", "review", "quarantined")
FINAL_STATES = frozenset(DOCUMENT_STATES[2:])


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012  (SQLAlchemy reads it from the class)
        datetime: DateTime(timezone=True),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Submission(Base):
    """One arrival of a file: where from, when, by whom; duplicates are new submissions of an old document."""

    __tablename__ = "submission"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(16))  # fax | upload | cli
    source_ref: Mapped[str | None] = mapped_column(String(200))  # fax job id, upload id, idempotency key
    file_name: Mapped[str] = mapped_column(String(500))
    sender: Mapped[dict[str, Any]] = mapped_column(default=dict)  # fax sidecar: number, pages, received time
    uploader: Mapped[str | None] = mapped_column(String(200))
    given_reference_id: Mapped[str | None] = mapped_column(String(32))
    received_at: Mapped[datetime]
    recorded_at: Mapped[datetime]
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id"), index=True)
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)
    # A duplicate's own Reference ID, decided once its document is final (revision 0004): {"case": {"reference_id",
    # "match"} | None, "review_reasons": [...]}; None while pending, or when it named none.
    reference_outcome: Mapped[dict[str, Any] | None]

    # The drop-folder watcher looks its claims up by source reference on every pass (revision 0003).
    __table_args__ = (Index("ix_submission_source_ref", "source", "source_ref"),)


class Document(Base):
    """One stored original (by SHA-256): state, lease, attempts, and its extraction result."""

    __tablename__ = "document"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    format: Mapped[str | None] = mapped_column(String(16))
    mime: Mapped[str | None] = mapped_column(String(100))
    blob_key: Mapped[str | None] = mapped_column(String(200))  # None: refused at admission, bytes in quarantine
    file_name: Mapped[str] = mapped_column(String(500))
    state: Mapped[str] = mapped_column(String(16), index=True)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None]
    available_at: Mapped[datetime]  # not claimed before (retry backoff)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(64))  # a code, never a message with values
    pipeline_version: Mapped[str | None] = mapped_column(String(64))
    extraction: Mapped[dict[str, Any] | None]
    review_reasons: Mapped[list[Any]] = mapped_column(default=list)
    quarantine_code: Mapped[str | None] = mapped_column(String(32))
    quarantine_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    # When a clerk settled it (review finished, or a quarantined file rejected or retried); revision 0005.
    review_closed_at: Mapped[datetime | None]
    # Counts clerks' changes: a page drawn at one revision cannot overwrite a later one (revision 0005).
    review_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (Index("ix_document_state_lease", "state", "lease_until"),)


class Segment(Base):
    """A page range of a document with its type and fields (the whole file when nothing is split)."""

    __tablename__ = "segment"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id"), index=True)
    first_page: Mapped[int]
    last_page: Mapped[int]
    document_type: Mapped[str | None] = mapped_column(String(40))
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16))
    review_reasons: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("document_id", "first_page", "last_page", name="uq_segment_pages"),)


class Case(Base):
    """A prior-authorization case: open, closed, draft or expired; drafts expire 96 h after creation."""

    __tablename__ = "case"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference_id: Mapped[str] = mapped_column(String(12), unique=True)
    status: Mapped[str] = mapped_column(String(8), index=True)
    policy_id: Mapped[str | None] = mapped_column(String(40))
    dob: Mapped[date | None] = mapped_column(Date)
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    plan: Mapped[str | None] = mapped_column(String(100))
    codes: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"cpt": [...], "hcpcs": [...], "icd10": [...]}
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(String(16))  # import | draft
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_case_member", "policy_id", "dob"),)


class CaseLink(Base):
    """A segment attached to a case, with how it was matched and the evidence."""

    __tablename__ = "case_link"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    segment_id: Mapped[str] = mapped_column(ForeignKey("segment.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("segment_id", "case_id", name="uq_case_link_segment_case"),)


class Audit(Base):
    """Append-only: every decision and access (who, what, when, old and new value); triggers refuse changes."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))  # user, API token id or worker id
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[dict[str, Any] | None]
    new_value: Mapped[dict[str, Any] | None]
    evidence: Mapped[dict[str, Any] | None]

    __table_args__ = (Index("ix_audit_subject", "subject_type", "subject_id"),)


class Outbox(Base):
    """Events written in the same transaction as the change they announce; a relay delivers them."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Revision 0006. The relay's: not tried before this time (a backoff after a failure, or another relay's claim
    # while it sends). `delivered_at` and `attempts` are the relay's too.
    next_attempt_at: Mapped[datetime | None]
    # The notifier's: when the people were told of a draft event (mail or log), whatever the relay did with it.
    notified_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_outbox_notice", "event", "notified_at"),)


class IdCounter(Base):
    """The Reference ID allocator's sequence: one row per range, advanced under the row's write lock."""

    __tablename__ = "id_counter"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    next_value: Mapped[int] = mapped_column(BigInteger)


class ApiTokenRow(Base):
    """A bearer token of the upload hook: only its SHA-256 is kept; revoked tokens stay (the audit names them)."""

    __tablename__ = "api_token"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class IdempotencyRow(Base):
    """An upload's Idempotency-Key (per token): the bytes it was first used with, and the first answer."""

    __tablename__ = "idempotency_key"
    token_id: Mapped[str] = mapped_column(ForeignKey("api_token.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)  # None: the first request is still being answered
    response: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class User(Base):
    """A person who signs in to the review UI: a clerk reviews; an admin also manages users, tokens and audit.

    Only an argon2 hash of the password is kept; three failed sign-ins set ``locked_until`` (revision 0005).
    """

    __tablename__ = "app_user"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(8))  # clerk | admin
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]


class WebSession(Base):
    """A signed-in browser: only the SHA-256 of its cookie is kept, with its CSRF token and idle clock."""

    __tablename__ = "web_session"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class Correction(Base):
    """A clerk's confirmation or correction of one extracted value: a labelled example of this deployment.

    Kept in the deployment's own database and exported by an admin (`docintake corrections export`); never
    committed anywhere or baked into a shipped model.
    """

    __tablename__ = "correction"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id"), index=True)
    segment_id: Mapped[str] = mapped_column(String(32))  # no foreign key: an undone split removes segments
    field: Mapped[str] = mapped_column(String(32))
    item: Mapped[int | None] = mapped_column(Integer)  # position within a list field (npi, cpt, hcpcs, icd10)
    old_value: Mapped[dict[str, Any] | None]  # {"value", "confidence"} as extracted; None: added by the clerk
    new_value: Mapped[dict[str, Any] | None]  # {"value"}; None: removed by the clerk
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime]
