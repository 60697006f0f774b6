"""The kombu worker on memory://: JSON ids only, ack after the handler returns, dead letters, requeue on outage."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from kombu import Connection

from docintake.queue.messages import BadMessage, document_message, parse_document_message
from docintake.queue.publisher import KombuPublisher
from docintake.queue.topology import Topology
from docintake.queue.worker import DocumentWorker

DOC = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def topology():
    return Topology.named(f"test-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def connection():
    with Connection("memory://") as conn:
        yield conn


def run_worker(connection, topology, handle):
    worker = DocumentWorker(connection.clone(), topology, handle, infrastructure_pause_s=0.05)
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    return worker, thread


def wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def queue_size(connection, queue):
    with connection.channel() as channel:
        return queue.bind(channel).queue_declare(passive=True).message_count


def test_messages_carry_only_a_document_id():
    assert document_message(DOC) == {"v": 1, "document_id": DOC}
    assert parse_document_message(document_message(DOC)) == DOC
    for body in ({"v": 2, "document_id": DOC}, {"v": 1}, {"v": 1, "document_id": "../x"}, "text"):
        with pytest.raises(BadMessage):
            parse_document_message(body)
    with pytest.raises(ValueError):
        document_message("not-an-id")


def test_a_published_document_is_handled_and_acked(connection, topology):
    topology.declare(connection)
    handled = []
    worker, thread = run_worker(connection, topology, handled.append)
    KombuPublisher(connection, topology).publish(DOC)
    try:
        assert wait_for(lambda: handled == [DOC])
        assert wait_for(lambda: queue_size(connection, topology.work) == 0)
    finally:
        worker.stop()
        thread.join(5)


def test_a_message_that_can_never_be_processed_goes_to_the_dead_letter_queue(connection, topology):
    topology.declare(connection)
    handled = []
    worker, thread = run_worker(connection, topology, handled.append)
    with connection.Producer() as producer:
        producer.publish({"v": 1, "document_id": "nope"}, exchange=topology.exchange, routing_key="document",
                         serializer="json", declare=[topology.work])
    try:
        assert wait_for(lambda: queue_size(connection, topology.dead) == 1)
        assert handled == []
    finally:
        worker.stop()
        thread.join(5)


def test_an_outage_puts_the_message_back_instead_of_acking_it(connection, topology):
    topology.declare(connection)
    calls = []

    def handle(document_id):
        calls.append(document_id)
        if len(calls) == 1:
            raise ConnectionError("database away")

    worker, thread = run_worker(connection, topology, handle)
    KombuPublisher(connection, topology).publish(DOC)
    try:
        assert wait_for(lambda: len(calls) == 2)
        assert calls == [DOC, DOC]
    finally:
        worker.stop()
        thread.join(5)
