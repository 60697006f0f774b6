"""RabbitMQ: durable topology with native dead-lettering; two worker processes sharing one queue and database."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime

import pytest
from kombu import Connection
from sqlalchemy import func, select

from docintake.intake.assembly import Pipeline
from docintake.intake.records import Arrival
from docintake.queue.topology import Topology
from docintake.queue.worker import DocumentWorker
from docintake.storage.database import make_engine
from docintake.storage.tables import Audit, Document
from tests.integration.test_crash import service_env, settings_of, start, stop, wait_until

pytestmark = pytest.mark.rabbitmq


def test_a_poison_message_is_dead_lettered_by_the_broker(amqp_url):
    topology = Topology.named(f"dl-{uuid.uuid4().hex[:8]}")
    with Connection(amqp_url) as connection:
        topology.declare(connection)
        with connection.Producer() as producer:
            producer.publish({"v": 1, "document_id": "../etc"}, exchange=topology.exchange,
                             routing_key="document", serializer="json", declare=[topology.work])
        handled = []
        worker = DocumentWorker(connection.clone(), topology, handled.append)
        thread = threading.Thread(target=worker.run, daemon=True)
        thread.start()
        try:
            with connection.SimpleQueue(topology.dead) as dead:
                message = dead.get(block=True, timeout=20)
                assert message.payload == {"v": 1, "document_id": "../etc"}
                assert message.headers["x-death"][0]["reason"] == "rejected"
                message.ack()
        finally:
            worker.stop()
            thread.join(10)
        assert handled == []
        with connection.channel() as channel:
            for queue in (topology.work, topology.dead):
                queue.bind(channel).delete()


@pytest.mark.postgres
def test_two_worker_processes_give_each_document_exactly_one_result(tmp_path, amqp_url, pg_database):
    env = service_env(tmp_path / "data", {"DOCINTAKE_BROKER_URL": amqp_url, "DOCINTAKE_DATABASE_URL": pg_database,
                                          "DOCINTAKE_LEASE_S": "60"})
    settings = settings_of(env)
    submitter = Pipeline(settings)
    ids = []
    for index in range(6):
        path = tmp_path / f"request-{index}.txt"
        path.write_text(f"Member ID: W12345678{index}\nPatient Name: Jane Doe\nDOB: 01/05/1960\nCPT: 27447\n")
        ids.append(submitter.intake.submit_path(
            path, Arrival(file_name=path.name, source="fax", received_at=datetime.now(UTC))).document_id)
    submitter.stop()
    workers = [start(["-m", "docintake", "worker"], env) for _ in range(2)]
    engine = make_engine(pg_database)

    def finished() -> int:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(Document).where(
                Document.id.in_(ids), Document.state.not_in(("received", "processing"))))

    try:
        wait_until(lambda: finished() == len(ids))
        time.sleep(0.5)  # a late duplicate delivery would show up as a second result now
    finally:
        for worker in workers:
            stop(worker)
    with engine.connect() as connection:
        results = connection.execute(select(Audit.subject_id, func.count()).where(
            Audit.action == "document.finished", Audit.subject_id.in_(ids)).group_by(Audit.subject_id)).all()
    engine.dispose()
    assert sorted(results) == sorted((i, 1) for i in ids)
