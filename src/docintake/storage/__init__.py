"""Where bytes and records live: object store and database (to come: issue 5)."""
