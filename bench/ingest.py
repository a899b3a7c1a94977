"""Helpers for bench/ingest.sh: set up a store's parcels, write signed EasyPost webhook bodies for wrk,
count what was stored, and time webhook-to-live-page latency.

  ingest.py setup BASE KEY PARCELS BODIES OUT_DIR   # parcels via the API, bodies.tsv + token for wrk/SSE
  ingest.py latency BASE SLUG SECRET TOKEN NUMBER SAMPLES
"""
import hashlib, hmac, http.client, json, sys, threading, time, urllib.parse, urllib.request

SECRET = "bench-webhook-secret"


def call(base, method, path, key=None, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("Authorization", "Bearer " + key)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def number(i):
    return "1ZINGEST%08d" % i


def event_body(event_id, tracking_number, seconds, status):
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))
    return json.dumps({
        "id": event_id, "object": "Event", "description": "tracker.updated", "mode": "production",
        "result": {"id": "trk_" + event_id, "object": "Tracker", "tracking_code": tracking_number,
                   "carrier": "UPS", "status": status, "status_detail": "arrived_at_facility",
                   "tracking_details": [{"object": "TrackingDetail", "message": "Arrived at facility " + event_id,
                                         "status": status, "status_detail": "arrived_at_facility",
                                         "datetime": stamp, "source": "UPS",
                                         "tracking_location": {"city": "Louisville", "state": "KY", "country": "US"}}]}},
        separators=(",", ":"))


def sign(body):
    return "hmac-sha256-hex=" + hmac.new(SECRET.encode(), body.encode(), hashlib.sha256).hexdigest()


def setup(base, key, parcels, bodies, out_dir):
    call(base, "PUT", "/api/v1/integrations/easypost", key, {"webhook_secret": SECRET})
    token = None
    for i in range(parcels):
        order = call(base, "POST", "/api/v1/orders", key, {
            "order_number": "ING-%d" % i, "email": "buyer%d@example.com" % i, "placed_at": "2026-11-01T10:00:00Z",
            "line_items": [{"title": "Candle", "quantity": 1, "price": "10.00"}]})
        call(base, "POST", "/api/v1/orders/%s/shipments" % order["id"], key,
             {"carrier": "UPS", "tracking_number": number(i), "shipped_at": "2026-11-02T10:00:00Z"})
        token = token or order["tracking_url"].rsplit("/", 1)[1]
    start = 1_793_000_000
    with open(out_dir + "/bodies.tsv", "w") as out:
        for k in range(bodies):
            body = event_body("evt_%08d" % k, number(1 + k % (parcels - 1)), start + k, "in_transit")
            out.write(sign(body) + "\t" + body + "\n")
    with open(out_dir + "/token", "w") as out:
        out.write(token)


def latency(base, slug, token, tracking_number, samples):
    """Posts one signed event at a time for the page's parcel and times its arrival on the page's SSE stream."""
    parsed = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    connection.request("GET", "/t/%s/live" % token, headers={"Accept": "text/event-stream"})
    stream = connection.getresponse()
    # The stream may stay quiet for longer than the connect timeout while the server is behind; that is what
    # is being measured, so reading it must not give up.
    connection.sock.settimeout(None)
    arrived = threading.Event()

    def read():
        while True:
            line = stream.fp.readline()
            if not line:
                return
            if line.startswith(b"data:"):
                arrived.set()

    threading.Thread(target=read, daemon=True).start()
    time.sleep(0.5)
    arrived.clear()
    timings = []
    for k in range(samples):
        body = event_body("evt_live_%d_%d" % (k, time.time_ns()), tracking_number, 1_794_000_000 + k, "in_transit")
        started = time.perf_counter()
        request = urllib.request.Request(base + "/webhooks/easypost/" + slug, data=body.encode(), method="POST",
                                         headers={"Content-Type": "application/json", "X-Hmac-Signature": sign(body)})
        urllib.request.urlopen(request).read()
        if arrived.wait(5):
            timings.append((time.perf_counter() - started) * 1000)
        arrived.clear()
        time.sleep(0.2)
    timings.sort()
    if not timings:
        print("live page: no update arrived within 5 s")
        return
    p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))]
    print("webhook to live page: %d/%d arrived, p50 %.0f ms, p99 %.0f ms, max %.0f ms"
          % (len(timings), samples, p(0.5), p(0.99), timings[-1]))


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    else:
        latency(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
