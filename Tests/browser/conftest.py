"""Fixtures for the browser tests: a real `porchlight serve` on a temp SQLite
database with one store, an API helper, and a headless Chromium that looks at
the pages the way a customer's phone would."""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO_ROOT = Path(__file__).resolve().parents[2]
# Debian's packages put both on PATH.
CHROMIUM = os.environ.get("PORCHLIGHT_CHROMIUM") or shutil.which("chromium")
CHROMEDRIVER = os.environ.get("PORCHLIGHT_CHROMEDRIVER") or shutil.which("chromedriver")
PHONE_WIDTH, PHONE_HEIGHT = 390, 844

STORE_NAME = "Maple & Moss"
STORE_SLUG = "maple"
ACCENT = "#2f6b4f"
BACKGROUND = "#fbf8f3"

# Counts open EventSource connections so a test can wait for the live channel
# before it triggers an update (otherwise the update could race the connect).
LIVE_PROBE = """
(() => {
  const Native = window.EventSource;
  window.__liveOpen = 0;
  if (!Native) return;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { window.__liveOpen += 1; });
    }
  };
})();
"""


def iso(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def hours_ago(h):
    return iso(datetime.now(timezone.utc) - timedelta(hours=h))


def unique_order_number():
    return "PL-" + uuid.uuid4().hex[:8].upper()


def find_binary():
    explicit = os.environ.get("PORCHLIGHT_BIN")
    if explicit:
        return Path(explicit)
    out = subprocess.run(
        ["swift", "build", "--show-bin-path"],
        cwd=REPO_ROOT, check=True, capture_output=True, text=True,
    ).stdout.strip()
    return Path(out) / "porchlight"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None, data=None):
    """Returns (status, headers, raw bytes) without raising on 4xx/5xx."""
    headers = dict(headers or {})
    if body is not None:
        data = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=15) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


class Porchlight:
    def __init__(self, base_url, store):
        self.base_url = base_url
        self.store = store
        self.api_key = store["api_key"]

    def api(self, method, path, body=None, headers=None):
        """API call with the store's key; returns (status, parsed JSON or None)."""
        h = {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"}
        h.update(headers or {})
        status, _, raw = http(method, self.base_url + path, body=body, headers=h)
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return status, parsed

    def _expect(self, method, path, body, status):
        got, parsed = self.api(method, path, body)
        assert got == status, f"{method} {path} -> {got}, wanted {status}: {parsed}"
        return parsed

    def create_order(self, **fields):
        body = {
            "order_number": unique_order_number(),
            "email": "jamie.rivera@example.com",
            "customer_name": "Jamie Rivera",
            "placed_at": hours_ago(72),
            "line_items": [
                {"sku": "MUG-01", "title": "Stoneware mug, speckled oat", "quantity": 2, "price": "18.00"},
                {"sku": "TEA-02", "title": "Smoky lapsang tea, 100 g tin", "quantity": 1, "price": "12.50"},
            ],
            "shipping_address": {
                "name": "Jamie Rivera", "line1": "12 Alder Lane", "city": "Portland",
                "region": "OR", "postal_code": "97205", "country": "US",
            },
        }
        body.update(fields)
        return self._expect("POST", "/api/v1/orders", body, 201)

    def add_shipment(self, order_id, tracking_number=None, **fields):
        body = {
            "carrier": "usps",
            "tracking_number": tracking_number or "9400" + uuid.uuid4().hex[:18].upper(),
            "shipped_at": hours_ago(48),
        }
        body.update(fields)
        return self._expect("POST", f"/api/v1/orders/{order_id}/shipments", body, 201)

    def add_event(self, shipment_id, status, message, occurred_at=None, **fields):
        body = {"status": status, "message": message, "occurred_at": occurred_at or hours_ago(1)}
        body.update(fields)
        return self._expect("POST", f"/api/v1/shipments/{shipment_id}/events", body, 201)

    def get_order(self, order_id):
        return self._expect("GET", f"/api/v1/orders/{order_id}", None, 200)


def _tail(path, lines=60):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


@pytest.fixture(scope="session")
def porchlight(tmp_path_factory, request):
    binary = find_binary()
    if not binary.exists():
        pytest.fail(f"porchlight binary not found at {binary}; run `swift build` first")

    workdir = tmp_path_factory.mktemp("porchlight")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": f"sqlite://{workdir}/p.sqlite",
        "PUBLIC_URL": base_url,
        # Several tests sign up their own store; a low bcrypt cost keeps the debug build quick.
        "PORCHLIGHT_SIGNUP": "open",
        "PASSWORD_HASH_COST": "6",
        "SIGN_IN_LIMIT_PER_IP": "500",
    })
    env.pop("PORT", None)

    def cli(*args):
        res = subprocess.run([str(binary), *args], env=env, cwd=workdir,
                             capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, f"porchlight {' '.join(args)} failed:\n{res.stdout}\n{res.stderr}"
        return res.stdout

    cli("migrate")
    out = cli("stores", "create", "--name", STORE_NAME, "--slug", STORE_SLUG,
              "--logo-url", f"{base_url}/static/demo-logo.svg",
              "--accent-color", ACCENT, "--background-color", BACKGROUND, "--font", "Georgia")
    # Only the JSON line matters; tolerate log lines around it.
    store = next((json.loads(line) for line in reversed(out.splitlines())
                  if line.strip().startswith("{") and "api_key" in line), None)
    assert store, f"`stores create` printed no JSON object:\n{out}"

    log_path = workdir / "server.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [str(binary), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
        env=env, cwd=workdir, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"porchlight serve exited with {proc.returncode}:\n{_tail(log_path)}")
            try:
                status, _, body = http("GET", base_url + "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"/healthz not ready after 60 s:\n{_tail(log_path)}")
            time.sleep(0.1)

        store["logo_url"] = f"{base_url}/static/demo-logo.svg"
        yield Porchlight(base_url, store)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        if request.session.testsfailed:
            print(f"\n--- porchlight server log (tail) ---\n{_tail(log_path)}")


@pytest.fixture(scope="session")
def api(porchlight):
    return porchlight.api


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def driver(request, tmp_path):
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.fail("chromium/chromedriver missing; run scripts/install-test-deps.sh")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={PHONE_WIDTH},{PHONE_HEIGHT}", "--lang=en-US"):
        opts.add_argument(arg)
    # A phone viewport: without <meta name=viewport> the layout would be 980px wide.
    opts.add_experimental_option("mobileEmulation", {"deviceMetrics": {
        "width": PHONE_WIDTH, "height": PHONE_HEIGHT, "pixelRatio": 3.0, "mobile": True, "touch": True}})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(options=opts, service=Service(CHROMEDRIVER))
    drv.set_page_load_timeout(30)
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LIVE_PROBE})
    try:
        yield drv
    finally:
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            shot = tmp_path / "failure.png"
            try:
                drv.save_screenshot(str(shot))
                print(f"\nurl: {drv.current_url}\nscreenshot: {shot}")
                print("page text:\n" + drv.find_element("tag name", "body").text[:2000])
            except Exception as err:  # the browser may be what broke
                print(f"could not capture failure state: {err}")
        drv.quit()


def assert_no_console_errors(drv):
    """No SEVERE browser log entries (CSP violations, script errors, failed
    loads), ignoring the favicon request Chromium makes on its own."""
    errors = [e["message"] for e in drv.get_log("browser")
              if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]]
    assert not errors, "browser console errors:\n" + "\n".join(errors)
