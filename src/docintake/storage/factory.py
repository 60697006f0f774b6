"""Backends chosen by Settings: the blob store (local folder or S3) and the database engine (migrated)."""

from __future__ import annotations

from sqlalchemy import Engine

from docintake.settings import Settings
from docintake.storage.blobs import BlobStore, LocalBlobStore
from docintake.storage.database import make_engine, upgrade


def blob_store(settings: Settings) -> BlobStore:
    """The configured object store."""
    if settings.blob_backend == "s3":
        from docintake.storage.s3 import MinioBlobStore

        return MinioBlobStore.connect(
            settings.s3_endpoint, settings.s3_access_key, settings.s3_secret_key.get_secret_value(),
            settings.s3_bucket, secure=settings.s3_secure, region=settings.s3_region,
        )
    return LocalBlobStore(settings.blob_dir)


def database(settings: Settings, *, migrate: bool = True) -> Engine:
    """The configured database, its schema brought up to date unless ``migrate`` is false."""
    engine = make_engine(settings.database_url_or_default())
    if migrate:
        upgrade(engine)
    return engine
