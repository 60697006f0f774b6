"""Publishing "work on document X" with producers from kombu's connection pool; persistent, JSON, retried."""

from __future__ import annotations

from kombu import Connection
from kombu.pools import producers

from docintake.queue.messages import document_message
from docintake.queue.topology import WORK_KEY, Topology

_RETRY = {"max_retries": 5, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 3.0}


class KombuPublisher:
    """The Publisher of intake and the reconciler, on one connection (its pool gives each thread a producer)."""

    def __init__(self, connection: Connection, topology: Topology) -> None:
        self.connection = connection
        self.topology = topology

    def publish(self, document_id: str) -> None:
        with producers[self.connection].acquire(block=True, timeout=30) as producer:
            producer.publish(
                document_message(document_id), exchange=self.topology.exchange, routing_key=WORK_KEY,
                serializer="json", delivery_mode="persistent", declare=[self.topology.work],
                retry=True, retry_policy=_RETRY,
            )
