"""The local-folder BlobStore: content-addressed, private files, immutable originals, derived artifacts beside."""

from __future__ import annotations

import hashlib
import stat

import pytest

from docintake.storage.blobs import LocalBlobStore, MemoryBlobStore, derived_key


@pytest.fixture(params=["local", "memory"])
def store(request, tmp_path):
    return LocalBlobStore(tmp_path / "objects") if request.param == "local" else MemoryBlobStore()


def test_originals_are_keyed_by_their_sha256_and_read_back(store):
    key = store.put_original(b"%PDF-1.7 synthetic")
    assert key == f"{hashlib.sha256(b'%PDF-1.7 synthetic').hexdigest()}/original"
    assert store.get(key) == b"%PDF-1.7 synthetic" and store.exists(key)


def test_storing_the_same_bytes_again_changes_nothing(store):
    assert store.put_original(b"abc") == store.put_original(b"abc")


def test_derived_artifacts_sit_beside_the_original_and_cannot_replace_it(store):
    sha = hashlib.sha256(b"abc").hexdigest()
    store.put_original(b"abc")
    key = store.put_derived(sha, "extraction.json", b"{}")
    assert key.startswith(sha + "/") and store.get(key) == b"{}"
    with pytest.raises(ValueError):
        derived_key(sha, "original")
    assert store.get(f"{sha}/original") == b"abc"


def test_missing_keys_raise_key_error(store):
    with pytest.raises(KeyError):
        store.get("0" * 64 + "/original")


def test_local_files_are_private_and_keys_cannot_escape(tmp_path):
    store = LocalBlobStore(tmp_path / "objects")
    key = store.put_original(b"abc")
    path = store._path(key)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with pytest.raises(ValueError):
        store.get("../../etc/passwd")
