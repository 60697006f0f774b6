"""The portal's upload hook: `POST /v1/documents` and `GET /v1/documents/{id}` (FastAPI), behind bearer tokens.

An upload is streamed to a private scratch file with the size limit enforced while reading, then taken in by
the same IntakeService as `docintake ingest` (admitted, stored, recorded, queued; refusals quarantined).
Every upload and every read is audited under the token's name. Error bodies carry codes and generic messages,
never what a document holds.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from docintake.contract import SCHEMA_VERSION
from docintake.errors import TooLarge
from docintake.intake.hook_multipart import FILE_FIELD, BadForm, FormReader, ReceivedForm, boundary_of
from docintake.intake.ingest import IntakeService
from docintake.intake.outcome import IN_PROGRESS, ingest_json
from docintake.intake.records import Arrival, Recorded
from docintake.intake.tokens import SCOPE_READ, SCOPE_WRITE, ApiToken, authenticate
from docintake.storage.api import SqlApiRecords
from docintake.storage.records import SqlRecords

log = logging.getLogger(__name__)

FORM_OVERHEAD = 64 * 1024  # boundaries, part headers and the text fields, on top of the file's own limit
FIELDS = frozenset({"reference_id", "uploader", "metadata"})
IDEMPOTENCY_WAIT_S = 10.0  # a replay waits this long for the first request with its key to be answered
IDEMPOTENCY_STALE = timedelta(minutes=10)  # a reservation older than this was left by a request that died
_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")
_DOCUMENT_ID = re.compile(r"^[0-9a-f]{32}$")


class ApiError(Exception):
    """An HTTP error with a code and a generic message (the only kind of error body the hook sends)."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


@dataclass(frozen=True)
class HookBackend:
    """What the hook needs: the intake path, the records, the hook's own records, limits and scratch space."""

    intake: IntakeService
    records: SqlRecords
    api: SqlApiRecords
    max_bytes: int
    scratch_dir: Path
    intake_concurrency: int = 2  # take-ins at once; the others wait in arrival order (asyncio is FIFO)
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "error": {"code": code, "message": message}}


def status_url(document_id: str, submission_id: str | None = None) -> str:
    """Where a submission's result is answered; a duplicate's names its submission (its own Reference ID's outcome)."""
    return f"/v1/documents/{document_id}" + (f"?submission_id={submission_id}" if submission_id else "")


# -- authentication --------------------------------------------------------------------------------------------

_bearer = HTTPBearer(auto_error=False, description="A token from `docintake tokens add` (stored hashed).")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _require(request: Request, credentials: HTTPAuthorizationCredentials | None, scope: str) -> ApiToken:
    backend: HookBackend = request.app.state.backend
    header = f"Bearer {credentials.credentials}" if credentials else None
    token = authenticate(backend.api, header)
    if token is None:
        raise ApiError(401, "unauthorized", "A valid bearer token is required.",
                       {"WWW-Authenticate": 'Bearer realm="docintake"'})
    if not token.active:
        raise ApiError(403, "forbidden", "This token has been revoked.")
    if not token.allows(scope):
        raise ApiError(403, "forbidden", f"This token lacks the {scope} scope.")
    return token


def writer(request: Request, credentials: Credentials) -> ApiToken:
    return _require(request, credentials, SCOPE_WRITE)


def reader(request: Request, credentials: Credentials) -> ApiToken:
    return _require(request, credentials, SCOPE_READ)


# -- the app ---------------------------------------------------------------------------------------------------

_UPLOAD_BODY = {
    "required": True,
    "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": [FILE_FIELD],
        "properties": {
            FILE_FIELD: {"type": "string", "format": "binary", "description": "the document, at most 25 MB"},
            "reference_id": {"type": "string", "description": "the case it belongs to (checked, never ignored)"},
            "uploader": {"type": "string", "description": "who uploaded it in the portal"},
            "metadata": {"type": "string", "description": "a JSON object of source metadata (kept as given)"},
        },
    }}},
}
_ERROR = {"description": "an error: `{schema_version, error: {code, message}}`"}


