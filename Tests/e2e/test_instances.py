"""Two Haven instances on one throwaway PostgreSQL database, started at the same moment, with requests
alternating between them as a round-robin balancer would send them: what one does, the other sees and
respects. Needs the PostgreSQL that scripts/test starts (POSTGRES_URL)."""
import base64
import concurrent.futures
import os
import subprocess
import uuid

import openpyxl
import pytest
import requests

from conftest import DEMO_PASSWORD, launch_haven, stop_haven, wait_ready

POSTGRES = os.environ.get("POSTGRES_URL")
pytestmark = pytest.mark.skipif(not POSTGRES, reason="needs the throwaway PostgreSQL of scripts/test")


@pytest.fixture(scope="module")
def pair():
    name = "haven_pair_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", POSTGRES, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
    url = POSTGRES.rsplit("/", 1)[0] + "/" + name
    key = "1:" + base64.b64encode(os.urandom(32)).decode()
    settings = dict(DATABASE_URL=url, HAVEN_FEEDBACK_KEYS=key, HAVEN_IMPORT_BACKGROUND_ROWS="1")
    started = [launch_haven(**settings), launch_haven(**settings)]
    try:
        for process, info in started:
            wait_ready(process, info, path="/ready")
        yield [info for _, info in started]
    finally:
        for process, _ in started:
            stop_haven(process)
        subprocess.run(["psql", POSTGRES, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=False)


def login(base, email, password=DEMO_PASSWORD):
    return requests.post(base + "/api/v1/sessions", json={"email": email, "password": password}, timeout=30)


def bearer(base, email):
    response = login(base, email)
    response.raise_for_status()
    return {"Authorization": "Bearer " + response.json()["token"]}


def browser_session(base, email):
    session = requests.Session()
    session.get(base + "/login", timeout=10)
    csrf = session.cookies["haven_csrf"]
    answer = session.post(base + "/login", data={"email": email, "password": DEMO_PASSWORD, "_csrf": csrf}, allow_redirects=False, timeout=30)
    assert answer.status_code == 303
    return session, csrf


def at_once(*calls):
    with concurrent.futures.ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(call) for call in calls]]


def follow(session, url, until, seconds=120):
    import time
    deadline = time.time() + seconds
    while time.time() < deadline:
        page = session.get(url, timeout=30)
        if 'http-equiv="refresh"' not in page.text:
            assert until in page.text, page.text[-2000:]
            return page.text
        time.sleep(0.5)
    raise AssertionError("the job never finished")


def partner_template(base, headers, tmp_path):
    org = requests.get(base + "/api/v1/organisations?q=Norwegian", headers=headers, timeout=30).json()["items"][0]["id"]
    lines = requests.get(base + "/api/v1/activities?limit=1", headers=headers, timeout=30).json()["items"]
    month = lines[0]["month"]
    template = requests.get(f"{base}/activities/organisations/{org}/template.xlsx?month={month}", headers=headers, timeout=60)
    assert template.status_code == 200
    path = tmp_path / "template.xlsx"
    path.write_bytes(template.content)
    book = openpyxl.load_workbook(path)
    sheet = book["5W"]
    reached = [c.value for c in sheet[2]].index("#reached+ind") + 1
    for row in range(3, sheet.max_row + 1):
        sheet.cell(row=row, column=reached).value = 11
    book.save(path)
    return path.read_bytes(), sheet.max_row - 2


def test_both_instances_came_up_together_on_an_empty_database(pair):
    one, two = pair
    counts = [requests.get(s["base"] + "/api/v1/sites?limit=1", headers=bearer(s["base"], "viewer@haven.demo"), timeout=30).json()["total"]
              for s in pair]
    assert counts[0] == counts[1] > 0, "one demo, loaded once"


