"""The monthly situation report in real headless Chromium: an IM officer drafts last month's report from the home
page, edits its Markdown, publishes it, then the data change and the published report stays as it was; it prints
on A4 and downloads as Markdown and HTML."""
import base64
import datetime
import io

import pytest
import requests
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import headless_chromium, token
from test_workspace import click, log_in


@pytest.fixture
def browser():
    driver = headless_chromium()
    yield driver
    driver.quit()


def last_month():
    first = datetime.date.today().replace(day=1)
    return (first - datetime.timedelta(days=1)).strftime("%Y-%m")


def submit(browser, button_text):
    """Presses a form's button and waits for the page the form leads to."""
    button = browser.find_element(By.XPATH, f"//button[normalize-space()='{button_text}']")
    old = browser.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(browser, 60).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)


def figure(browser, label):
    """The month's value of a key figure in the report's first table."""
    row = browser.find_element(By.XPATH, f"//article//table[1]//tr[td[1][normalize-space()='{label}']]")
    return row.find_elements(By.TAG_NAME, "td")[1].text


def test_an_im_officer_drafts_edits_and_publishes_the_months_report(own_server, browser):
    base, month = own_server["base"], last_month()
    log_in(browser, base, "coordinator@haven.demo")
    click(browser, browser.find_element(By.LINK_TEXT, "draft it"))
    assert browser.find_element(By.NAME, "month").get_attribute("value") == month
    submit(browser, "Draft the report")
    assert browser.current_url.endswith(f"/reports/{month}")
    text = browser.find_element(By.NAME, "text")
    assert text.get_attribute("value").startswith("# Situation report: ")
    text.send_keys("\nWater trucking resumed at the **northern** sites after the rains.\n")
    submit(browser, "Save the draft")
    assert "Draft saved." in browser.find_element(By.TAG_NAME, "main").text
    assert browser.find_element(By.XPATH, "//article//strong[text()='northern']")
    people = figure(browser, "People in open sites")
    submit(browser, "Publish")
    assert "Published" in browser.find_element(By.CSS_SELECTOR, "p.notice").text
    assert not browser.find_elements(By.NAME, "text"), "a published report has no editor"
    published = browser.find_element(By.TAG_NAME, "article").text

    # The data change: a site is counted again on the month's last day with many more people.
    admin = {"Authorization": "Bearer " + token(own_server, "admin@haven.demo")}
    site = requests.get(base + "/api/v1/sites?status=open&limit=1", headers=admin, timeout=10).json()["items"][0]
    last_day = (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).isoformat()
    count = requests.post(
        base + f"/api/v1/sites/{site['id']}/population-counts", headers=admin, timeout=10,
        json={"countedOn": last_day, "households": 9000, "individuals": 45000, "disaggregated": False,
              "source": "headcount"})
    assert count.status_code == 201, count.text
    fresh = requests.post(base + "/api/v1/reports", headers=admin, timeout=30, json={"month": month})
    assert fresh.status_code == 409, "the month keeps its one report"

    browser.refresh()
    assert browser.find_element(By.TAG_NAME, "article").text == published
    assert figure(browser, "People in open sites") == people

    # The home now leads to the report; the history lists it.
    browser.get(base + "/")
    click(browser, browser.find_element(By.XPATH, "//main//a[contains(@href, '/reports/')]"))
    assert browser.find_element(By.TAG_NAME, "article").text == published
    browser.get(base + "/reports")
    assert "Published" in browser.find_element(By.XPATH, f"//a[@href='/reports/{month}']/ancestor::tr").text

    # On paper: A4, without the page's navigation.
    browser.get(base + f"/reports/{month}")
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    reader = PdfReader(io.BytesIO(pdf))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 595) < 2 and abs(height - 842) < 2, "A4"
    printed = "".join(page.extract_text() for page in reader.pages)
    assert "Water trucking resumed" in printed and "Log out" not in printed and "All reports" not in printed

    viewer = {"Authorization": "Bearer " + token(own_server, "viewer@haven.demo")}
    markdown = requests.get(base + f"/reports/{month}/report.md", headers=viewer, timeout=10)
    assert markdown.status_code == 200 and "Water trucking resumed at the **northern** sites" in markdown.text
    html = requests.get(base + f"/reports/{month}/report.html", headers=viewer, timeout=10)
    assert "<strong>northern</strong>" in html.text and "<script" not in html.text