def create_app(backend: HookBackend) -> FastAPI:
    """The upload hook's ASGI app (its OpenAPI document at /openapi.json)."""
    app = FastAPI(title="docintake upload hook", version="1", docs_url=None, redoc_url=None,
                  description="Documents from the provider portal into the prior-authorization intake pipeline.")
    app.state.backend = backend
    turns = asyncio.Semaphore(backend.intake_concurrency)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(error_body(error.code, error.message), status_code=error.status, headers=error.headers)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post(
        "/v1/documents", status_code=202, openapi_extra={"requestBody": _UPLOAD_BODY},
        summary="Upload one document (multipart/form-data; optional Idempotency-Key header)",
        responses={202: {"description": "accepted: `{document_id, submission_id, status, duplicate_of, case, "
                                         "review_reasons, status_url}`; `case` and `review_reasons` are known at "
                                         "once for a duplicate of a finished document, else the status URL tells"},
                   400: _ERROR, 401: _ERROR, 403: _ERROR, 409: _ERROR, 413: _ERROR, 415: _ERROR,
                   422: {"description": "refused at admission: `{error: {code, message}, document_id, ...}`"}},
    )
    async def upload_document(request: Request, token: Annotated[ApiToken, Depends(writer)]) -> JSONResponse:
        key = request.headers.get("idempotency-key")
        if key is not None and not _KEY.match(key):
            raise ApiError(400, "bad_request", "Idempotency-Key must be 1-200 visible ASCII characters.")
        upload_id = uuid.uuid4().hex
        folder = backend.scratch_dir / f"upload-{upload_id}"
        folder.mkdir(mode=0o700, parents=True)
        try:
            form = await _receive(request, backend, folder, token, upload_id)
            arrival = _arrival(form, token, key or upload_id, backend.clock())
            async with turns:
                status, body = await run_in_threadpool(_take_in, backend, token, key, form, arrival)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        headers = {"Location": body["status_url"]} if "status_url" in body else {}
        return JSONResponse(body, status_code=status, headers=headers)

    @app.get("/v1/documents/{document_id}", summary="A document's result: the ingest JSON (ARCHITECTURE.md)",
             responses={200: {"description": "the ingest JSON; `status` is `received` or `processing` until final; "
                                             "with `submission_id`, as that submission sees it (a duplicate: "
                                             "`duplicate`, and the case its own Reference ID was linked to)"},
                        401: _ERROR, 403: _ERROR, 404: _ERROR})
    def get_document(document_id: str, token: Annotated[ApiToken, Depends(reader)],
                     submission_id: str | None = None) -> JSONResponse:
        recorded = _submission(backend, document_id, submission_id)
        if recorded is None:
            raise ApiError(404, "not_found", "There is no document with this id.")
        file_name, recorded = recorded
        view = backend.records.ingest_view(document_id)
        body = ingest_json(file_name, recorded, view)
        backend.api.audit(backend.clock(), token.actor, "api.document_read", "document", document_id,
                          evidence={"token_id": token.id, "state": view["state"], "submission_id": submission_id})
        headers = {"Retry-After": "2"} if view["state"] in IN_PROGRESS else {}
        return JSONResponse(body, headers=headers)

    return app


# -- an upload, step by step -----------------------------------------------------------------------------------

async def _receive(request: Request, backend: HookBackend, folder: Path, token: ApiToken,
                   upload_id: str) -> ReceivedForm:
    """Read the body into ``folder`` (413 as soon as the file passes the limit; the rest is never read)."""
    limit = backend.max_bytes + FORM_OVERHEAD
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise ApiError(400, "bad_request", "Content-Length is not a number.")
    if declared is not None and int(declared) > limit:
        raise await run_in_threadpool(_too_large, backend, token, upload_id, "content_length")
    try:
        boundary = boundary_of(request.headers.get("content-type"))
    except BadForm as error:
        raise ApiError(415, "unsupported_media_type", str(error)) from error
    form = FormReader(boundary, folder, max_file_bytes=backend.max_bytes, fields=FIELDS)
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise TooLarge(f"more than {limit:,} bytes")
            form.feed(chunk)
        return form.finish()
    except TooLarge:
        raise await run_in_threadpool(_too_large, backend, token, upload_id, "streaming") from None
    except BadForm as error:
        raise ApiError(400, "bad_request", str(error)) from error
    except ClientDisconnect:
        raise ApiError(400, "bad_request", "The upload was interrupted.") from None
    finally:
        form.close()


def _too_large(backend: HookBackend, token: ApiToken, upload_id: str, how: str) -> ApiError:
    """413: nothing is kept of a body refused for its size (the rest was never read); the refusal is audited."""
    backend.api.audit(backend.clock(), token.actor, "api.upload_refused", "upload", upload_id,
                      new={"code": TooLarge.code}, evidence={"token_id": token.id, "detected_by": how})
    return ApiError(413, TooLarge.code, TooLarge.advice, {"Connection": "close"})


