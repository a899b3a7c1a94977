"""Walks a new merchant through /admin/sign-up and the setup wizard in headless Chromium against a
running Porchlight, the way the README describes, and counts what it took: clicks, fields typed
(and their characters), pages loaded, and the seconds the pages themselves took.

    .venv/bin/python bench/onboarding.py http://127.0.0.1:8080

The figures are the floor a person works from: they add reading and typing time on top."""

import shutil
import struct
import sys
import tempfile
import time
import uuid
import zlib
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
counts = {"clicks": 0, "fields": 0, "characters": 0, "pages": 0}


def png(path):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes((40, 90, 160)) * 16 for _ in range(16))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def type_into(drv, field_id, text):
    drv.find_element(By.ID, field_id).send_keys(text)
    counts["fields"] += 1
    counts["characters"] += len(text)


def click(drv, by, selector, navigates=False):
    element = drv.find_element(by, selector)
    element.click()
    counts["clicks"] += 1
    if navigates:
        WebDriverWait(drv, 30).until(EC.staleness_of(element))
        counts["pages"] += 1


def main():
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(options=opts, service=Service(shutil.which("chromedriver") or "chromedriver"))
    started = time.monotonic()
    steps = []
    try:
        mark = time.monotonic()
        drv.get(BASE + "/admin/sign-up")
        counts["pages"] += 1
        type_into(drv, "store_name", "Juniper Goods")
        type_into(drv, "name", "June Park")
        type_into(drv, "email", f"june-{uuid.uuid4().hex[:6]}@juniper.example")
        type_into(drv, "password", "juniper goods 2026")
        click(drv, By.CSS_SELECTOR, "form[action='/admin/sign-up'] button", navigates=True)
        steps.append(("1. sign up and name the store", time.monotonic() - mark))

        mark = time.monotonic()
        drv.find_element(By.ID, "logo").send_keys(str(png(Path(tempfile.mkdtemp()) / "logo.png")))
        counts["clicks"] += 1  # choosing a file is one click and a pick in the file dialog
        drv.execute_script("const i = document.getElementById('accent_color'); i.value = '#285aa0';"
                           "i.dispatchEvent(new Event('input', {bubbles: true}));")
        counts["clicks"] += 2  # open the colour picker, pick
        click(drv, By.CSS_SELECTOR, "form[action='/admin/setup/brand'] button", navigates=True)
        steps.append(("2. brand it (logo, colour)", time.monotonic() - mark))

        mark = time.monotonic()
        click(drv, By.XPATH, "//summary[normalize-space()='Shopify']")
        click(drv, By.CSS_SELECTOR, "[data-copy='#shopify-url']")
        type_into(drv, "shopify-secret", "shpss_" + uuid.uuid4().hex)  # pasted from Shopify's webhook page
        click(drv, By.CSS_SELECTOR, "form[action='/admin/setup/connect/shopify'] button", navigates=True)
        steps.append(("3. connect Shopify (URL copied, its secret pasted back)", time.monotonic() - mark))

        mark = time.monotonic()
        click(drv, By.CSS_SELECTOR, "form[action='/admin/setup/test-order'] button", navigates=True)
        link = drv.find_element(By.ID, "test-link").get_attribute("value")
        click(drv, By.LINK_TEXT, "Open its tracking page")
        drv.switch_to.window(drv.window_handles[-1])
        WebDriverWait(drv, 30).until(lambda d: d.current_url == link)
        counts["pages"] += 1
        assert "Juniper Goods" in drv.find_element(By.CSS_SELECTOR, ".brand").text
        steps.append(("4. send a test order and open its page", time.monotonic() - mark))
    finally:
        drv.quit()
    print(f"| step | seconds |\n|---|---:|")
    for name, seconds in steps:
        print(f"| {name} | {seconds:.1f} |")
    print(f"\ntotal {time.monotonic() - started:.1f} s of page time; {counts['clicks']} clicks, "
          f"{counts['fields']} fields typed ({counts['characters']} characters), {counts['pages']} pages")


if __name__ == "__main__":
    main()