def test_an_import_checked_on_one_is_followed_and_confirmed_on_the_other(pair, tmp_path):
    one, two = pair
    data, lines = partner_template(one["base"], bearer(one["base"], "partner@haven.demo"), tmp_path)
    session, csrf = browser_session(one["base"], "partner@haven.demo")
    sent = session.post(one["base"] + "/import/activities", data={"_csrf": csrf}, files={"file": ("5w.xlsx", data)},
                        allow_redirects=False, timeout=60)
    assert sent.status_code == 303
    job = sent.headers["Location"]
    page = follow(session, two["base"] + job, f"Import 0 new and {lines} changed")
    action = [part.split('"', 1)[0] for part in page.split('action="') if "/commit" in part.split('"', 1)[0]][0]
    confirmed = session.post(two["base"] + action, data={"_csrf": csrf, "job": job.rsplit("/", 1)[1]}, allow_redirects=False, timeout=60)
    assert confirmed.status_code == 303
    follow(session, one["base"] + job, f"{lines} updated")


def test_the_same_file_confirmed_on_both_at_once_is_imported_once(pair, tmp_path):
    one, two = pair
    headers = bearer(one["base"], "partner@haven.demo")
    data, _ = partner_template(one["base"], headers, tmp_path)
    checked = requests.post(one["base"] + "/api/v1/activities/imports", headers=headers, files={"file": ("5w.xlsx", data)}, timeout=120).json()
    staged = checked["id"]
    statuses = at_once(*[lambda s=s: requests.post(f"{s['base']}/api/v1/activities/imports/{staged}/commit", headers=headers, timeout=120).status_code
                         for s in (one, two, one, two)])
    assert sorted(statuses) == [200, 409, 409, 409], statuses


def test_two_workflow_steps_on_one_complaint_at_once_leave_one_winner(pair):
    one, two = pair
    headers = bearer(one["base"], "coordinator@haven.demo")
    site = requests.get(one["base"] + "/api/v1/sites?status=open&limit=1", headers=headers, timeout=30).json()["items"][0]["id"]
    for _ in range(5):
        item = requests.post(one["base"] + "/api/v1/feedback", headers=headers, timeout=30, json={
            "siteId": site, "channel": "help_desk", "category": "MAJOR", "description": "Two instances at once", "consentToContact": False}).json()
        path = f"/api/v1/feedback/{item['id']}/transitions"
        for step in ({"to": "acknowledged"}, {"to": "responded", "response": "Repaired"}):
            assert requests.post(one["base"] + path, headers=headers, json=step, timeout=30).status_code == 200
        # From responded, closing and reopening exclude each other: whichever goes second must be refused.
        statuses = at_once(lambda: requests.post(one["base"] + path, headers=headers, json={"to": "closed", "closedVia": "help_desk"}, timeout=30).status_code,
                           lambda: requests.post(two["base"] + path, headers=headers, json={"to": "in_progress"}, timeout=30).status_code)
        assert statuses.count(200) == 1 and set(statuses) <= {200, 409, 422}, statuses


def test_failed_logins_add_up_across_instances_and_a_new_password_holds_on_both(pair):
    one, two = pair
    statuses = [login(s["base"], "sitemanager@haven.demo", "not the password").status_code for s in (one, two, one, two, one)]
    assert statuses == [403] * 5
    assert login(two["base"], "sitemanager@haven.demo").status_code == 429, "five failures over two instances are five"

    admin = bearer(one["base"], "admin@haven.demo")
    partner = requests.get(one["base"] + "/api/v1/users?q=partner@haven.demo", headers=admin, timeout=30).json()["items"][0]
    changed = requests.put(f"{one['base']}/api/v1/users/{partner['id']}", headers=admin, timeout=30, json={
        "email": partner["email"], "role": partner["role"], "organisationId": partner.get("organisationId"), "password": "a new partner passphrase"})
    assert changed.status_code == 200
    assert [login(s["base"], "partner@haven.demo").status_code for s in (one, two)] == [403, 403]
    assert login(two["base"], "partner@haven.demo", "a new partner passphrase").status_code == 201
