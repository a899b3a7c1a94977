"""What the merchant and the customer see of the emails, in headless Chromium against a real `porchlight serve`
whose embedded worker sends into the development outbox."""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import STORE_NAME, assert_no_console_errors, hours_ago


def wait_for_outbox_entry(drv, base_url, text, timeout=15):
    deadline = time.monotonic() + timeout
    while True:
        drv.get(base_url + "/admin/outbox")
        links = [a for a in drv.find_elements(By.CSS_SELECTOR, ".outbox-list li > a") if text in a.text]
        if links:
            return links[0]
        assert time.monotonic() < deadline, f"no email containing {text!r} in the outbox"
        time.sleep(0.3)


def test_confirmation_reaches_the_outbox_and_reads_well(driver, porchlight):
    order = porchlight.create_order(placed_at=hours_ago(1))
    link = wait_for_outbox_entry(driver, porchlight.base_url, order["order_number"])
    assert STORE_NAME in link.text
    link.click()
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "Stoneware mug, speckled oat" in body and "12 Alder Lane" in body
    track = [a for a in driver.find_elements(By.TAG_NAME, "a") if "/t/" in (a.get_attribute("href") or "")]
    assert track, "the email links to the tracking page"
    track[0].click()
    assert driver.current_url.startswith(porchlight.base_url + "/t/")
    assert_no_console_errors(driver)


def test_customer_unsubscribes_from_follow_ups_in_two_clicks(driver, porchlight):
    order = porchlight.create_order(placed_at=hours_ago(1))
    driver.get(order["tracking_url"] + "/unsubscribe?c=followup")
    assert "Stop emails" in driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "unsubscribed"))
    assert_no_console_errors(driver)
