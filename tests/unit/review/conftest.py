"""Documents waiting for review, made directly as the pipeline leaves them."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from docintake.storage.cases import SqlCaseStore
from docintake.storage.review import SqlReview
from docintake.storage.tables import Case, CaseLink, Document, Segment, Submission
from docintake.storage.users import Policy, SqlUsers

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
REF_OPEN = "PA0000000018"  # a valid check digit (tests/unit/cases use the same generator)


def field(value, confidence=0.95, page=1, bbox=(0.1, 0.2, 0.3, 0.25)):
    return {"value": value, "confidence": confidence, "page": page, "bbox": list(bbox) if bbox else None,
            "explanation": "test"}


def fields(**overrides):
    base = {
        "reference_id": None, "policy_id": field("W123456789"), "dob": field("1970-03-04"),
        "patient_name": field({"first": "Ada", "last": "Quill"}), "npi": [field("1234567893")],
        "cpt": [field("27447")], "hcpcs": [], "icd10": [field("M17.11")], "service_date": field("2026-12-01"),
        "urgent": field(False, 0.95),
    }
    base.update(overrides)
    return base


@pytest.fixture
def review(records):
    return SqlReview(records, threshold=0.9, draft_ttl=timedelta(hours=96))


@pytest.fixture
def users(engine):
    return SqlUsers(engine, Policy())


@pytest.fixture
def clerk(users):
    account = users.add("clerk1", "correct horse battery", "clerk", NOW)
    return account.id, account.username


def add_case(records, reference_id=REF_OPEN, policy_id="W123456789", dob=date(1970, 3, 4), last="Quill",
             status="open"):
    with records.transaction() as session:
        session.add(Case(reference_id=reference_id, status=status, policy_id=policy_id, dob=dob, first_name="Ada",
                         last_name=last, plan="Gold", codes={"cpt": ["99213"]}, urgent=False, origin="import",
                         created_at=NOW, updated_at=NOW, expires_at=None))


def add_document(records, *, segments=None, state="review", reasons=("low_confidence:policy_id",),
                 urgent=False, created=NOW, link_to=None, quarantine_code=None, blob_key="x/original",
                 name="fax.tif"):
    """A document as `complete` leaves it: its segments (pages, fields, reasons) and optional links."""
    document_id = uuid.uuid4().hex
    segments = segments if segments is not None else [((1, 1), fields(), list(reasons))]
    whole = segments[0][1] if segments else fields()
    with records.transaction() as session:
        session.add(Document(
            id=document_id, sha256=uuid.uuid4().hex * 2, size=10, format="tiff", mime="image/tiff",
            blob_key=blob_key, file_name=name, state=state, available_at=created, attempts=1,
            extraction={"pages": max((s[0][1] for s in segments), default=1), "ocr": "full",
                        "document_type": {"value": "pa_request_form", "confidence": 0.9},
                        "fields": {**whole, "urgent": field(urgent, 0.95)}},
            review_reasons=list(reasons), quarantine_code=quarantine_code,
            quarantine_message="kept" if quarantine_code else None, created_at=created, updated_at=created,
            finished_at=created,
        ))
        session.flush()
        session.add(Submission(id=uuid.uuid4().hex, source="fax", file_name=name, sender={}, received_at=created,
                               recorded_at=created, document_id=document_id, duplicate=False))
        ids = []
        for (first, last), seg_fields, seg_reasons in segments:
            segment = Segment(id=uuid.uuid4().hex, document_id=document_id, first_page=first, last_page=last,
                              document_type="pa_request_form", fields=seg_fields, status="review",
                              review_reasons=list(seg_reasons), created_at=created)
            session.add(segment)
            session.flush()
            ids.append(segment.id)
            if link_to:
                case = SqlCaseStore(session, records.span).row(link_to)
                session.add(CaseLink(segment_id=segment.id, case_id=case.id, method="reference_id", evidence={},
                                     created_at=created))
    return document_id, ids
