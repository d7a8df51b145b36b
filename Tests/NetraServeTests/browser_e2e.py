"""The office's browser against a running `netra serve` (issue 32, point 6): Debian's chromium
and chromedriver through Debian's python3-selenium. Logs in, creates the workspace, uploads
the shipped dataset as a workbook through the form (while two uploads through the API hold both
job slots, so that it waits at place 1 and the page's script asks for its place), opens the report, opens the February 2024
briefing and downloads its first page, at 1280 and at 390 px wide; records every console
message and every request that leaves the server. Prints one JSON object; the Swift test
(ServeBrowserTests) asserts on it.

usage: browser_e2e.py BASE_URL PASSWORD SHIPPED_DATASET_DIR WORK_DIR
"""
import base64
import csv
import json
import os
import sys
import threading
import time
import urllib.request

import openpyxl
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, password, shipped, work = sys.argv[1:5]


def workbook(path):
    """The shipped CSVs as one dataset.xlsx, a sheet each, every cell as written."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in ("events", "jurisdictions", "elections"):
        sheet = book.create_sheet(table)
        with open(os.path.join(shipped, table + ".csv"), newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                sheet.append(row)
    book.save(path)


def driver(width, downloads):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    o.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    d = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=o)
    d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    # Headless windows are at least 500 px wide: the phone's width is emulated, as on a phone.
    if width < 500:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    return d


def until(check, seconds=120):
    """Waits for a page's answer (a click returns before its navigation ends); True when it came."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return True
        except Exception:
            pass
        time.sleep(0.1)
    return False


