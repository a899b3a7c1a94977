"""What a customer sees on the tracking page, checked in headless Chromium at
phone size against a real `porchlight serve`."""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import (ACCENT, BACKGROUND, PHONE_WIDTH, STORE_NAME, STORE_SLUG,
                      hours_ago, http, assert_no_console_errors, unique_order_number)

ON_ITS_WAY = ("on its way", "on the way", "in transit")
SPANISH = ("camino", "entregado", "pedido", "tránsito", "enviado")


def headline(drv):
    return drv.find_element(By.ID, "headline").text.strip()


def timeline_text(drv):
    return " ".join(e.text for e in drv.find_elements(By.CSS_SELECTOR, "ol.timeline li.event"))


def shipment_sections(drv):
    return drv.find_elements(By.CSS_SELECTOR, "section.shipment")


def section_id(shipment_id):
    # UUIDs are compared without case: the API and the page may spell them differently.
    return f"shipment-{shipment_id}".lower()


def shipment_status(drv, shipment_id):
    return drv.execute_script("""
        const want = arguments[0];
        const s = [...document.querySelectorAll('section.shipment')].find(e => e.id.toLowerCase() === want);
        return s ? s.dataset.status : null;
    """, section_id(shipment_id))


def css_var(drv, name):
    return drv.execute_script(
        "return getComputedStyle(document.documentElement).getPropertyValue(arguments[0]).trim()", name)


def order_in_transit(porchlight, message, **order_fields):
    order = porchlight.create_order(**order_fields)
    shipment = porchlight.add_shipment(order["id"])
    porchlight.add_event(shipment["id"], "InfoReceived", "Label created", occurred_at=hours_ago(30))
    porchlight.add_event(shipment["id"], "InTransit", message, occurred_at=hours_ago(20),
                         location="Portland, OR")
    return order, shipment


def test_page_wears_the_store_brand(porchlight, driver):
    order = porchlight.create_order()
    url = order["tracking_url"]
    assert url.startswith(porchlight.base_url + "/t/"), url

    status, headers, _ = http("GET", url)
    assert status == 200
    assert headers.get("Content-Security-Policy"), "tracking page has no Content-Security-Policy header"

    driver.get(url)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    brand = driver.find_element(By.CSS_SELECTOR, "header.brand")
    assert STORE_NAME in brand.text
    logo = brand.find_element(By.CSS_SELECTOR, "img.store-logo")
    assert logo.get_attribute("src") == porchlight.store["logo_url"]
    assert logo.get_attribute("alt") == STORE_NAME
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", logo), \
        "store logo did not load (is Public/demo-logo.svg served at /static/demo-logo.svg?)"
    assert css_var(driver, "--accent").lower() == ACCENT
    assert css_var(driver, "--bg").lower() == BACKGROUND
    assert css_var(driver, "--text"), "--text is not set"
    assert headline(driver), "headline is empty"
    assert driver.find_element(By.ID, "headline").is_displayed()
    assert_no_console_errors(driver)


def test_page_shows_shipment_status_and_events(porchlight, driver):
    order, shipment = order_in_transit(porchlight, "Departed USPS regional facility")
    assert porchlight.get_order(order["id"])["status"] == "InTransit"

    driver.get(order["tracking_url"])
    text = headline(driver).lower()
    assert any(p in text for p in ON_ITS_WAY), f"headline does not say the order is on its way: {text!r}"
    assert shipment_status(driver, shipment["id"]) == "InTransit"
    assert "Departed USPS regional facility" in timeline_text(driver)
    assert driver.find_elements(By.CSS_SELECTOR, "ol.progress li.step.current"), "no current progress step"
    assert_no_console_errors(driver)


def test_page_updates_live_without_reload(porchlight, driver):
    order, shipment = order_in_transit(porchlight, "Arrived at post office")
    driver.get(order["tracking_url"])
    assert shipment_status(driver, shipment["id"]) == "InTransit"
    before = headline(driver)

    WebDriverWait(driver, 5, poll_frequency=0.05).until(
        lambda d: d.execute_script("return window.__liveOpen") > 0,
        "page never opened its live EventSource connection")
    # Note, in page time, the moment the shipment's status changes in the DOM.
    driver.execute_script("""
        window.__noReload = true;
        window.__updatedAt = null;
        const sid = arguments[0];
        new MutationObserver(() => {
          const s = [...document.querySelectorAll('section.shipment')].find(e => e.id.toLowerCase() === sid);
          if (!window.__updatedAt && s && s.dataset.status === 'OutForDelivery') window.__updatedAt = Date.now();
        }).observe(document.body, {subtree: true, childList: true, attributes: true});
    """, section_id(shipment["id"]))

    posted_at = time.time()
    porchlight.add_event(shipment["id"], "OutForDelivery", "Out for delivery with your carrier",
                         occurred_at=hours_ago(0.05))
    WebDriverWait(driver, 5, poll_frequency=0.02).until(
        lambda d: shipment_status(d, shipment["id"]) == "OutForDelivery"
        and "Out for delivery with your carrier" in timeline_text(d),
        "page did not show the OutForDelivery event within 5 s")
    seen_at = time.time()
    updated_at = driver.execute_script("return window.__updatedAt")
    elapsed = (updated_at / 1000.0 if updated_at else seen_at) - posted_at
    print(f"\nlive update: POST -> DOM in {elapsed * 1000:.0f} ms")

    assert driver.execute_script("return window.__noReload === true"), "the page reloaded"
    assert elapsed < 2.0, f"live update took {elapsed:.2f} s"
    assert len(shipment_sections(driver)) == 1
    assert headline(driver) != before, f"headline still says {before!r} after out-for-delivery"
    assert_no_console_errors(driver)


