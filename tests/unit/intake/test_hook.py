"""The upload hook's API on a pipeline of the test's own (SQLite, local folders, filesystem queue; no workers)."""

from __future__ import annotations

import json
import warnings
from datetime import UTC, date, datetime, timedelta

import anyio
import httpx
import jsonschema
import pytest
from sqlalchemy import func, select

from docintake.cases.matching import Identity, match
from docintake.contract import schema
from docintake.intake.assembly import Pipeline
from docintake.intake.hook import FORM_OVERHEAD, create_app
from docintake.intake.hook_server import backend_of
from docintake.intake.records import SegmentResult
from docintake.intake.tokens import SCOPE_READ, SCOPE_WRITE, issue_token
from docintake.settings import Settings
from docintake.storage.tables import Audit, Case, Submission

with warnings.catch_warnings():  # starlette asks for `httpx2`; httpx is what FastAPI's docs and our deps name
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

REQUEST = (b"Prior Authorization Request\nMember ID: W123456789\nPatient Name: Jane Doe\nDOB: 01/05/1960\n"
           b"CPT: 27447\nICD-10: M17.11\nRequesting NPI: 1234567893\n")
EXECUTABLE = b"MZ\x90\x00" + bytes(300)
MAX = 25 * 1024 * 1024


@pytest.fixture
def pipeline(tmp_path):
    service = Pipeline(Settings(data_dir=tmp_path / "data"))
    yield service
    service.stop()


@pytest.fixture
def backend(pipeline):
    return backend_of(pipeline)


@pytest.fixture
def client(backend):
    with TestClient(create_app(backend)) as test_client:
        yield test_client


@pytest.fixture
def tokens(backend):
    """Plain tokens by role: read and write, write only, read only, revoked."""
    now = datetime.now(UTC)
    made = {
        "portal": issue_token(backend.api, "portal", (SCOPE_WRITE, SCOPE_READ), now)[1],
        "writer": issue_token(backend.api, "writer", (SCOPE_WRITE,), now)[1],
        "reader": issue_token(backend.api, "reader", (SCOPE_READ,), now)[1],
        "revoked": issue_token(backend.api, "revoked", (SCOPE_WRITE, SCOPE_READ), now)[1],
    }
    backend.api.revoke_token("revoked", now)
    return made


def auth(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


def upload(client, token, data=REQUEST, name="request.txt", key=None, **fields):
    headers = auth(token, **({"Idempotency-Key": key} if key else {}))
    return client.post("/v1/documents", headers=headers, files={"file": (name, data, "application/octet-stream")},
                       data=fields)


def audit_rows(pipeline, action):
    with pipeline.records.transaction() as session:
        return list(session.scalars(select(Audit).where(Audit.action == action).order_by(Audit.id)))


def submissions(pipeline) -> int:
    with pipeline.records.transaction() as session:
        return session.scalar(select(func.count()).select_from(Submission))


def test_an_upload_is_recorded_queued_and_answered_202(client, tokens, pipeline):
    response = upload(client, tokens["portal"], reference_id="pa1234567897", uploader="clerk-7",
                      metadata=json.dumps({"portal_upload": "U-1"}))
    assert response.status_code == 202, response.text
    body = response.json()
    document_id = body["document_id"]
    assert body["status"] == "received" and body["duplicate_of"] is None
    assert body["case"] is None and body["review_reasons"] == []  # decided by a worker; the status URL tells
    assert body["status_url"] == f"/v1/documents/{document_id}" == response.headers["location"]
    assert pipeline.records.document_state(document_id) == "received"
    with pipeline.records.transaction() as session:
        submission = session.scalar(select(Submission))
    assert submission.source == "upload" and submission.uploader == "clerk-7"
    assert submission.given_reference_id == "PA1234567897" and submission.file_name == "request.txt"
    assert submission.sender["api_token"] == "portal" and submission.sender["metadata"] == {"portal_upload": "U-1"}
    (row,) = audit_rows(pipeline, "api.document_uploaded")
    assert row.actor == "token:portal" and row.subject_id == document_id and row.new_value["status"] == 202
    assert row.evidence["token_id"] and row.evidence["size"] == len(REQUEST)
    assert list((pipeline.settings.tmp_dir).glob("upload-*")) == []  # scratch copies are gone


def test_the_same_bytes_again_are_a_duplicate_of_the_first_document(client, tokens):
    first = upload(client, tokens["portal"]).json()
    again = upload(client, tokens["portal"], name="again.txt").json()
    assert again["status"] == "duplicate" and again["duplicate_of"] == first["document_id"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer dit_not-a-token"},
                                     {"Authorization": "Basic dXNlcjpwYXNz"}])
