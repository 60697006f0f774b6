"""kombu only: topology (exchanges, queues, dead letters), messages, the publisher, the worker, the reconciler."""