def hold_two_jobs(book):
    """Two uploads through the API (a script's, with Basic authentication) that hold both job
    slots, so that the next upload waits its turn. Returns their threads once both run."""
    auth = "Basic " + base64.b64encode(f"script:{password}".encode()).decode()
    with open(book, "rb") as f:
        body = f.read()

    def post():
        req = urllib.request.Request(base + "/api/workspaces/bekasi/versions?uploader=Script", data=body, method="POST", headers={
            "Authorization": auth, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        urllib.request.urlopen(req, timeout=600).read()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for t in threads:
        t.start()

    def both_run():
        req = urllib.request.Request(base + "/api/queue", headers={"Authorization": auth})
        return json.load(urllib.request.urlopen(req, timeout=30))["running"] == 2
    until(both_run)
    return threads


def watch_place(ticket):
    """What the API says of the job of `ticket`, every 0.2 s, until stopped: the same answer the
    page's script asks for each second (WebDriver cannot look at the page while its form is being
    answered: it waits for the navigation)."""
    auth = "Basic " + base64.b64encode(f"script:{password}".encode()).decode()
    seen, stop = [], threading.Event()

    def poll():
        while not stop.is_set():
            req = urllib.request.Request(base + f"/api/queue/{ticket}", headers={"Authorization": auth})
            try:
                seen.append(json.load(urllib.request.urlopen(req, timeout=30)).get("text", ""))
            except Exception:
                pass
            time.sleep(0.2)
    t = threading.Thread(target=poll)
    t.start()
    return seen, stop, t


def requests_off_server(d):
    off = []
    for entry in d.get_log("performance"):
        m = json.loads(entry["message"])["message"]
        if m.get("method") == "Network.requestWillBeSent":
            url = m["params"]["request"]["url"]
            if not (url.startswith(base) or url.startswith("data:") or url.startswith("about:")):
                off.append(url)
    return off


def small_targets(d):
    """Links, buttons and fields shorter than 44 px, by their text."""
    return d.execute_script("""
        return [...document.querySelectorAll('main a, main button, main input:not([type=hidden]), main select, header a, header button')]
          .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
          .map(e => e.outerHTML.slice(0, 80));""")


def run(width, first):
    downloads = os.path.join(work, f"downloads-{width}")
    os.makedirs(downloads, exist_ok=True)
    d = driver(width, downloads)
    out = {"width": width, "console": [], "off_server": [], "steps": []}
    try:
        d.get(base + "/")
        out["steps"].append(("login page", d.current_url.endswith("/login")))
        d.find_element(By.NAME, "password").send_keys(password)
        d.find_element(By.CSS_SELECTOR, "main form button").click()
        # bcrypt takes a second or two: wait for the answer's redirect.
        out["steps"].append(("logged in", until(lambda: d.current_url == base + "/")))
        if first:
            d.find_element(By.NAME, "id").send_keys("bekasi")
            d.find_element(By.NAME, "office").send_keys("Bawaslu Kota Bekasi")
            d.find_element(By.NAME, "pair").send_keys("kota-bekasi,kabupaten-bekasi")
            d.find_element(By.CSS_SELECTOR, "form[action='/settings'] button").click()
        else:
            d.get(base + "/w/bekasi")
        out["steps"].append(("workspace", until(lambda: d.current_url == base + "/w/bekasi" and d.find_element(By.NAME, "uploader"))))
        book = os.path.join(work, "dataset.xlsx")
        workbook(book)
        d.find_element(By.NAME, "uploader").send_keys(f"Browser {width}")
        d.find_element(By.NAME, "dataset.xlsx").send_keys(book)
        held = hold_two_jobs(book)
        ticket = d.find_element(By.NAME, "ticket").get_attribute("value")
        out["ticket"] = ticket
        seen, stop, watcher = watch_place(ticket)
        d.find_element(By.CSS_SELECTOR, "form[action='/w/bekasi/upload'] button").click()
        out["steps"].append(("uploaded", until(lambda: d.current_url == base + "/w/bekasi" and f"Browser {width}" in d.page_source)))
        stop.set()
        watcher.join()
        for t in held:
            t.join()
        # While the two held the slots, the form's upload was first in line.
        out["queue_text"] = next((x for x in seen if x), None)
        out["steps"].append(("queue place", out["queue_text"] == "Menunggu giliran: posisi 1 dalam antrean"))
        out["viewport"] = d.execute_script("return document.documentElement.clientWidth")
        out["overflow"] = d.execute_script("return document.documentElement.scrollWidth") > width
        out["small_targets"] = small_targets(d)
        d.find_element(By.PARTIAL_LINK_TEXT, "report.html").click()
        out["steps"].append(("report", until(lambda: "/report.html" in d.current_url and len(d.page_source) > 10000)))
        d.get(base + "/w/bekasi")
        month = d.find_element(By.NAME, "month")
        d.execute_script("arguments[0].value = '2024-02'", month)
        d.find_element(By.CSS_SELECTOR, "form[action='/w/bekasi/briefing'] button").click()
        out["steps"].append(("briefing", until(lambda: "month=2024-02" in d.current_url and "Februari 2024" in d.find_element(By.ID, "caption").get_attribute("value"))))
        def images():
            widths = d.execute_script("return [...document.images].map(i => i.complete && i.naturalWidth)")
            return len(widths) >= 1 and all(w and w >= 1240 for w in widths)
        out["steps"].append(("briefing images", until(images)))
        out["overflow_briefing"] = d.execute_script("return document.documentElement.scrollWidth") > width
        d.find_element(By.CSS_SELECTOR, "figcaption a").click()
        deadline = time.time() + 30
        got = None
        while time.time() < deadline and not got:
            names = [n for n in os.listdir(downloads) if n.endswith(".png")]
            got = names[0] if names else None
            time.sleep(0.2)
        ok = False
        if got:
            with open(os.path.join(downloads, got), "rb") as f:
                ok = f.read(8) == b"\x89PNG\r\n\x1a\n"
        out["steps"].append(("downloaded", ok))
        out["download"] = got
        out["off_server"] = requests_off_server(d)
        out["console"] = [e["message"] for e in d.get_log("browser")]
    finally:
        d.quit()
    return out


print(json.dumps([run(1280, True), run(390, False)]))