def test_no_valid_token_is_401(client, tokens, headers):
    for response in (client.post("/v1/documents", headers=headers, files={"file": ("a.txt", REQUEST)}),
                     client.get(f"/v1/documents/{'0' * 32}", headers=headers)):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_a_revoked_token_or_a_missing_scope_is_403(client, tokens):
    assert upload(client, tokens["revoked"]).status_code == 403
    assert upload(client, tokens["reader"]).json()["error"]["code"] == "forbidden"
    document_id = upload(client, tokens["writer"]).json()["document_id"]
    assert client.get(f"/v1/documents/{document_id}", headers=auth(tokens["writer"])).status_code == 403
    assert client.get(f"/v1/documents/{document_id}", headers=auth(tokens["revoked"])).status_code == 403
    assert client.get(f"/v1/documents/{document_id}", headers=auth(tokens["reader"])).status_code == 200


def test_a_declared_content_length_over_the_limit_is_413_before_reading(client, tokens, pipeline):
    response = client.post("/v1/documents", content=b"--x--\r\n",
                           headers=auth(tokens["portal"], **{"Content-Length": str(MAX + FORM_OVERHEAD + 1),
                                                             "Content-Type": "multipart/form-data; boundary=x"}))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    (row,) = audit_rows(pipeline, "api.upload_refused")
    assert row.actor == "token:portal" and row.evidence["detected_by"] == "content_length"
    assert submissions(pipeline) == 0