def _arrival(form: ReceivedForm, token: ApiToken, source_ref: str, now: datetime) -> Arrival:
    fields = form.fields
    reference_id = fields.get("reference_id", "").strip().upper() or None
    if reference_id is not None and len(reference_id) > 32:
        raise ApiError(400, "bad_request", "reference_id is longer than a Reference ID can be.")
    uploader = fields.get("uploader", "").strip()[:200] or None
    metadata: Any = {}
    if fields.get("metadata", "").strip():
        try:
            metadata = json.loads(fields["metadata"])
        except ValueError:
            metadata = None
        if not isinstance(metadata, dict):
            raise ApiError(400, "bad_request", "metadata must be a JSON object.")
    return Arrival(file_name=form.file_name, source="upload", received_at=now, source_ref=source_ref,
                   sender={"api_token": token.name, "api_token_id": token.id, "metadata": metadata},
                   uploader=uploader or token.actor, given_reference_id=reference_id)


def _take_in(backend: HookBackend, token: ApiToken, key: str | None, form: ReceivedForm,
             arrival: Arrival) -> tuple[int, dict[str, Any]]:
    """Idempotency first, then the intake path shared with `docintake ingest`; returns (status, body)."""
    api = backend.api
    if key is not None:
        deadline = time.monotonic() + IDEMPOTENCY_WAIT_S
        while True:
            found = api.reserve_key(token.id, key, form.sha256, backend.clock(), IDEMPOTENCY_STALE)
            if found.reserved:
                break
            if found.conflict:
                api.audit(backend.clock(), token.actor, "api.idempotency_conflict", "upload", arrival.source_ref
                          or "", evidence={"token_id": token.id})
                raise ApiError(409, "idempotency_conflict",
                               "This Idempotency-Key was already used with a different file.")
            if found.status_code is not None and found.response is not None:
                subject = found.response.get("document_id") or ""
                api.audit(backend.clock(), token.actor, "api.document_upload_replayed", "document", subject,
                          evidence={"token_id": token.id, "status": found.status_code})
                return found.status_code, found.response
            if time.monotonic() > deadline:
                raise ApiError(409, "idempotency_in_progress",
                               "A request with this Idempotency-Key is still being answered; retry shortly.")
            time.sleep(0.1)
    try:
        recorded = backend.intake.submit_path(form.path, arrival)
    except BaseException:
        if key is not None:
            api.release_key(token.id, key)
        raise
    base = {"schema_version": SCHEMA_VERSION, "document_id": recorded.document_id,
            "submission_id": recorded.submission_id,
            "status_url": status_url(recorded.document_id, recorded.submission_id if recorded.is_duplicate else None)}
    case, reasons = _known_outcome(backend, form.file_name, recorded)

    def answer(refusal: tuple[str, str] | None) -> tuple[int, dict[str, Any]]:
        if refusal is not None:
            return 422, {**error_body(*refusal), **base}
        return 202, {**base, "status": "duplicate" if recorded.is_duplicate else "received",
                     "duplicate_of": recorded.duplicate_of, "case": case, "review_reasons": reasons}

    return api.finish_upload(backend.clock(), token.actor, recorded.document_id,
                             (token.id, key) if key is not None else None, answer,
                             {"token_id": token.id, "submission_id": recorded.submission_id, "size": form.size,
                              "duplicate_of": recorded.duplicate_of})


def _known_outcome(backend: HookBackend, file_name: str, recorded: Recorded
                   ) -> tuple[dict[str, Any] | None, list[str]]:
    """A duplicate of a finished document is decided as it is recorded (linked to its own Reference ID's case, or a
    review reason): its case and reasons as the status URL shows them. Anything else: (None, []) until then."""
    if not recorded.is_duplicate:
        return None, []
    view = backend.records.ingest_view(recorded.document_id)
    if view["state"] in IN_PROGRESS:
        return None, []
    known = ingest_json(file_name, recorded, view)
    return known["case"], known["review_reasons"]


def _submission(backend: HookBackend, document_id: str, submission_id: str | None) -> tuple[str, Recorded] | None:
    """The file name and the Recorded a GET answers for: the document's own, or one submission's of it."""
    if not _DOCUMENT_ID.match(document_id):
        return None
    if submission_id is None:
        file_name = backend.api.document_file_name(document_id)
        return (file_name, Recorded("", document_id)) if file_name is not None else None
    if not _DOCUMENT_ID.match(submission_id):
        return None
    found = backend.api.submission_of(document_id, submission_id)
    if found is None:
        return None
    file_name, duplicate = found
    return file_name, Recorded(submission_id, document_id, document_id if duplicate else None)
