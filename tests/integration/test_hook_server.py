"""`docintake serve` in a child process on a free loopback port: an upload goes end to end to a final state."""

from __future__ import annotations

import json
import time

import httpx
import jsonschema
import pytest

from docintake.contract import schema
from tests.integration.conftest import run_cli, serving

REQUEST = (b"Prior Authorization Request\nMember ID: W123456789\nPatient Name: Jane Doe\nDOB: 01/05/1960\n"
           b"CPT: 27447\nICD-10: M17.11\nRequesting NPI: 1234567893\n")
CASES = [{"reference_id": "PA1234567897", "policy_id": "W123456789", "dob": "1960-01-05",
          "patient_name": {"first": "Jane", "last": "Doe"}, "status": "open", "cpt": ["27447"]}]
MAX = 25 * 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A running `docintake serve` (embedded workers), its base URL and a read/write token."""
    data = tmp_path_factory.mktemp("hook") / "data"
    cases = data.parent / "cases.json"
    cases.write_text(json.dumps(CASES))
    assert run_cli("cases", "import", str(cases), data_dir=data).returncode == 0
    added = run_cli("tokens", "add", "portal", data_dir=data)
    assert added.returncode == 0, added.stderr
    token = json.loads(added.stdout)["token"]
    with serving(data, data.parent / "serve.log", env={"DOCINTAKE_WORKERS": "1"}) as base:
        yield base, token


def test_an_upload_reaches_a_final_state_through_serve_alone(server):
    base, token = server
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "it-1"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
        accepted = http.post("/v1/documents", files={"file": ("request.txt", REQUEST)},
                             data={"reference_id": "PA1234567897"})
        assert accepted.status_code == 202, accepted.text
        status_url = accepted.json()["status_url"]
        deadline = time.monotonic() + 120
        while (result := http.get(status_url)).json()["status"] in ("received", "processing"):
            assert time.monotonic() < deadline, "the upload did not reach a final state"
            time.sleep(0.5)
        assert result.status_code == 200
        body = result.json()
        jsonschema.validate(body, schema("ingest"))
        assert body["status"] in ("attached", "review")
        assert body["case"] == {"reference_id": "PA1234567897", "match": "reference_id"}
        replay = http.post("/v1/documents", files={"file": ("request.txt", REQUEST)})
        assert replay.status_code == 202 and replay.json() == accepted.json()


def test_a_chunked_upload_growing_past_25_mb_is_413_before_it_is_all_sent(server):
    base, token = server
    sent = 0
    chunk = bytes(1024 * 1024)

    def body():
        nonlocal sent
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n%PDF-1.4\n'
        for _ in range(200):  # 200 MB on offer
            sent += len(chunk)
            yield chunk

    headers = {"Authorization": f"Bearer {token}", "Content-Type": "multipart/form-data; boundary=b"}
    response = httpx.post(f"{base}/v1/documents", content=body(), headers=headers, timeout=60)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert sent < 100 * 1024 * 1024  # the server stopped reading; the client stopped sending
