"""Complaints and feedback in real headless Chromium: a resident sends a complaint through the public form and
follows it to closure with the reference; a planted secret never reaches the logs, the database file or lists."""
import glob
import os
import re

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DEMO_PASSWORD
from test_browser import browser, go, log_in, settle  # noqa: F401  (the browser fixture)

SECRET = "PLANTED-5519 the food monitor demanded sex"


def send_public(browser, base, category, text, contact=""):
    browser.get(base + "/feedback")
    Select(browser.find_element(By.NAME, "site")).select_by_index(1)
    Select(browser.find_element(By.NAME, "category")).select_by_value(category)
    browser.find_element(By.NAME, "description").send_keys(text)
    if contact:
        browser.find_element(By.NAME, "contact").send_keys(contact)
        Select(browser.find_element(By.NAME, "consent")).select_by_value("yes")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    return settle(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".reference").text)


def take_step(browser, button, status):
    """Takes a workflow step; the page reloads at the same address, so wait for the new status in the title."""
    browser.find_element(By.XPATH, f"//button[normalize-space()='{button}']").click()
    settle(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text.endswith(status))


def test_a_resident_complains_and_follows_it_to_closure(server, browser):
    base = server["base"]
    reference = send_public(browser, base, "MAJOR", "The water point in block D has been broken for two weeks")
    assert re.fullmatch(r"FB-[A-Z0-9]{5}-[A-Z0-9]{5}", reference)

    log_in(browser, base, "coordinator@haven.demo")
    browser.get(base + "/complaints")
    go(browser, browser.find_element(By.LINK_TEXT, reference), lambda url: "/complaints/" in url)
    assert "block D" in browser.find_element(By.CSS_SELECTOR, ".said").text
    take_step(browser, "Acknowledge", "Acknowledged")
    browser.find_element(By.NAME, "response").send_keys("The WASH partner repairs it on Tuesday")
    take_step(browser, "Record the answer", "Responded")
    Select(browser.find_element(By.NAME, "closedVia")).select_by_value("community_meeting")
    Select(browser.find_element(By.NAME, "satisfaction")).select_by_value("satisfied")
    take_step(browser, "Close", "Closed")

    browser.get(base + "/feedback/status")
    browser.find_element(By.NAME, "reference").send_keys(reference.lower())
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    settle(browser, lambda d: "It is closed" in d.find_element(By.TAG_NAME, "main").text)


def test_a_planted_secret_leaks_nowhere(server, browser):
    base = server["base"]
    reference = send_public(browser, base, "PSEA", SECRET, contact="+211 PLANTED 77")
    token = requests.post(base + "/api/v1/sessions", json={"email": "admin@haven.demo", "password": DEMO_PASSWORD}).json()["token"]
    headers = {"Authorization": "Bearer " + token}
    listed = requests.get(base + "/api/v1/feedback?limit=500", headers=headers)
    assert listed.status_code == 200 and "PLANTED" not in listed.text, "an administrator who is no focal point does not see it"
    assert "PLANTED" not in requests.get(base + "/api/v1/audit-events?limit=500", headers=headers).text
    assert "PLANTED" not in requests.get(base + f"/feedback/status?reference={reference}").text
    for path in glob.glob(os.path.join(server["data"], "haven.sqlite*")):
        with open(path, "rb") as f:
            assert b"PLANTED" not in f.read(), f"{os.path.basename(path)} holds the secret in clear"
    with open(server["log"], encoding="utf-8", errors="replace") as f:
        assert "PLANTED" not in f.read()


def test_a_resident_complains_in_arabic_right_to_left(server, browser):
    base = server["base"]
    browser.get(base + "/feedback")
    browser.find_element(By.LINK_TEXT, "العربية").click()
    settle(browser, lambda d: d.execute_script("return document.documentElement.dir") == "rtl")
    assert browser.find_element(By.TAG_NAME, "h1").text == "قدّم ملاحظاتك أو شكواك"
    label = browser.find_element(By.CSS_SELECTOR, "label[for=description]")
    assert label.value_of_css_property("direction") == "rtl"
    Select(browser.find_element(By.NAME, "site")).select_by_index(1)
    Select(browser.find_element(By.NAME, "category")).select_by_value("INFO")
    browser.find_element(By.NAME, "description").send_keys("متى التوزيع القادم؟")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    reference = settle(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".reference").text)
    assert browser.find_element(By.TAG_NAME, "h1").text == "شكراً، لقد استلمنا رسالتك"
    browser.find_element(By.LINK_TEXT, "اعرف أين وصلت").click()
    settle(browser, lambda d: reference in d.find_element(By.CSS_SELECTOR, ".notice").text)
    assert "تنتظر أن تُقرأ" in browser.find_element(By.CSS_SELECTOR, ".notice").text
