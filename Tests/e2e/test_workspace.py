"""The workspace in real headless Chromium: each role's home, the way from a coordinator's home to the partners at
a severe site by clicks only, the site page on one A4 page, and wide tables on a 390 px phone."""
import base64
import io

import pytest
import requests
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO_PASSWORD, headless_chromium

HOMES = {
    "coordinator@haven.demo": ["The operation", "In the last 30 days", "The worst sites"],
    "sitemanager@haven.demo": ["Your sites"],
    "partner@haven.demo": ["Your 5W"],
    "viewer@haven.demo": ["The operation", "The worst sites"],
    "admin@haven.demo": ["The operation", "In the last 30 days"],
}


def log_in(browser, base, email):
    browser.get(base + "/login")
    browser.find_element(By.NAME, "email").send_keys(email)
    browser.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 15).until(lambda d: d.current_url.rstrip("/") == base)


def click(browser, element):
    """Follows a link and waits for the page it leads to."""
    href = element.get_attribute("href")
    element.click()
    WebDriverWait(browser, 15).until(
        lambda d: d.current_url == href and d.execute_script("return document.readyState") == "complete")


@pytest.fixture
def browser():
    driver = headless_chromium()
    yield driver
    driver.quit()


def test_each_role_lands_on_its_own_home(server, browser):
    for email, headings in HOMES.items():
        browser.delete_all_cookies()
        log_in(browser, server["base"], email)
        shown = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
        for heading in headings:
            assert any(heading in text for text in shown), (email, heading, shown)


def test_from_the_home_to_a_severe_sites_gap_partners_and_their_lines_by_clicks(server, browser):
    log_in(browser, server["base"], "coordinator@haven.demo")
    worst = browser.find_element(By.XPATH, "//h2[text()='The worst sites']/following::table[1]//tbody/tr[1]/td[1]/a")
    name = worst.text
    click(browser, worst)
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(name)
    code = browser.find_element(By.CSS_SELECTOR, "h1 small").text
    panel = browser.find_element(By.XPATH, "//h2[text()='Who is helping here']/..")
    gaps = panel.find_element(By.PARTIAL_LINK_TEXT, "Gaps in")
    partners = [a.get_attribute("href") for a in panel.find_elements(By.CSS_SELECTOR, "tbody a")]
    assert partners, "a severe site of the demo has partners at work"
    click(browser, gaps)
    assert code in browser.page_source, "the gap list names the site"
    browser.back()
    panel = browser.find_element(By.XPATH, "//h2[text()='Who is helping here']/..")
    click(browser, panel.find_element(By.CSS_SELECTOR, "tbody a"))
    rows = browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert rows and all(code in row.text for row in rows), "the partner's 5W lines at this site"


def test_the_site_page_prints_as_one_a4_page_with_its_colours(server, browser, admin_token):
    log_in(browser, server["base"], "coordinator@haven.demo")
    sites = requests.get(server["base"] + "/api/v1/gap-analysis?limit=3",
                         headers={"Authorization": "Bearer " + admin_token}).json()["items"]
    assert sites, "the demo has assessed sites"
    for site in sites:
        browser.get(server["base"] + "/sites/" + site["siteId"])
        pdf = base64.b64decode(browser.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})["data"])
        reader = PdfReader(io.BytesIO(pdf))
        width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
        assert len(reader.pages) == 1, f"{site['code']}: {len(reader.pages)} pages"
        assert abs(width - 595) < 2 and abs(height - 842) < 2, "A4"
        text = reader.pages[0].extract_text()
        assert site["code"] in text and "Audit trail" not in text and "Status history" not in text
    # The severity chips keep their colour on paper even when the browser would leave backgrounds out.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    adjust = browser.execute_script(
        "return getComputedStyle(document.querySelector('.sev')).getPropertyValue('print-color-adjust')")
    assert adjust == "exact"


PHONE_PAGES = ["/", "/sites", "/activities", "/activities/gaps", "/activities/progress", "/activities/presence",
               "/monitoring", "/complaints", "/complaints/figures", "/areas", "/users", "/organisations",
               "/search?q=camp", "/audit"]


def test_on_a_390px_phone_no_table_pushes_a_column_off_screen(server):
    browser = headless_chromium(width=390, height=844)
    try:
        log_in(browser, server["base"], "admin@haven.demo")
        site = browser.find_element(By.CSS_SELECTOR, "main a[href^='/sites/']").get_attribute("href")
        wide = 0
        for path in PHONE_PAGES + [site.replace(server["base"], "")]:
            browser.get(server["base"] + path)
            width = browser.execute_script("return window.innerWidth")
            page = browser.execute_script("return document.documentElement.scrollWidth")
            assert page <= width + 1, f"{path}: the page itself is {page} px wide on a {width} px screen"
            problems = browser.execute_script("""
                const width = window.innerWidth, problems = [], wide = [];
                for (const table of document.querySelectorAll('main table')) {
                  const frame = table.closest('.table-wrap');
                  const first = table.querySelector('tr > :first-child');
                  if (!first) continue;
                  const box = (frame || table).getBoundingClientRect();
                  if (box.left < -1 || box.right > width + 1) problems.push('frame out: ' + table.innerText.slice(0, 40));
                  if (table.scrollWidth > box.width + 1) {
                    wide.push(1);
                    if (!frame) problems.push('no frame: ' + table.innerText.slice(0, 40));
                    else if (getComputedStyle(first).position !== 'sticky') problems.push('first column scrolls away');
                  }
                }
                return [problems, wide.length];""")
            problems, found = problems
            wide += found
            assert not problems, f"{path}: {problems}"
        assert wide >= 5, "the check met tables wider than the phone"
    finally:
        browser.quit()


def test_the_poster_prints_on_one_a4_page_with_a_qr_code_to_the_whole_address(server, browser):
    import zxingcpp
    from PIL import Image
    code = requests.get(server["base"] + "/api/v1/gap-analysis?limit=1", headers={
        "Authorization": "Bearer " + requests.post(server["base"] + "/api/v1/sessions", json={
            "email": "viewer@haven.demo", "password": DEMO_PASSWORD}).json()["token"]}).json()["items"][0]["code"]
    browser.get(server["base"] + f"/directory/{code}")
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, "the poster fills one A4 page"
    qr = browser.find_element(By.CSS_SELECTOR, "div.qr svg")
    image = Image.open(io.BytesIO(qr.screenshot_as_png))
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    # The test server's HAVEN_PUBLIC_URL is the default; the address is whole, with the site.
    assert decoded == [f"http://localhost:8080/feedback?site={code}"], decoded
