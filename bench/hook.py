"""`python -m bench.hook`: the upload hook's time to 202 under concurrent uploads on loopback.

Starts `docintake serve` (embedded workers unless --no-workers) with a data directory of its own, sends
--uploads uploads from --concurrency concurrent clients, and prints the median and 99th percentile of the time
from sending a request to its 202. Every upload is a different file (a sample with a unique trailer), so each
one is stored, recorded and queued, not answered as a duplicate.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

SYNTHETIC = (b"Prior Authorization Request\nMember ID: W123456789\nPatient Name: Jane Doe\nDOB: 01/05/1960\n"
             b"CPT: 27447\nICD-10: M17.11\nRequesting NPI: 1234567893\n")


def _payloads(samples: Path | None, limit: int = 40) -> list[tuple[str, bytes]]:
    """Accepted samples (PDF, TIFF, text; refusals left out), or one synthetic request when there are none."""
    found: list[tuple[str, bytes]] = []
    manifest = samples / "manifest.json" if samples else None
    if manifest and manifest.is_file():
        for item in json.loads(manifest.read_text())["files"]:
            if item.get("format") in ("pdf", "tiff", "txt") and item.get("split") != "refusals":
                path = samples / item["path"]
                data = path.read_bytes() if path.is_file() else b""
                if not data or len(data) > 5 * 1024 * 1024 or (item["format"] == "txt" and not _utf8(data)):
                    continue  # a trailer would break UTF-16 text
                found.append((path.name, data))
            if len(found) >= limit:
                break
    return found or [("request.txt", SYNTHETIC)]


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cli(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-m", "docintake", *args], env=env, capture_output=True, text=True,
                            check=True, timeout=120)
    return result.stdout


async def _upload_all(base: str, token: str, payloads: list[tuple[str, bytes]], uploads: int,
                      concurrency: int) -> tuple[list[float], dict[int, int]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    gate = asyncio.Semaphore(concurrency)
    seconds: list[float] = []
    statuses: dict[int, int] = {}
    run = os.urandom(4).hex()

    async def one(client: httpx.AsyncClient, index: int) -> None:
        name, data = payloads[index % len(payloads)]
        body = data + f"\n%bench-{run}-{index}\n".encode()  # unique bytes: no duplicates
        async with gate:
            start = time.perf_counter()
            response = await client.post("/v1/documents", files={"file": (name, body)},
                                         headers={"Idempotency-Key": f"bench-{run}-{index}"})
            elapsed = time.perf_counter() - start
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code == 202:
            seconds.append(elapsed)

    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}, limits=limits,
                                 timeout=120) as client:
        await asyncio.gather(*(one(client, i) for i in range(uploads)))
    return seconds, statuses


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hook", description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=Path("samples/out"))
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--no-workers", action="store_true", help="serve without the embedded workers")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="bench-hook-"))
    env = {**os.environ, "DOCINTAKE_DATA_DIR": str(scratch / "data")}
    token = json.loads(_cli("tokens", "add", "bench", env=env))["token"]
    port = _free_port()
    command = [sys.executable, "-m", "docintake", "serve", "--host", "127.0.0.1", "--port", str(port)]
    log = open(scratch / "serve.log", "wb")  # noqa: SIM115  (closed below)
    server = subprocess.Popen(command + (["--no-workers"] if args.no_workers else []), env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                print((scratch / "serve.log").read_text(), file=sys.stderr)
                return 1
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                print("bench.hook: the server did not start", file=sys.stderr)
                return 1
            time.sleep(0.3)
        payloads = _payloads(args.samples if args.samples.is_dir() else None)
        started = time.perf_counter()
        seconds, statuses = asyncio.run(_upload_all(base, token, payloads, args.uploads, args.concurrency))
        wall = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(scratch, ignore_errors=True)

    workers = "no workers" if args.no_workers else "embedded workers"
    print(f"upload hook, time to 202 ({args.uploads} uploads, {args.concurrency} concurrent clients, loopback, "
          f"{workers}, {len(payloads)} distinct sample files)")
    if not seconds:
        print(f"  no upload was accepted: {statuses}")
        return 1
    print(f"  median {statistics.median(seconds) * 1000:.1f} ms   p99 {_percentile(seconds, 0.99) * 1000:.1f} ms   "
          f"max {max(seconds) * 1000:.1f} ms   {len(seconds) / wall:.1f} uploads/s   statuses {statuses}")
    return 0 if statuses.get(202, 0) == args.uploads else 1


if __name__ == "__main__":
    sys.exit(main())