def test_the_open_data_package_is_valid_hxl_with_metadata_and_nothing_personal(own_server, tmp_path):
    """Downloaded as a coordinator would, then checked by libhxl against a schema per file; a secret planted in a
    site's notes and a service's contact never appears."""
    import csv
    import json
    import os
    import subprocess
    import sys
    import zipfile

    from test_exports import HXL_CORE

    base = own_server["base"]
    admin = {"Authorization": "Bearer " + token(own_server, "admin@haven.demo")}
    secret = "PLANTED-SECRET-5521"
    site = requests.get(base + "/api/v1/sites?limit=1", headers=admin, timeout=10).json()["items"][0]
    site["notes"] = "Ask " + secret
    changed = requests.put(base + f"/api/v1/sites/{site['id']}", headers=admin, json=site, timeout=10)
    assert changed.status_code == 200, changed.text
    coordinator = {"Authorization": "Bearer " + token(own_server, "coordinator@haven.demo")}
    page = requests.get(base + "/open-data", headers=coordinator, timeout=10)
    assert page.status_code == 200 and "/open-data/package.zip" in page.text
    response = requests.get(base + "/open-data/package.zip", headers=coordinator, timeout=120)
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    package = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(package.namelist())
    assert names == {"sites.csv", "population.csv", "severity.csv", "presence.csv", "services.csv", "metadata.json",
                     "README.md"}, names
    hxlvalidate = os.path.join(os.path.dirname(sys.executable), "hxlvalidate")
    metadata = json.loads(package.read("metadata.json"))
    for name in sorted(names - {"metadata.json", "README.md"}):
        content = package.read(name)
        assert secret.encode() not in content, name
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert len(rows) > 2, f"{name}: the demo fills it"
        for tag in rows[1]:
            assert tag.split("+")[0] in HXL_CORE, f"{name}: {tag}"
        resource = next(r for r in metadata["resources"] if r["name"] == name)
        assert resource["rows"] == len(rows) - 2 and resource["hashtags"] == rows[1]
        path = tmp_path / name
        path.write_bytes(content)
        schema = os.path.join(os.path.dirname(__file__), "hxl", "open-data", name)
        checked = subprocess.run([hxlvalidate, "-s", schema, str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, name + ": " + checked.stdout[-2000:] + checked.stderr
    for field in ("title", "source", "datasetDate", "dateRange", "methodology", "licence", "caveats"):
        assert metadata[field], field
    assert secret.encode() not in package.read("metadata.json") + package.read("README.md")


def test_a_reader_who_chose_arabic_reads_haven_right_to_left(own_server):
    """The viewer chooses Arabic on the account page; the home and the reports read right to left, mirrored, and
    fit a 390 px phone."""
    base = own_server["base"]
    browser = headless_chromium(width=390, height=844)
    try:
        log_in(browser, base, "viewer@haven.demo")
        browser.get(base + "/account")
        from selenium.webdriver.support.ui import Select
        Select(browser.find_element(By.NAME, "language")).select_by_value("ar")
        submit(browser, "Save the language")
        assert browser.execute_script("return document.documentElement.dir") == "rtl"
        assert browser.execute_script("return document.documentElement.lang") == "ar"
        assert "أصبح Haven يتحدث لغتك" in browser.find_element(By.TAG_NAME, "main").text
        for path, heading in [("/", "العملية"), ("/reports", "تقارير الوضع الشهرية")]:
            browser.get(base + path)
            assert heading in browser.find_element(By.TAG_NAME, "main").text, path
            brand = browser.find_element(By.CSS_SELECTOR, "a.brand").rect
            assert brand["x"] > 390 / 2, f"{path}: the header starts on the right"
            screen, width = browser.execute_script(
                "return [window.innerWidth, document.documentElement.scrollWidth]")
            assert screen == 390 and width <= screen, f"{path}: {width} px wide on a {screen} px phone"
        assert "المواقع" in browser.find_element(By.CSS_SELECTOR, "header nav").text
    finally:
        browser.quit()
