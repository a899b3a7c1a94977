"""The merchant's side, in headless Chromium against a real `porchlight serve`:
sign-up through the setup wizard to a branded tracking page, sign-in failures
and lock-out, CSRF rejection, and one store's user kept out of another's orders."""

import struct
import uuid
import zlib

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import assert_no_console_errors, http

PASSWORD = "a long enough password"


def unique_email(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}@shop.example"


def png(path, rgb=(200, 60, 90), size=8):
    """A small valid PNG, written without any imaging library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    body = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    path.write_bytes(body)
    return path


def fill(drv, field_id, value):
    element = drv.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def submit(drv, form_selector):
    """Submits and waits for the next page, so the following lookup never finds the old one."""
    button = drv.find_element(By.CSS_SELECTOR, form_selector + " button[type=submit]")
    button.click()

    def left_page(_):
        # Chromium can report a node that is halfway out of the old page with a generic error rather than
        # a stale-element one; both mean the page has moved on.
        try:
            button.is_enabled()
            return False
        except WebDriverException:
            return True
    WebDriverWait(drv, 15).until(left_page)
    WebDriverWait(drv, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def sign_up(drv, base, store_name, email):
    drv.get(base + "/admin/sign-up")
    fill(drv, "store_name", store_name)
    slug = drv.find_element(By.ID, "slug").get_attribute("value")
    fill(drv, "name", "Robin Merchant")
    fill(drv, "email", email)
    fill(drv, "password", PASSWORD)
    submit(drv, "form[action='/admin/sign-up']")
    WebDriverWait(drv, 10).until(lambda d: d.current_url.endswith("/admin/setup"))
    return slug


def sign_in(drv, base, email, password):
    drv.get(base + "/admin/sign-in")
    fill(drv, "email", email)
    fill(drv, "password", password)
    submit(drv, "form[action='/admin/sign-in']")


def set_color(drv, field_id, value):
    drv.execute_script("""
        const input = document.getElementById(arguments[0]);
        input.value = arguments[1];
        input.dispatchEvent(new Event('input', {bubbles: true}));
    """, field_id, value)


def test_sign_up_wizard_to_branded_tracking_page(driver, porchlight, tmp_path):
    base = porchlight.base_url
    name = "Fern & Field " + uuid.uuid4().hex[:4]
    slug = sign_up(driver, base, name, unique_email("fern"))
    assert slug.startswith("fern-field"), "the web address is suggested from the name"
    assert_no_console_errors(driver)

    # Brand: the preview frame follows the colour before anything is saved.
    set_color(driver, "accent_color", "#8a2be2")
    WebDriverWait(driver, 10).until(
        lambda d: "accent_color=%238a2be2" in d.find_element(By.ID, "preview").get_attribute("src"))
    driver.switch_to.frame("preview")
    WebDriverWait(driver, 10).until(lambda d: "#8a2be2" in d.page_source)
    driver.switch_to.default_content()
    driver.find_element(By.ID, "logo").send_keys(str(png(tmp_path / "logo.png")))
    set_color(driver, "background_color", "#fffaf0")
    submit(driver, "form[action='/admin/setup/brand']")
    WebDriverWait(driver, 10).until(lambda d: "notice=saved" in d.current_url)

    # Connect: Shopify's URL to copy, and its signing secret pasted back.
    driver.find_element(By.XPATH, "//summary[normalize-space()='Shopify']").click()
    assert driver.find_element(By.ID, "shopify-url").get_attribute("value").endswith(f"/webhooks/shopify/{slug}")
    fill(driver, "shopify-secret", "shpss_" + uuid.uuid4().hex)
    submit(driver, "form[action='/admin/setup/connect/shopify']")
    assert "signing secret is saved" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    # WooCommerce: a secret made here, shown once, with a copy button.
    driver.find_element(By.XPATH, "//summary[normalize-space()='WooCommerce']").click()
    submit(driver, "form[action='/admin/setup/connect/woocommerce']")
    assert len(driver.find_element(By.ID, "new-secret").get_attribute("value")) == 64

    # Test order: its tracking page carries the brand.
    submit(driver, "form[action='/admin/setup/test-order']")
    link = driver.find_element(By.ID, "test-link").get_attribute("value")
    assert_no_console_errors(driver)
    driver.get(link)
    assert name in driver.find_element(By.CSS_SELECTOR, ".brand").text
    logo = driver.find_element(By.CSS_SELECTOR, "img.store-logo").get_attribute("src")
    assert f"/logos/{slug}-" in logo
    status, headers, body = http("GET", logo)
    assert status == 200 and headers["Content-Type"] == "image/png" and body.startswith(b"\x89PNG")
    accent = driver.execute_script("return getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")
    assert accent == "#8a2be2"
    assert_no_console_errors(driver)

    # Every dashboard page renders cleanly on a phone.
    for path in ("/admin", "/admin/attention", "/admin/orders", "/admin/settings", "/admin/setup"):
        driver.get(base + path)
        assert driver.find_element(By.TAG_NAME, "h1").text
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        assert_no_console_errors(driver)


def test_sign_in_failure_then_lock_out(driver, porchlight):
    base = porchlight.base_url
    email = unique_email("lock")
    sign_up(driver, base, "Lockwood " + uuid.uuid4().hex[:4], email)
    driver.delete_all_cookies()
    sign_in(driver, base, email, "not my password")
    assert "don’t match" in driver.page_source or "match an account" in driver.page_source
    for _ in range(10):
        if "Too many failed attempts" in driver.page_source:
            break
        sign_in(driver, base, email, "still not my password")
    assert "Too many failed attempts" in driver.page_source
    sign_in(driver, base, email, PASSWORD)
    assert "Too many failed attempts" in driver.page_source, "the right password waits out the lock too"
    assert "/admin/sign-in" in driver.current_url
    # The lock is a real refusal (429 with Retry-After), which Chromium logs; nothing else may be.
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE" and "(Too Many Requests)" not in e["message"]]
    assert not errors, errors


def test_forged_form_is_rejected(driver, porchlight):
    base = porchlight.base_url
    sign_up(driver, base, "Forge " + uuid.uuid4().hex[:4], unique_email("forge"))
    driver.execute_script("document.querySelector(\"form[action='/admin/setup/store'] input[name=csrf_token]\").value = 'forged'")
    fill(driver, "name", "Renamed by someone else")
    submit(driver, "form[action='/admin/setup/store']")
    assert "form has expired" in driver.find_element(By.TAG_NAME, "body").text
    driver.get(base + "/admin/setup")
    assert driver.find_element(By.ID, "name").get_attribute("value") != "Renamed by someone else"


def test_one_store_cannot_open_another_stores_order(driver, porchlight):
    base = porchlight.base_url
    # Store A makes an API key in the wizard and sends an order with it.
    sign_up(driver, base, "Alder " + uuid.uuid4().hex[:4], unique_email("alder"))
    driver.find_element(By.XPATH, "//summary[contains(., 'with the API')]").click()
    submit(driver, "form[action='/admin/setup/api-key']")
    key = driver.find_element(By.ID, "new-key").get_attribute("value")
    status, _, raw = http("POST", base + "/api/v1/orders", body={
        "order_number": "A-" + uuid.uuid4().hex[:6], "email": "pat@example.com", "placed_at": "2026-11-20T10:00:00Z",
        "line_items": [{"title": "Candle", "quantity": 1, "price": "10.00"}]},
        headers={"Authorization": f"Bearer {key}"})
    assert status == 201, raw
    order_url = base + "/admin/orders/" + __import__("json").loads(raw)["id"]
    driver.get(order_url)
    assert "Order A-" in driver.find_element(By.TAG_NAME, "h1").text

    # Store B's owner guesses the URL.
    driver.delete_all_cookies()
    sign_up(driver, base, "Birch " + uuid.uuid4().hex[:4], unique_email("birch"))
    driver.get(order_url)
    assert "couldn't find" in driver.find_element(By.TAG_NAME, "h1").text.lower() or \
        "find that page" in driver.find_element(By.TAG_NAME, "h1").text
    assert "pat@example.com" not in driver.page_source


def test_csv_upload_from_the_wizard(driver, porchlight, tmp_path):
    base = porchlight.base_url
    sign_up(driver, base, "Quince " + uuid.uuid4().hex[:4], unique_email("quince"))
    status, _, example = http("GET", base + "/import/example.csv")
    assert status == 200
    csv = tmp_path / "orders.csv"
    csv.write_bytes(example)
    driver.find_element(By.XPATH, "//summary[contains(., 'spreadsheet')]").click()
    driver.find_element(By.ID, "import-file").send_keys(str(csv))
    submit(driver, "form[action='/admin/import']")
    WebDriverWait(driver, 30).until(lambda d: "finished" in d.find_element(By.CSS_SELECTOR, "article.panel .badge").text)
    assert "orders created" in driver.find_element(By.CSS_SELECTOR, "article.panel").text
    driver.get(base + "/admin/orders?q=fernandez")
    assert "Lucía Fernández" in driver.find_element(By.TAG_NAME, "table").text
    assert_no_console_errors(driver)
