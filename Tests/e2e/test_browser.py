"""A camp manager's journey in real headless Chromium: log in, filter, open a site, edit it, see the audit entry."""
import os

import pytest
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DEMO_PASSWORD, headless_chromium


@pytest.fixture
def browser():
    driver = headless_chromium()
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def submit_filters(browser, expected_in_url):
    """Submits the filter form and waits for the filtered page itself, not the one being left."""
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, 15).until(
        lambda d: expected_in_url in d.current_url and d.execute_script("return document.readyState") == "complete")


def go(browser, element, arrived):
    """Clicks and waits until the browser is on the page `arrived(url)` recognises, fully loaded."""
    element.click()
    WebDriverWait(browser, 15).until(
        lambda d: arrived(d.current_url) and d.execute_script("return document.readyState") == "complete")


def settle(browser, condition, timeout=15):
    """Waits until `condition(driver)` holds, reading again when the page was replaced meanwhile: pages that
    follow an import reload themselves, and a workflow step reloads the same address."""
    return WebDriverWait(browser, timeout, ignored_exceptions=[StaleElementReferenceException]).until(condition)


def texts(browser, selector):
    """The texts of the matching elements once they are there."""
    return settle(browser, lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, selector)] or None)


def log_in(browser, base, email):
    browser.get(base + "/sites")
    assert "/login" in browser.current_url
    browser.find_element(By.NAME, "email").send_keys(email)
    browser.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
    go(browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit]"), lambda url: url.endswith("/sites"))


def test_the_demo_logins_reach_a_file_while_the_server_runs(server):
    """Run as a service, standard output is a file or a pipe: the logins must be written at once, not when the
    buffer fills or the server stops."""
    with open(os.path.join(server["data"], "console.txt")) as console:
        assert "admin@haven.demo" in console.read()


def test_log_in_filter_open_edit_and_see_the_audit_entry(server, browser):
    base = server["base"]
    log_in(browser, base, "coordinator@haven.demo")

    Select(browser.find_element(By.NAME, "type")).select_by_value("collective_centre")
    submit_filters(browser, "type=collective_centre")
    types = texts(browser, "tbody tr td:nth-child(3)")
    assert types and set(types) == {"Collective centre"}

    go(browser, browser.find_element(By.CSS_SELECTOR, "tbody tr td a"), lambda url: "/sites/" in url)
    site_url = browser.current_url

    go(browser, browser.find_element(By.LINK_TEXT, "Edit site"), lambda url: url.endswith("/edit"))
    name = browser.find_element(By.NAME, "name")
    name.clear()
    name.send_keys("Renamed collective centre")
    browser.find_element(By.NAME, "capacityIndividuals").clear()
    browser.find_element(By.NAME, "capacityIndividuals").send_keys("-5")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    error = browser.find_element(By.XPATH, "//input[@name='capacityIndividuals']/following-sibling::p[@class='error']")
    assert error.text == "cannot be negative"
    assert len(browser.find_elements(By.CSS_SELECTOR, ".field.invalid")) == 1

    browser.find_element(By.NAME, "capacityIndividuals").clear()
    browser.find_element(By.NAME, "capacityIndividuals").send_keys("1200")
    go(browser, browser.find_element(By.CSS_SELECTOR, "form button[type=submit]"), lambda url: "saved=1" in url)

    assert browser.current_url.startswith(site_url)
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Renamed collective centre")
    browser.find_element(By.XPATH, "//summary[text()='Audit trail']").click()
    audit = browser.find_element(By.CSS_SELECTOR, ".audit tbody tr").text
    assert "coordinator@haven.demo" in audit and "update" in audit
    assert "Renamed collective centre" in audit and "Capacity individuals" in audit


def test_a_viewer_is_not_offered_changes(server, browser):
    log_in(browser, server["base"], "viewer@haven.demo")
    assert not browser.find_elements(By.LINK_TEXT, "Add a site")
    go(browser, browser.find_element(By.CSS_SELECTOR, "tbody tr td a"), lambda url: "/sites/" in url)
    assert browser.find_element(By.TAG_NAME, "h1").text
    assert not browser.find_elements(By.LINK_TEXT, "Edit site")


def test_the_site_page_draws_its_population(server, browser):
    log_in(browser, server["base"], "viewer@haven.demo")
    browser.get(server["base"] + "/sites?sort=-population")
    go(browser, browser.find_element(By.CSS_SELECTOR, "tbody tr td a"), lambda url: "/sites/" in url)
    assert browser.find_elements(By.CSS_SELECTOR, "svg polyline")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg rect")) == 10


def test_the_monitoring_dashboard_maps_and_ranks_sites(server, browser):
    log_in(browser, server["base"], "viewer@haven.demo")
    go(browser, browser.find_element(By.LINK_TEXT, "Monitoring"), lambda url: url.endswith("/monitoring"))
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map circle")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map path.area")) == 7, "the country and its provinces outlined"
    Select(browser.find_element(By.NAME, "minSeverity")).select_by_value("4")
    submit_filters(browser, "minSeverity=4")
    severities = [int(t) for t in texts(browser, "table.heat tbody tr td:nth-child(4) .sev")]
    assert severities and min(severities) >= 4 and severities == sorted(severities, reverse=True)
    go(browser, browser.find_element(By.CSS_SELECTOR, "table.heat tbody tr td a"), lambda url: "/sites/" in url)
    assert "Latest round" in browser.find_element(By.TAG_NAME, "main").text
