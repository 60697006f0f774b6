"""Alembic migrations, shipped in the package and run by `docintake db upgrade` and on start."""
