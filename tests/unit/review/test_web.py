"""The review UI's HTTP side without a browser: sign-in, CSRF, roles, field saves, page images, audit."""

from __future__ import annotations

import io
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from docintake.review.pages import PageRenderer
from docintake.review.web import ReviewBackend, install
from docintake.settings import Settings
from docintake.storage.api import SqlApiRecords
from docintake.storage.blobs import MemoryBlobStore
from docintake.storage.tables import Audit

from .conftest import NOW, REF_OPEN, add_case, add_document, field, fields

GOOD = "correct horse battery"


def _app(tmp_path, records, review, users, *, secure=False):
    settings = Settings(data_dir=tmp_path, review_cookie_secure=secure)
    blobs = MemoryBlobStore()
    app = FastAPI()
    backend = ReviewBackend(review=review, users=users, pages=PageRenderer(blobs, settings),
                            api=SqlApiRecords(records.engine), settings=settings, clock=lambda: NOW)
    install(app, backend)
    return app, blobs


@pytest.fixture
def web(tmp_path, records, review, users):
    users.add("clerk1", GOOD, "clerk", NOW)
    users.add("admin1", GOOD, "admin", NOW)
    app, blobs = _app(tmp_path, records, review, users)
    client = TestClient(app, follow_redirects=False)
    client.blobs = blobs
    return client


def sign_in(client, name="clerk1", password=GOOD):
    page = client.get("/review/login")
    pre = re.search(r'name="pre" value="([^"]+)"', page.text).group(1)
    return client.post("/review/login", data={"pre": pre, "username": name, "password": password})


def csrf_of(html):
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_pages_need_a_session(web):
    for path in ("/review/queue", "/review/documents/abc", "/review/admin/users"):
        answer = web.get(path)
        assert answer.status_code == 303 and answer.headers["location"].endswith("/review/login")


def test_sign_in_sets_a_strict_httponly_cookie_and_lands_on_the_queue(web):
    answer = sign_in(web)
    assert answer.status_code == 303 and answer.headers["location"] == "/review/queue"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    queue = web.get("/review/queue")
    assert queue.status_code == 200 and "Review queue" in queue.text
    assert queue.headers["cache-control"] == "no-store" and "frame-ancestors 'none'" in \
        queue.headers["content-security-policy"]


def test_secure_cookies_use_the_host_prefix(tmp_path, records, review, users):
    users.add("clerk1", GOOD, "clerk", NOW)
    app, _ = _app(tmp_path, records, review, users, secure=True)
    client = TestClient(app, base_url="https://testserver", follow_redirects=False)
    cookie = sign_in(client).headers["set-cookie"]
    assert cookie.startswith("__Host-docintake=") and "Secure" in cookie and "Path=/" in cookie


def test_a_bad_password_fails_and_the_third_locks(web, users):
    for _ in range(3):
        answer = sign_in(web, password="wrong password")
        assert answer.status_code == 401 and "Sign-in failed" in answer.text
    assert sign_in(web).status_code == 401
    assert users.find("clerk1").locked(NOW)


def test_a_form_without_its_csrf_token_is_refused(web, records, review):
    document_id, (segment_id,) = add_document(records)
    sign_in(web)
    version = review.document(document_id).version
    data = {"version": version, "segment": segment_id, "field": "dob", "value": "1970-03-04", "op": "save"}
    assert web.post(f"/review/documents/{document_id}/fields", data=data).status_code == 403
    assert web.post(f"/review/documents/{document_id}/fields", data={**data, "csrf": "forged"}).status_code == 403
    html = web.get(f"/review/documents/{document_id}").text
    answer = web.post(f"/review/documents/{document_id}/fields", data={**data, "csrf": csrf_of(html)},
                      headers={"Origin": "https://evil.example"})
    assert answer.status_code == 403
    answer = web.post(f"/review/documents/{document_id}/fields", data={**data, "csrf": csrf_of(html)},
                      headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.json()["version"] != version


def test_a_clerk_cannot_reach_admin_pages(web):
    sign_in(web)
    for path in ("/review/admin/users", "/review/admin/tokens", "/review/admin/audit",
                 "/review/admin/corrections.jsonl"):
        assert web.get(path).status_code == 403


def test_an_admin_manages_users_and_tokens(web, users):
    sign_in(web, "admin1")
    html = web.get("/review/admin/users").text
    assert "clerk1" in html
    answer = web.post("/review/admin/users", data={"csrf": csrf_of(html), "username": "clerk2",
                                                   "password": "another long one", "role": "clerk"})
    assert answer.status_code == 303 and users.find("clerk2") is not None
    tokens = web.get("/review/admin/tokens").text
    made = web.post("/review/admin/tokens", data={"csrf": csrf_of(tokens), "name": "portal",
                                                  "scopes": ["documents:write"]})
    assert made.status_code == 200 and re.search(r"dit_[A-Za-z0-9_-]{20,}", made.text)
    audit = web.get("/review/admin/audit").text
    assert "token.created" in audit and "admin1" in audit


def test_a_document_page_lists_values_and_an_error_names_fields_only(web, records, review):
    add_case(records)
    document_id, (segment_id,) = add_document(records, segments=[
        ((1, 1), fields(icd10=[field("M17.11", 0.5)]), ["low_confidence:icd10"])])
    sign_in(web)
    html = web.get(f"/review/documents/{document_id}").text
    assert 'value="W123456789"' in html and 'data-bbox="0.1,0.2,0.3,0.25"' in html
    answer = web.post(f"/review/documents/{document_id}/attach", data={
        "csrf": csrf_of(html), "version": review.document(document_id).version, "segment": segment_id,
        "reference_id": REF_OPEN})
    assert answer.status_code == 303
    assert "M17.11" not in answer.headers["location"] and "icd10" in answer.headers["location"]
    assert "Confirm or correct" in web.get(answer.headers["location"]).text


def test_a_page_image_is_rendered_once_and_audited(web, records, engine):
    image = Image.new("L", (850, 1100), 255)
    data = io.BytesIO()
    image.save(data, format="PNG", dpi=(100, 100))
    key = web.blobs.put_original(data.getvalue())
    document_id, _ = add_document(records, blob_key=key)
    with records.transaction() as session:
        from docintake.storage.tables import Document

        doc = session.get(Document, document_id)
        doc.format, doc.mime, doc.sha256 = "png", "image/png", key.split("/")[0]
    sign_in(web)
    first = web.get(f"/review/documents/{document_id}/pages/1")
    assert first.status_code == 200 and first.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(first.content)).width == 850
    assert web.blobs.exists(f"{key.split('/')[0]}/page-0001.png")
    assert web.get(f"/review/documents/{document_id}/pages/2").status_code == 404
    with engine.connect() as connection:
        assert connection.execute(select(Audit).where(Audit.action == "page.viewed")).first() is not None


