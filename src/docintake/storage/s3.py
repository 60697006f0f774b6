"""The MinIO/S3 BlobStore on the `minio` client: same keys as the local folder, originals never overwritten."""

from __future__ import annotations

import hashlib
import io

from minio import Minio
from minio.error import S3Error

from docintake.storage.blobs import check_key, derived_key, original_key


class MinioBlobStore:
    """Objects in one bucket; an original is only written when no object has its key yet."""

    def __init__(self, client: Minio, bucket: str) -> None:
        self.client = client
        self.bucket = bucket

    @classmethod
    def connect(
        cls, endpoint: str, access_key: str, secret_key: str, bucket: str, *, secure: bool = True,
        region: str | None = None,
    ) -> MinioBlobStore:
        """A store on this endpoint; the bucket is created when missing."""
        client = Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=secure, region=region)
        if not client.bucket_exists(bucket):
            client.make_bucket(bucket)
        return cls(client, bucket)

    def put_original(self, data: bytes) -> str:
        key = original_key(hashlib.sha256(data).hexdigest())
        if not self.exists(key):
            self._put(key, data)
        return key

    def put_derived(self, sha256: str, name: str, data: bytes) -> str:
        key = derived_key(sha256, name)
        self._put(key, data)
        return key

    def get(self, key: str) -> bytes:
        check_key(key)
        try:
            response = self.client.get_object(self.bucket, key)
        except S3Error as error:
            if error.code == "NoSuchKey":
                raise KeyError(key) from None
            raise
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def exists(self, key: str) -> bool:
        check_key(key)
        try:
            self.client.stat_object(self.bucket, key)
        except S3Error as error:
            if error.code in ("NoSuchKey", "NotFound", "NoSuchObject"):
                return False
            raise
        return True

    def _put(self, key: str, data: bytes) -> None:
        self.client.put_object(self.bucket, check_key(key), io.BytesIO(data), len(data),
                               content_type="application/octet-stream")