def test_split_shipments_show_separately(porchlight, driver):
    order = porchlight.create_order()
    first = porchlight.add_shipment(order["id"], line_items=[{"sku": "MUG-01", "quantity": 2}])
    second = porchlight.add_shipment(order["id"], line_items=[{"sku": "TEA-02", "quantity": 1}])
    porchlight.add_event(first["id"], "Delivered", "Delivered, front porch", occurred_at=hours_ago(2))
    porchlight.add_event(second["id"], "InTransit", "In transit to next facility", occurred_at=hours_ago(3))

    driver.get(order["tracking_url"])
    sections = shipment_sections(driver)
    assert len(sections) == 2
    assert {s.get_attribute("id").lower() for s in sections} == {section_id(first["id"]), section_id(second["id"])}
    assert shipment_status(driver, first["id"]) == "Delivered"
    assert shipment_status(driver, second["id"]) == "InTransit"
    assert_no_console_errors(driver)


def test_fits_a_phone_screen(porchlight, driver):
    order = porchlight.create_order(line_items=[
        {"sku": "QUILT-KING", "title": "Hand-stitched heirloom quilt, king size, indigo and undyed linen patchwork",
         "variant": "King / Indigo", "quantity": 1, "price": "389.00"},
    ])
    shipment = porchlight.add_shipment(order["id"], tracking_number="9261290100130435082146000000000000")
    porchlight.add_event(shipment["id"], "InTransit", "Departed Shipping Partner Facility, USPS Awaiting Item",
                         occurred_at=hours_ago(5), location="South San Francisco Distribution Center, CA")
    porchlight.add_event(shipment["id"], "AttemptFail", "Delivery attempted - no access to delivery location",
                         occurred_at=hours_ago(1), substatus="AttemptFail_002")

    driver.get(order["tracking_url"])
    width, scroll = driver.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth]")
    assert width == PHONE_WIDTH, f"layout is {width}px wide on a {PHONE_WIDTH}px phone: missing <meta name=viewport>?"
    assert scroll <= PHONE_WIDTH, f"page scrolls sideways on a phone: {scroll}px wide"


def _submit_lookup(driver, porchlight, order_number, email):
    driver.get(f"{porchlight.base_url}/{STORE_SLUG}/track")
    form = driver.find_element(By.NAME, "order_number").find_element(By.XPATH, "./ancestor::form")
    form.find_element(By.NAME, "order_number").send_keys(order_number)
    form.find_element(By.NAME, "email").send_keys(email)
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
    assert buttons, "lookup form has no submit button"
    old_form = form
    buttons[0].click()
    WebDriverWait(driver, 10).until(lambda d: _is_stale(old_form))
    return driver.find_element(By.TAG_NAME, "body").text


def _is_stale(element):
    try:
        element.is_enabled()
        return False
    except Exception:
        return True


def test_lookup_form_finds_the_order(porchlight, driver):
    order = porchlight.create_order(email="Jamie.Rivera@Example.com")
    number = order["order_number"]

    driver.get(f"{porchlight.base_url}/{STORE_SLUG}/track")
    assert driver.find_elements(By.NAME, "order_number") and driver.find_elements(By.NAME, "email")
    assert_no_console_errors(driver)

    _submit_lookup(driver, porchlight, f"  {number}  ", "JAMIE.RIVERA@EXAMPLE.COM")
    assert driver.current_url == order["tracking_url"]
    assert driver.find_element(By.ID, "headline").text

    wrong_email = _submit_lookup(driver, porchlight, number, "someone.else@example.com")
    assert "/t/" not in driver.current_url
    unknown = _submit_lookup(driver, porchlight, unique_order_number(), "jamie.rivera@example.com")
    assert "/t/" not in driver.current_url
    assert wrong_email == unknown, "a wrong email and an unknown order must look the same"


def test_spanish_order_renders_in_spanish(porchlight, driver):
    order, _ = order_in_transit(porchlight, "Salió de la instalación regional", locale="es")
    driver.get(order["tracking_url"])
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    text = headline(driver).lower()
    assert any(w in text for w in SPANISH), f"headline is not Spanish: {text!r}"
    assert not any(p in text for p in ON_ITS_WAY), f"headline is English: {text!r}"
