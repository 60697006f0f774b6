"""One Settings object (env prefix DOCINTAKE_), built once at the entry point and handed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, NonNegativeFloat, PositiveFloat, PositiveInt, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MB = 1024 * 1024


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "docintake"


class Settings(BaseSettings):
    """Every knob docintake has. Unknown keys are refused; nothing changes after start-up."""

    model_config = SettingsConfigDict(env_prefix="DOCINTAKE_", extra="forbid", frozen=True)

    data_dir: Path = Field(default_factory=_default_data_dir)

    # Admission bounds.
    max_bytes: PositiveInt = 25 * MB  # 26,214,400: the portal's limit per attachment
    max_pages: PositiveInt = 500
    max_page_pixels: PositiveInt = 120_000_000  # one page or image; a 600 dpi letter page is 34 M
    max_archive_bytes: PositiveInt = 300 * MB  # sum of uncompressed members of a docx/xlsx/xps
    max_archive_ratio: PositiveFloat = 200.0  # a member inflating more than this (and past 1 MB) is a bomb
    max_archive_members: PositiveInt = 10_000

    # Reading.
    tesseract_cmd: str = "tesseract"
    ocr_language: str = "eng"
    ocr_timeout_s: PositiveFloat = 180.0
    ocr_render_dpi: PositiveInt = 300  # PDF pages that must be rendered before OCR
    ocr_min_text_chars: int = 20  # a PDF page with less text than this in its text layer is OCR'd
    ocr_reread: bool = True  # read value-like words a second time, enlarged (extractors/reread.py)
    soffice_cmd: str = "soffice"
    convert_timeout_s: PositiveFloat = 120.0

    # Fields.
    auto_accept: float = Field(default=0.9, ge=0.5, le=1.0)  # a value at or above needs no clerk

    # Records (issue 5). None: a SQLite file in the data directory.
    database_url: str | None = None
    # Objects: "local" (a folder in the data directory, content-addressed) or "s3" (MinIO or any S3).
    blob_backend: Literal["local", "s3"] = "local"
    s3_endpoint: str = "127.0.0.1:9000"  # host:port, as the minio client wants it
    s3_access_key: str = ""
    s3_secret_key: SecretStr = SecretStr("")
    s3_bucket: str = "docintake"
    s3_secure: bool = True  # TLS; only loopback endpoints should ever turn it off
    s3_region: str | None = None

    # Queue. None: kombu's filesystem transport in the data directory (no server to run).
    broker_url: str | None = None
    queue_prefix: str = "docintake"
    workers: PositiveInt = 2  # in-process worker threads of `ingest` and `worker`
    lease_s: PositiveFloat = 300.0  # a claimed document is re-published when its lease runs out
    publish_grace_s: PositiveFloat = 60.0  # a recorded document not claimed by then is published again
    max_attempts: PositiveInt = 3  # processing attempts before `processing_failed`
    retry_backoff_s: NonNegativeFloat = 10.0  # first retry delay; doubles per attempt
    reconcile_interval_s: PositiveFloat = 30.0
    ingest_timeout_s: PositiveFloat = 3600.0  # `ingest` gives up waiting (the documents stay queued)

    # Cases. New Reference IDs are allocated in this range of 9-digit bodies (the portal issues the others).
    reference_id_min: int = Field(default=900_000_000, ge=0, le=999_999_999)
    reference_id_max: int = Field(default=999_999_999, ge=0, le=999_999_999)
    draft_ttl_hours: PositiveFloat = 96.0

    # Drop folder (`docintake watch DIR`). Working and archive folders default to DIR/.docintake/{working,archive}:
    # the claim is a rename, which is atomic only inside one file system.
    watch_settle_s: PositiveFloat = 5.0  # size and mtime must be still this long before a file is taken
    watch_rescan_s: PositiveFloat = 30.0  # full rescan even without file events (lost on network shares)
    watch_after: Literal["archive", "remove"] = "archive"  # what happens to a file once it is recorded
    watch_working_dir: Path | None = None
    watch_archive_dir: Path | None = None

    # Drafts' life (`docintake sweep`, and periodically inside `worker` and `watch`).
    draft_reminder_hours: PositiveFloat = 24.0  # reminder this long before a draft expires
    draft_urgent_reminder_hours: PositiveFloat = 72.0  # urgent drafts: their decision clock is shorter
    sweep_interval_s: PositiveFloat = 300.0
    notify_backend: Literal["log", "smtp"] = "log"  # log: ids only, to the service's log
    smtp_host: str = "127.0.0.1"
    smtp_port: PositiveInt = 25
    smtp_tls: Literal["starttls", "ssl", "none"] = "starttls"  # "none" only for a relay on loopback
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_from: str = "docintake@localhost"
    smtp_to: str = ""  # comma-separated: the intake team's mailbox
    smtp_timeout_s: PositiveFloat = 10.0

    # The outbox relay (notify/relay.py): every event (document.attached, case.draft_created, draft.reminder,
    # draft.expired, document.needs_review, document.reviewed) to a sink, at least once, periodically inside `worker`
    # and `watch` (so in `serve`'s worker process) and once per `docintake sweep`.
    webhook_url: str | None = None  # https://..., or http:// on loopback only (payloads carry ids, still TLS)
    # Unset: webhook when DOCINTAKE_WEBHOOK_URL is set, else log (ids and event names only, at INFO).
    relay_sink: Literal["log", "webhook"] | None = Field(default=None, validate_default=True)
    webhook_secret: SecretStr = SecretStr("")  # when set, X-Docintake-Signature: sha256=HMAC(secret, body)
    webhook_timeout_s: PositiveFloat = 10.0
    relay_interval_s: PositiveFloat = 10.0  # the portal learns of an outcome within about this long
    relay_backoff_s: PositiveFloat = 30.0  # after a failed delivery; doubles per attempt
    relay_max_backoff_s: PositiveFloat = 3600.0  # a failing event is tried at least this often, never dropped

    # Upload hook (`docintake serve`). Uploads taken in (stored, recorded, queued) at once per process; the rest
    # wait their turn in arrival order. SQLite has one writer and its lock wait is unfair, so more turns buy a
    # better median at the price of multi-second tails (bench/hook.py measures both).
    hook_intake_concurrency: PositiveInt = 2

    # Review UI (`docintake serve`, under /review). Sessions end after this long idle, and after
    # review_session_hours whatever happens; review_lockout_attempts failed sign-ins in a row lock an account.
    review_idle_minutes: PositiveFloat = 30.0
    review_session_hours: PositiveFloat = 12.0
    review_lockout_attempts: PositiveInt = 3
    review_lockout_minutes: PositiveFloat = 30.0
    # Failed sign-ins from one address (whatever the names) within review_lockout_minutes before its attempts are
    # refused unchecked: slows password spraying without locking anyone's account. Mind a clinic behind one NAT.
    review_client_failures: PositiveInt = 20
    # Secure cookies are sent over HTTPS only (browsers also accept them from http://localhost); turn off only
    # behind a TLS-terminating proxy that talks plain HTTP to a non-loopback address.
    review_cookie_secure: bool = True

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL")
        if parts.scheme == "http" and not _loopback(parts.hostname):
            raise ValueError("plain http is allowed only to loopback; use https")
        return value

    @field_validator("relay_sink")
    @classmethod
    def _relay_sink(cls, value: str | None, info: ValidationInfo) -> str:
        url = info.data.get("webhook_url")
        if value is None:
            return "webhook" if url else "log"
        if value == "webhook" and not url:
            raise ValueError("the webhook sink needs DOCINTAKE_WEBHOOK_URL")
        return value

    @property
    def tmp_dir(self) -> Path:
        """Private scratch space for Tesseract and LibreOffice, inside the data directory."""
        return self.data_dir / "tmp"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "objects"

    @property
    def queue_dir(self) -> Path:
        return self.data_dir / "queue"

    def database_url_or_default(self) -> str:
        """The configured database, or the embedded SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'docintake.db'}"


def _loopback(host: str) -> bool:
    return host == "localhost" or host == "::1" or host.startswith("127.")