def test_a_streamed_body_is_refused_413_as_soon_as_the_file_passes_25_mb(backend, tokens, pipeline):
    """Chunked, no Content-Length, 100 MB on offer: the app stops pulling just past the limit."""
    pulled = 0
    chunk = bytes(256 * 1024)

    async def body():
        nonlocal pulled
        yield (b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
               b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
        for _ in range(400):
            pulled += len(chunk)
            yield chunk

    async def send():
        transport = httpx.ASGITransport(app=create_app(backend))
        async with httpx.AsyncClient(transport=transport, base_url="http://hook") as http:
            return await http.post("/v1/documents", content=body(), headers=auth(
                tokens["portal"], **{"Content-Type": "multipart/form-data; boundary=b"}))

    response = anyio.run(send)
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert MAX <= pulled <= MAX + 2 * len(chunk)
    assert audit_rows(pipeline, "api.upload_refused")[0].evidence["detected_by"] == "streaming"
    assert submissions(pipeline) == 0
    assert list(backend.scratch_dir.glob("upload-*")) == []


def test_a_refused_file_is_422_with_its_code_and_kept_in_quarantine(client, tokens, pipeline):
    response = upload(client, tokens["portal"], data=EXECUTABLE, name="invoice.pdf")
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["code"] == "unsupported_format" and body["error"]["message"]
    assert (pipeline.settings.quarantine_dir).glob("*/original")
    (record,) = pipeline.quarantine.records()
    assert record.code == "unsupported_format" and record.file_name == "invoice.pdf" and record.source == "upload"

    result = client.get(body["status_url"], headers=auth(tokens["portal"]))
    assert result.status_code == 200
    ingest = result.json()
    jsonschema.validate(ingest, schema("ingest"))
    assert ingest["status"] == "quarantined" and ingest["quarantine"]["code"] == "unsupported_format"
    assert ingest["file"] == "invoice.pdf" and ingest["document_id"] == body["document_id"]


def test_an_empty_file_is_422_empty(client, tokens):
    response = upload(client, tokens["portal"], data=b"", name="blank.pdf")
    assert response.status_code == 422 and response.json()["error"]["code"] == "empty"


def test_the_same_idempotency_key_replays_the_first_answer_or_conflicts(client, tokens, pipeline):
    first = upload(client, tokens["portal"], key="order-17")
    replay = upload(client, tokens["portal"], key="order-17", name="renamed.txt")
    assert first.status_code == replay.status_code == 202
    assert replay.json() == first.json()
    assert submissions(pipeline) == 1  # the replay took nothing in
    assert audit_rows(pipeline, "api.document_upload_replayed")[0].subject_id == first.json()["document_id"]

    conflict = upload(client, tokens["portal"], data=REQUEST + b"\nmore", key="order-17")
    assert conflict.status_code == 409 and conflict.json()["error"]["code"] == "idempotency_conflict"
    assert submissions(pipeline) == 1

    refused = upload(client, tokens["portal"], data=EXECUTABLE, key="order-18")
    assert upload(client, tokens["portal"], data=EXECUTABLE, key="order-18").json() == refused.json()
    assert refused.status_code == 422

    # Keys belong to a token: another token's key of the same name is its own.
    other = upload(client, tokens["writer"], data=REQUEST + b"\nother", key="order-17")
    assert other.status_code == 202 and other.json()["document_id"] != first.json()["document_id"]


def test_a_malformed_idempotency_key_is_400(client, tokens):
    response = upload(client, tokens["portal"], key="x" * 201)
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_request"


@pytest.mark.parametrize("kwargs, status", [
    ({"files": {"other": ("a.txt", REQUEST)}}, 400),  # no part named "file"
    ({"files": {"file": ("a.txt", REQUEST)}, "data": {"patient": "x"}}, 400),  # an unknown field
    ({"files": {"file": ("a.txt", REQUEST)}, "data": {"metadata": "[1, 2]"}}, 400),  # metadata not an object
    ({"content": REQUEST, "headers": {"Content-Type": "text/plain"}}, 415),
])
def test_a_form_the_api_does_not_expect_is_refused_without_quoting_it(client, tokens, pipeline, kwargs, status):
    headers = {**auth(tokens["portal"]), **kwargs.pop("headers", {})}
    response = client.post("/v1/documents", headers=headers, **kwargs)
    assert response.status_code == status
    assert "Jane" not in response.text and "W123456789" not in response.text
    assert submissions(pipeline) == 0


def test_get_unknown_documents_is_404(client, tokens):
    for document_id in ("0" * 32, "not-an-id"):
        response = client.get(f"/v1/documents/{document_id}", headers=auth(tokens["portal"]))
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_get_shows_a_document_still_processing_and_every_read_is_audited(client, tokens, pipeline):
    document_id = upload(client, tokens["portal"]).json()["document_id"]
    response = client.get(f"/v1/documents/{document_id}", headers=auth(tokens["reader"]))
    body = response.json()
    assert body["status"] == "received" and body["document_id"] == document_id and body["file"] == "request.txt"
    assert response.headers["retry-after"]
    assert set(schema("ingest")["required"]) <= set(body)
    client.get(f"/v1/documents/{document_id}", headers=auth(tokens["portal"]))
    reads = audit_rows(pipeline, "api.document_read")
    assert [r.actor for r in reads] == ["token:reader", "token:portal"]
    assert {r.subject_id for r in reads} == {document_id}


def test_openapi_lists_both_routes_and_bearer_auth(client):
    document = client.get("/openapi.json").json()
    assert "post" in document["paths"]["/v1/documents"]
    assert "get" in document["paths"]["/v1/documents/{document_id}"]
    post = document["paths"]["/v1/documents"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert {"202", "401", "403", "409", "413", "422"} <= set(post["responses"])
    assert any(s.get("scheme") == "bearer" for s in document["components"]["securitySchemes"].values())


def test_tokens_are_stored_only_as_hashes(backend, tokens, pipeline):
    pipeline.records.engine.dispose()  # flush the WAL into the file we read
    data_dir = pipeline.settings.data_dir
    stored = b"".join(p.read_bytes() for p in data_dir.glob("docintake.db*"))
    for plain in tokens.values():
        assert plain.encode() not in stored
    listed = {t.name: t for t in backend.api.list_tokens()}
    assert set(listed) == {"portal", "writer", "reader", "revoked"}
    assert not listed["revoked"].active and listed["portal"].active


# -- duplicates: the 202 names the case a duplicate's own Reference ID was linked to, once that is decided -------

CASE_A, CASE_B = "PA1234567897", "PA9876543217"
FIELDS = {
    "reference_id": None, "npi": [], "cpt": [], "hcpcs": [], "icd10": [], "service_date": None, "urgent": None,
    "policy_id": {"value": "W123456789", "confidence": 0.95, "page": 1, "bbox": None, "explanation": "t"},
    "dob": {"value": "1960-01-05", "confidence": 0.95, "page": 1, "bbox": None, "explanation": "t"},
    "patient_name": {"value": {"first": "Jane", "last": "Doe"}, "confidence": 0.95, "page": 1, "bbox": None,
                     "explanation": "t"},
}


@pytest.fixture
def cases(pipeline):
    now = datetime.now(UTC)
    with pipeline.records.transaction() as session:
        for reference_id in (CASE_A, CASE_B):
            session.add(Case(reference_id=reference_id, status="open", policy_id="W123456789", dob=date(1960, 1, 5),
                             first_name="Jane", last_name="Doe", codes={}, urgent=False, origin="import",
                             created_at=now, updated_at=now))
    return pipeline


def finish(pipeline, document_id):
    """What a worker does with the document (matched on FIELDS; its own given Reference ID first)."""
    now = datetime.now(UTC)
    claim = pipeline.records.claim(document_id, "w1", now, timedelta(minutes=5))

    def decide(store):
        decision = match(Identity.from_json(FIELDS), store, now, given_reference_id=claim.given_reference_id)
        return [SegmentResult((1, 1), "pa_request_form", FIELDS, decision)]

    return pipeline.records.complete(claim, "w1", now, extraction={"fields": FIELDS}, pipeline_version="t",
                                     decide=decide)


def test_a_duplicate_of_a_finished_document_names_its_linked_case_in_the_202(client, tokens, cases):
    first = upload(client, tokens["portal"], reference_id=CASE_A).json()
    assert finish(cases, first["document_id"]) == "attached"
    response = upload(client, tokens["portal"], name="again.txt", reference_id=CASE_B)
    assert response.status_code == 202
    body = response.json()
    assert (body["status"], body["duplicate_of"], body["case"], body["review_reasons"]) == (
        "duplicate", first["document_id"], {"reference_id": CASE_B, "match": "reference_id"}, [])
    expected = f"/v1/documents/{first['document_id']}?submission_id={body['submission_id']}"
    assert body["status_url"] == expected == response.headers["location"]
    # The status URL answers the same, in the ingest JSON; the document's own answer is unchanged.
    shown = client.get(body["status_url"], headers=auth(tokens["portal"])).json()
    jsonschema.validate(shown, schema("ingest"))
    assert {k: shown[k] for k in ("status", "case", "review_reasons", "duplicate_of", "document_id")} == {
        k: body[k] for k in ("status", "case", "review_reasons", "duplicate_of", "document_id")}
    assert shown["file"] == "again.txt"
    own = client.get(first["status_url"], headers=auth(tokens["portal"])).json()
    assert (own["status"], own["case"]) == ("attached", {"reference_id": CASE_A, "match": "reference_id"})


def test_a_duplicate_naming_an_unknown_case_of_a_finished_document_gets_the_reason_in_its_202(client, tokens, cases):
    first = upload(client, tokens["portal"], reference_id=CASE_A).json()
    finish(cases, first["document_id"])
    body = upload(client, tokens["portal"], name="again.txt", reference_id="PA1234567890").json()
    assert (body["status"], body["case"], body["review_reasons"]) == ("duplicate", None, ["invalid:reference_id"])


def test_a_duplicate_of_a_document_still_being_read_is_answered_by_its_status_url(client, tokens, cases):
    first = upload(client, tokens["portal"]).json()
    body = upload(client, tokens["portal"], name="again.txt", reference_id=CASE_B).json()
    assert (body["status"], body["case"], body["review_reasons"]) == ("duplicate", None, [])  # not decided yet
    pending = client.get(body["status_url"], headers=auth(tokens["portal"]))
    assert (pending.json()["status"], pending.json()["case"]) == ("received", None)
    assert pending.headers["retry-after"]
    # Member + DOB fits both open cases: the document goes to review; the duplicate named B and is linked to it.
    assert finish(cases, first["document_id"]) == "review"
    shown = client.get(body["status_url"], headers=auth(tokens["portal"])).json()
    jsonschema.validate(shown, schema("ingest"))
    assert (shown["status"], shown["case"]) == ("duplicate", {"reference_id": CASE_B, "match": "reference_id"})
    reads = audit_rows(cases, "api.document_read")
    assert reads[-1].evidence["submission_id"] == body["submission_id"]


def test_a_submission_of_another_document_is_404(client, tokens):
    first = upload(client, tokens["portal"]).json()
    other = upload(client, tokens["portal"], data=REQUEST + b"\nother").json()
    for submission_id in (other["submission_id"], "not-an-id"):
        response = client.get(f"/v1/documents/{first['document_id']}?submission_id={submission_id}",
                              headers=auth(tokens["portal"]))
        assert response.status_code == 404
    own = client.get(f"/v1/documents/{first['document_id']}?submission_id={first['submission_id']}",
                     headers=auth(tokens["portal"]))
    assert own.status_code == 200 and own.json()["status"] == "received"
