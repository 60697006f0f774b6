"""The BlobStore Protocol and its local-folder backend: content-addressed by SHA-256, originals immutable.

Keys: ``<sha256>/original`` for the bytes as they arrived; derived artifacts (page images, extraction JSON)
sit beside them as ``<sha256>/<name>``. The local backend shards folders by the first two hex digits.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path
from typing import Protocol

_KEY = re.compile(r"^[0-9a-f]{64}/[A-Za-z0-9._-]{1,100}$")
ORIGINAL = "original"


class BlobExists(Exception):
    """An original is immutable: different bytes under an existing original key are refused."""


def original_key(sha256: str) -> str:
    return f"{sha256}/{ORIGINAL}"


def derived_key(sha256: str, name: str) -> str:
    """The key of an artifact derived from the original with this SHA-256 (e.g. ``extraction.json``)."""
    if name == ORIGINAL:
        raise ValueError("'original' is reserved for the bytes as they arrived")
    return f"{sha256}/{name}"


def check_key(key: str) -> str:
    if not _KEY.match(key) or ".." in key:
        raise ValueError("not a blob key")
    return key


class BlobStore(Protocol):
    """Where the bytes live. Originals are written once; derived artifacts may be replaced."""

    def put_original(self, data: bytes) -> str:
        """Store the bytes under their SHA-256 (a no-op when already there); returns the key."""
        ...

    def put_derived(self, sha256: str, name: str, data: bytes) -> str: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...


class LocalBlobStore:
    """A private folder: files 0600, folders 0700, written to a temporary name then renamed (atomic)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        check_key(key)
        return self.root / key[:2] / key

    def put_original(self, data: bytes) -> str:
        key = original_key(hashlib.sha256(data).hexdigest())
        if not self._path(key).exists():
            self._write(key, data)
        return key

    def put_derived(self, sha256: str, name: str, data: bytes) -> str:
        key = derived_key(sha256, name)
        self._write(key, data)
        return key

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise KeyError(key) from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def _write(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        staging = path.parent / f".incoming-{uuid.uuid4().hex}"
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(staging, path)
        except BaseException:
            staging.unlink(missing_ok=True)
            raise


class MemoryBlobStore:
    """A BlobStore in a dict, for unit tests."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def put_original(self, data: bytes) -> str:
        key = original_key(hashlib.sha256(data).hexdigest())
        self.blobs.setdefault(key, data)
        return key

    def put_derived(self, sha256: str, name: str, data: bytes) -> str:
        key = derived_key(sha256, name)
        self.blobs[check_key(key)] = data
        return key

    def get(self, key: str) -> bytes:
        return self.blobs[key]

    def exists(self, key: str) -> bool:
        return key in self.blobs
