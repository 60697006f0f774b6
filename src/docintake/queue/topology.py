"""The one place the broker's shape is declared: a durable direct exchange, the work queue, its dead letters.

RabbitMQ dead-letters rejected messages natively (x-dead-letter-exchange). kombu's virtual transports
(memory, filesystem) ignore those arguments, so the worker routes dead letters itself there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kombu import Connection, Exchange, Queue

WORK_KEY = "document"
DEAD_KEY = "document.dead"


@dataclass(frozen=True)
class Topology:
    exchange: Exchange
    dead_exchange: Exchange
    work: Queue
    dead: Queue

    @classmethod
    def named(cls, prefix: str) -> Topology:
        exchange = Exchange(prefix, type="direct", durable=True)
        dead_exchange = Exchange(f"{prefix}.dead", type="direct", durable=True)
        work = Queue(
            f"{prefix}.documents", exchange, routing_key=WORK_KEY, durable=True,
            queue_arguments={"x-dead-letter-exchange": dead_exchange.name, "x-dead-letter-routing-key": DEAD_KEY},
        )
        dead = Queue(f"{prefix}.documents.dead", dead_exchange, routing_key=DEAD_KEY, durable=True)
        return cls(exchange, dead_exchange, work, dead)

    def declare(self, connection: Connection) -> None:
        """Declare exchanges, queues and bindings (idempotent)."""
        with connection.channel() as channel:
            for queue in (self.work, self.dead):
                queue.bind(channel).declare()


def embedded_url_and_options(queue_dir: Path) -> tuple[str, dict[str, Any]]:
    """kombu's filesystem transport in the data directory: no server; what is published survives a restart."""
    folders = {name: queue_dir / name for name in ("messages", "control", "processed")}
    for folder in folders.values():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return "filesystem://", {
        "data_folder_in": str(folders["messages"]),
        "data_folder_out": str(folders["messages"]),
        "control_folder": str(folders["control"]),
        "processed_folder": str(folders["processed"]),
        "store_processed": False,
        "polling_interval": 0.2,
    }


def connect(broker_url: str | None, queue_dir: Path) -> Connection:
    """A connection to the configured broker, or to the embedded filesystem transport when none is set."""
    if broker_url is None:
        _url, options = embedded_url_and_options(queue_dir)
        return Connection(transport="filesystem", hostname="localhost", transport_options=options)
    return Connection(broker_url, heartbeat=30)


def natively_dead_letters(connection: Connection) -> bool:
    """Whether the broker itself routes rejected messages to the dead-letter exchange."""
    return connection.transport.driver_type == "amqp"
