"""A coordinator uploads monitoring rounds as an Excel workbook written by openpyxl, in real headless Chromium:
a bad row is named with its Excel row number and nothing is written; the corrected workbook is imported."""
import datetime

import openpyxl
import requests
from selenium.webdriver.common.by import By

from conftest import DEMO_PASSWORD
from test_browser import browser, go, log_in, settle  # noqa: F401  (the browser fixture)


def open_site(base):
    token = requests.post(base + "/api/v1/sessions", json={"email": "coordinator@haven.demo", "password": DEMO_PASSWORD}).json()["token"]
    sites = requests.get(base + "/api/v1/sites?status=open&limit=100", headers={"Authorization": "Bearer " + token}).json()["items"]
    return next(s for s in sites if s.get("openedOn") and s["openedOn"] < "2025-01-01"), token


def workbook(path, site, day, toilets):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["site", "conducted_on", "key_informants", "WASH-TOILETS", "SMT-SERVICE-WATER"])
    sheet.append([])  # people leave blank rows; the row numbers of what follows must not shift
    sheet.append([site, day, "camp leader; women's representative", toilets, "inadequate"])
    sheet.cell(row=3, column=2).number_format = "dd/mm/yyyy"
    book.save(path)


def upload(browser, base, path):
    browser.get(base + "/import/rounds")
    browser.find_element(By.NAME, "file").send_keys(str(path))
    go(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"), lambda url: "/import/rounds" in url)
    return settle(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".preview").text, timeout=30)


def test_rounds_arrive_as_an_excel_workbook(server, browser, tmp_path):
    base = server["base"]
    site, token = open_site(base)
    day = datetime.date.today() - datetime.timedelta(days=2)
    if day.day == 15:
        day -= datetime.timedelta(days=1)
    log_in(browser, base, "coordinator@haven.demo")

    workbook(tmp_path / "bad.xlsx", site["code"], day, "many")
    upload(browser, base, tmp_path / "bad.xlsx")
    errors = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")] for tr in browser.find_elements(By.CSS_SELECTOR, "table.errors tbody tr")]
    assert [row[:2] for row in errors] == [["3", "WASH-TOILETS"]], errors
    assert not browser.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Import ')]")

    workbook(tmp_path / "rounds.xlsx", site["code"], day, 40)
    upload(browser, base, tmp_path / "rounds.xlsx")
    button = browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Import ')]")
    assert button.text == "Import 1 new and 0 changed"
    button.click()
    settle(browser, lambda d: "1 added" in d.find_element(By.TAG_NAME, "main").text, timeout=30)

    rounds = requests.get(f"{base}/api/v1/sites/{site['id']}/rounds", headers={"Authorization": "Bearer " + token}).json()["items"]
    recorded = next(r for r in rounds if r["conductedOn"] == day.isoformat())
    assert recorded["source"] == "upload" and recorded["values"]["WASH-TOILETS"] == 40
    assert recorded["keyInformants"] == ["camp leader", "women's representative"]
