"""The clerks' review web UI (to come: issue 6)."""
