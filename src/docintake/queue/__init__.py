"""kombu only: topology, messages, publisher, worker (to come: issue 5)."""
