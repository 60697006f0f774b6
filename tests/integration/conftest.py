"""Services for integration tests: a PostgreSQL database and a RabbitMQ vhost of this run's own (dropped after),
and a moto S3 server on loopback. A test whose service is absent is skipped with the reason shown."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ADMIN_DSN = os.environ.get("DOCINTAKE_TEST_PG_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=test")
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/{vhost}"
RUN = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(data: Path, log_path: Path, *args: str, env: dict[str, str] | None = None,
            timeout: float = 90) -> Iterator[str]:
    """`docintake serve ARGS` on a free loopback port with its own data directory: its base URL once /healthz
    answers. Stopped with SIGTERM after, which must end it cleanly (status 0)."""
    import httpx

    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115  (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "docintake", "serve", "--host", "127.0.0.1", "--port", str(port), *args],
        env={**os.environ, "DOCINTAKE_DATA_DIR": str(data), **(env or {})}, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            assert process.poll() is None, log_path.read_text()
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "serve did not start listening"
            time.sleep(0.3)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            assert process.wait(timeout=30) == 0
        finally:
            if process.poll() is None:
                process.kill()
            log.close()


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    absent = {
        "postgres": None if port_open(5432) else "PostgreSQL is not running on 127.0.0.1:5432 (.ci/run starts it)",
        "rabbitmq": None if port_open(5672) and shutil.which("rabbitmqctl")
        else "RabbitMQ (with rabbitmqctl) is not running on 127.0.0.1:5672 (.ci/run starts it)",
    }
    try:
        import moto.server  # noqa: F401
    except ImportError:
        absent["s3"] = "moto[server] is not installed (pip install -e '.[dev]')"
    for marker, reason in absent.items():
        if reason:
            for item in items:
                if marker in item.keywords:
                    item.add_marker(pytest.mark.skip(reason=reason))


@contextlib.contextmanager
def _database(name: str):
    """A PostgreSQL database created for the block and dropped after it, whatever happened."""
    import psycopg

    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_URL.format(name=name)
    finally:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_url():
    """A PostgreSQL database of this test run's own, dropped at the end."""
    with _database(f"docintake_test_{RUN}") as url:
        yield url


@pytest.fixture
def pg_database(pg_url):
    """A PostgreSQL database of this test's own (end-to-end tests whose reconcilers see the whole database)."""
    with _database(f"docintake_test_{RUN}_{uuid.uuid4().hex[:6]}") as url:
        yield url


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def amqp_url():
    """A RabbitMQ vhost of this test run's own (guest may use it), deleted at the end."""
    vhost = f"docintake-test-{RUN}"
    rabbitmqctl("add_vhost", vhost)
    try:
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        yield AMQP_URL.format(vhost=vhost)
    finally:
        rabbitmqctl("delete_vhost", vhost)


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on a free loopback port: ``host:port`` for the minio client (no TLS)."""
    from moto.server import ThreadedMotoServer

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop()


def run_cli(*args: str, data_dir: Path, env: dict[str, str] | None = None, timeout: float = 180):
    """The console entry point in a child process, with its own data directory and settings."""
    environment = {**os.environ, "DOCINTAKE_DATA_DIR": str(data_dir), **(env or {})}
    return subprocess.run([sys.executable, "-m", "docintake", *args], capture_output=True, text=True,
                          env=environment, timeout=timeout, check=False)
