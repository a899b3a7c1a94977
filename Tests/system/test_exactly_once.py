"""Exactly once, under crashes: worker processes are SIGKILLed in a loop while they send through a real
SMTP server. Afterwards every due message has arrived, and the only duplicates allowed are at most one
per kill (a kill between the server accepting a message and the database recording it; see docs/MESSAGES.md).
"""
import json
import os
import random
import signal
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("PORCHLIGHT_BIN", str(ROOT / ".build/debug/porchlight"))
ORDERS = 120
LEASE = 2


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def database_url():
    """A fresh PostgreSQL database when the test script started one, else a fresh SQLite file."""
    base = os.environ.get("PORCHLIGHT_TEST_POSTGRES_URL")
    if not base:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite://{folder}/kill.sqlite"
        return
    name = "kill_" + uuid.uuid4().hex[:10]
    subprocess.run(["psql", base, "-qc", f"CREATE DATABASE {name}"], check=True)
    yield base.rsplit("/", 1)[0] + "/" + name
    subprocess.run(["psql", base, "-qc", f"DROP DATABASE {name} WITH (FORCE)"], check=False)


@pytest.fixture
def sink():
    with tempfile.TemporaryDirectory() as folder:
        ready = Path(folder) / "ready"
        proc = subprocess.Popen([str(ROOT / ".venv/bin/python"), str(ROOT / "scripts/smtp-sink.py"), "--port", "0",
                                 "--maildir", folder, "--ready-file", str(ready)], stderr=subprocess.DEVNULL)
        for _ in range(100):
            if ready.exists() and ready.read_text().strip():
                break
            time.sleep(0.1)
        yield ready.read_text().strip(), Path(folder) / "messages.jsonl"
        proc.terminate()
        proc.wait()


def received_ids(jsonl):
    if not jsonl.exists():
        return []
    return [json.loads(line)["parsed"]["message_id"] for line in jsonl.read_text().splitlines() if line.strip()]


def api(base, key, method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"{}")


def test_sigkilled_workers_send_every_message_once(database_url, sink):
    host_port, jsonl = sink
    port = free_port()
    env = dict(os.environ, DATABASE_URL=database_url, SMTP_URL=f"smtp://{host_port}", JOB_LEASE_SECONDS=str(LEASE),
               PUBLIC_URL=f"http://127.0.0.1:{port}", LOG_LEVEL="error", WORKER_CONCURRENCY="4")
    subprocess.run([BIN, "migrate"], env=env, check=True, capture_output=True)
    created = subprocess.run([BIN, "stores", "create", "--name", "Kill Test", "--slug", "kill",
                              "--support-email", "help@kill.example"], env=env, check=True, capture_output=True)
    key = json.loads(created.stdout)["api_key"]

    server = subprocess.Popen([BIN, "serve", "--no-worker", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        api(base, key, "PUT", "/api/v1/message-settings", {"quiet_hours": None, "coalesce_minutes": 0})
        for n in range(ORDERS):
            order = api(base, key, "POST", "/api/v1/orders", {
                "order_number": f"K{n}", "email": f"c{n}@example.com", "time_zone": "UTC",
                "line_items": [{"title": "Candle", "quantity": 1, "price": "9.00"}]})
            parcel = api(base, key, "POST", f"/api/v1/orders/{order['id']}/shipments",
                         {"carrier": "UPS", "tracking_number": f"1ZK{n}"})
            api(base, key, "POST", f"/api/v1/shipments/{parcel['id']}/events",
                {"status": "InTransit", "occurred_at": "2026-11-22T10:00:00Z"})
    finally:
        server.terminate()
        server.wait()
    expected = ORDERS * 2  # a confirmation and a shipped message per order

    rng = random.Random(7)
    kills = 0
    for _ in range(10):
        workers = [subprocess.Popen([BIN, "worker"], env=env) for _ in range(2)]
        time.sleep(rng.uniform(0.3, 1.5))
        for worker in workers:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            kills += 1
        if len(set(received_ids(jsonl))) >= expected:
            break

    # Jobs held by killed workers come back once their leases run out.
    deadline = time.time() + 120
    while len(set(received_ids(jsonl))) < expected and time.time() < deadline:
        time.sleep(LEASE + 0.5)
        subprocess.run([BIN, "worker", "--drain"], env=env, check=True, capture_output=True)

    ids = received_ids(jsonl)
    distinct = set(ids)
    duplicates = len(ids) - len(distinct)
    print(f"{kills} kills, {len(ids)} messages received, {len(distinct)} distinct, {duplicates} duplicates")
    assert len(distinct) == expected, "every due message arrives"
    assert duplicates <= kills, "at most one duplicate per killed worker"
