"""The worker: a kombu ConsumerMixin with prefetch 1 that acks only after the result is committed.

The database decides what happens to a document (claim, retry, quarantine, result); the message only says
which one. A message that can never be processed goes to the dead-letter queue; a failure of our own
infrastructure (database down) puts the message back after a pause, never log-and-ack.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from kombu import Connection, Consumer, Message
from kombu.mixins import ConsumerMixin

from docintake.queue.messages import BadMessage, parse_document_message
from docintake.queue.topology import DEAD_KEY, Topology, natively_dead_letters

log = logging.getLogger(__name__)


class DocumentWorker(ConsumerMixin):
    """Consumes the work queue; ``handle(document_id)`` returns once the outcome is committed."""

    def __init__(self, connection: Connection, topology: Topology, handle: Callable[[str], object], *,
                 infrastructure_pause_s: float = 2.0) -> None:
        self.connection = connection
        self.topology = topology
        self.handle = handle
        self.pause = infrastructure_pause_s
        self._stopped = threading.Event()

    def get_consumers(self, consumer_class: type[Consumer], channel: Any) -> list[Consumer]:
        return [consumer_class(queues=[self.topology.work], callbacks=[self.on_message], accept=["json"],
                               prefetch_count=1)]

    def on_message(self, body: object, message: Message) -> None:
        try:
            document_id = parse_document_message(body)
        except BadMessage as error:
            log.warning("dead-lettering a message: %s", error)
            self.dead_letter(body, message)
            return
        try:
            self.handle(document_id)
        except Exception as error:  # the database or object store is away: the message goes back, later
            log.error("document %s: %s; message requeued", document_id, type(error).__name__)
            self._stopped.wait(self.pause)
            message.requeue()
            return
        message.ack()

    def dead_letter(self, body: object, message: Message) -> None:
        if natively_dead_letters(self.connection):
            message.reject(requeue=False)
            return
        # Virtual transports ignore x-dead-letter-exchange: route it ourselves, then ack the original.
        with self.connection.Producer() as producer:
            producer.publish(body if isinstance(body, dict) else {"raw": str(body)[:200]},
                             exchange=self.topology.dead_exchange, routing_key=DEAD_KEY, serializer="json",
                             declare=[self.topology.dead])
        message.ack()

    def stop(self) -> None:
        self.should_stop = True
        self._stopped.set()
