"""The 5W beyond the table in real headless Chromium: progress against the plan, who works where, and a partner
filling its template (opened and filled with openpyxl) and importing it while the page follows the import."""
import openpyxl
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DEMO_PASSWORD
from test_browser import browser, go, log_in, settle, submit_filters, texts  # noqa: F401  (the browser fixture)


def test_progress_and_presence_draw_the_plan_and_the_partners(server, browser):
    base = server["base"]
    log_in(browser, base, "viewer@haven.demo")
    browser.get(base + "/activities")
    go(browser, browser.find_element(By.LINK_TEXT, "Progress"), lambda url: url.endswith("/activities/progress"))
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.progress")
    assert len(bars) >= 9, "a target per sector at least"
    assert all(b.get_attribute("aria-label").endswith("of the target reached") for b in bars)
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Set the target']"), "viewers do not set targets"
    Select(browser.find_element(By.NAME, "by")).select_by_value("area")
    submit_filters(browser, "by=area")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.bars rect"), "reach divided by province"

    go(browser, browser.find_element(By.LINK_TEXT, "Presence"), lambda url: url.endswith("/activities/presence"))
    shaded = browser.find_elements(By.CSS_SELECTOR, "svg.areas path")
    assert len(shaded) == 6, "the six provinces, shaded by organisations present"
    counts = [int(t) for t in texts(browser, "main .charts table tbody tr td:nth-child(2)")]
    assert counts and counts == sorted(counts, reverse=True)


def test_a_partner_fills_its_template_and_follows_the_import(server, browser, tmp_path):
    base = server["base"]
    token = requests.post(base + "/api/v1/sessions", json={"email": "partner@haven.demo", "password": DEMO_PASSWORD}).json()["token"]
    log_in(browser, base, "partner@haven.demo")
    browser.get(base + "/activities")
    go(browser, browser.find_element(By.LINK_TEXT, "Reporting by organisation"), lambda url: "/activities/organisations/" in url)
    assert "Norwegian Refugee Council" in browser.find_element(By.TAG_NAME, "h1").text
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "Download the template").get_attribute("href")

    template = requests.get(link, headers={"Authorization": "Bearer " + token})
    assert template.status_code == 200
    path = tmp_path / "template.xlsx"
    path.write_bytes(template.content)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["5W", "Sites", "Activities"]
    sheet = book["5W"]
    hashtags = [c.value for c in sheet[2]]
    lines = sheet.max_row - 2
    assert lines > 0, "the demo partner's lines of this month, to correct"
    reached = hashtags.index("#reached+ind") + 1
    for row in range(3, sheet.max_row + 1):
        sheet.cell(row=row, column=reached).value = 7
    book.save(path)

    browser.get(base + "/import/activities")
    browser.find_element(By.NAME, "file").send_keys(str(path))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    button = settle(browser, lambda d: d.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Import ')]"), timeout=60)[0]
    assert "/jobs/" in browser.current_url, "the page follows the check"
    assert button.text == f"Import 0 new and {lines} changed"
    button.click()
    settle(browser, lambda d: "updated" in d.find_element(By.TAG_NAME, "main").text, timeout=60)
    assert f"{lines} updated" in browser.find_element(By.TAG_NAME, "main").text