def test_a_clerk_is_told_who_else_has_the_document_open(web, records, users):
    document_id, _ = add_document(records)
    users.add("clerk2", GOOD, "clerk", NOW)
    sign_in(web)
    assert 'id="others"' not in web.get(f"/review/documents/{document_id}").text
    other = TestClient(web.app, follow_redirects=False)
    sign_in(other, "clerk2")
    other.get(f"/review/documents/{document_id}")
    html = web.get(f"/review/documents/{document_id}").text
    assert 'id="others"' in html and "clerk2" in html


def test_case_search_is_a_post_with_its_csrf_token(web, records):
    add_case(records)
    document_id, _ = add_document(records)
    sign_in(web)
    csrf = csrf_of(web.get(f"/review/documents/{document_id}").text)
    assert web.get("/review/cases?q=W123456789").status_code == 405  # never a value in a URL
    assert web.post("/review/cases", data={"q": "W123456789"}).status_code == 403
    found = web.post("/review/cases", data={"q": "w123-456-789", "csrf": csrf},
                     headers={"Accept": "application/json"}).json()
    assert [c["reference_id"] for c in found] == [REF_OPEN] and found[0]["status"] == "open"


def test_a_flow_documents_values_get_boxes_found_in_its_text(web, records):
    key = web.blobs.put_original(b"Prior Authorization Request\nMember ID: W123-456-789\nDOB: 03/04/1970\n")
    document_id, _ = add_document(records, blob_key=key)
    with records.transaction() as session:
        from docintake.storage.tables import Document

        doc = session.get(Document, document_id)
        doc.format, doc.mime, doc.sha256 = "txt", "text/plain", key.split("/")[0]
    segment_fields = fields(policy_id=field("W123456789", bbox=None), dob=field("1970-03-04", bbox=None),
                            patient_name=field({"first": "Ada", "last": "Quill"}, bbox=None))
    with records.transaction() as session:
        from docintake.storage.tables import Segment

        session.scalars(select(Segment).where(Segment.document_id == document_id)).one().fields = segment_fields
    sign_in(web)
    html = web.get(f"/review/documents/{document_id}").text
    member = re.search(r'id="f-[0-9a-f]+-policy_id-x"[^>]*>', html, re.S).group(0)
    assert "data-bbox=" in member
    name = re.search(r'id="f-[0-9a-f]+-patient_name-x"[^>]*>', html, re.S).group(0)
    assert "data-bbox=" not in name  # "Quill" is not on this page


def test_a_later_uploads_reference_id_is_settled_on_the_document_page(web, records, review):
    from .test_review_service import _pending_upload

    document_id, _ = add_document(records, state="attached", reasons=())
    submission_id = _pending_upload(records, document_id)
    sign_in(web)
    assert document_id in web.get("/review/queue").text
    html = web.get(f"/review/documents/{document_id}").text
    assert f'id="upload-{submission_id}"' in html and "PA0000000026" in html
    answer = web.post(f"/review/documents/{document_id}/uploads/{submission_id}/dismiss",
                      data={"csrf": csrf_of(html), "version": review.document(document_id).version})
    assert answer.status_code == 303 and answer.headers["location"].startswith("/review/queue")
    assert document_id not in web.get("/review/queue").text


def test_the_fax_servers_sender_and_page_count_are_shown(web, records):
    from docintake.storage.tables import Submission

    document_id, _ = add_document(records)
    with records.transaction() as session:
        submission = session.scalars(select(Submission).where(Submission.document_id == document_id)).one()
        submission.sender = {"sidecar": "xml", "sender_number": "+15555550199", "pages": 3}
    sign_in(web)
    html = web.get(f"/review/documents/{document_id}").text
    assert "from +15555550199" in html and "the fax server counted 3 pages" in html
