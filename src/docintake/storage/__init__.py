"""Where bytes and records live: the object store (local folder or MinIO/S3) and the database (SQLAlchemy)."""
