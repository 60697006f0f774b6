"""The MinIO/S3 BlobStore against moto's S3 server on loopback."""

from __future__ import annotations

import hashlib
import uuid

import pytest

from docintake.storage.s3 import MinioBlobStore

pytestmark = pytest.mark.s3


@pytest.fixture
def store(s3_endpoint):
    return MinioBlobStore.connect(s3_endpoint, "testing", "testing", f"docintake-{uuid.uuid4().hex[:12]}",
                                  secure=False, region="us-east-1")


def test_originals_round_trip_under_their_sha256(store):
    data = b"%PDF-1.7 synthetic original"
    key = store.put_original(data)
    assert key == f"{hashlib.sha256(data).hexdigest()}/original"
    assert store.exists(key) and store.get(key) == data


def test_an_original_is_written_once(store, monkeypatch):
    key = store.put_original(b"abc")
    writes = []
    monkeypatch.setattr(store, "_put", lambda *args: writes.append(args))
    assert store.put_original(b"abc") == key and writes == []


def test_derived_artifacts_sit_beside_the_original(store):
    sha = hashlib.sha256(b"abc").hexdigest()
    store.put_original(b"abc")
    key = store.put_derived(sha, "extraction.json", b"{}")
    assert key == f"{sha}/extraction.json" and store.get(key) == b"{}"


def test_missing_objects(store):
    assert not store.exists("0" * 64 + "/original")
    with pytest.raises(KeyError):
        store.get("0" * 64 + "/original")
