"""The hostile-file corpus (Tests/hostile) posted to every upload path of a real server: each answered
with a clear 4xx, nothing written, the server still answering, and its peak memory bounded."""
import os
import re

import requests

from conftest import DEMO_PASSWORD, token

CORPUS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "hostile")
PEAK_MEMORY_MB = 768
TABLE_PATHS = ["/import/sites", "/import/admin-areas", "/import/rounds", "/import/activities"]


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+) kB", status.read()).group(1)) // 1024


def browser_session(server):
    session = requests.Session()
    session.get(server["base"] + "/login", timeout=10)
    csrf = session.cookies["haven_csrf"]
    login = session.post(server["base"] + "/login", data={"email": "admin@haven.demo", "password": DEMO_PASSWORD, "_csrf": csrf},
                         allow_redirects=False, timeout=10)
    assert login.status_code == 303
    return session, csrf


def counts(server, bearer):
    headers = {"Authorization": "Bearer " + bearer}
    return [requests.get(f"{server['base']}/api/v1/{path}?limit=1", headers=headers, timeout=30).json()["total"]
            for path in ("sites", "admin-areas", "activities", "organisations")]


def test_every_hostile_file_is_refused_on_every_upload_path_within_bounded_memory(own_server):
    admin, partner = token(own_server, "admin@haven.demo"), token(own_server, "partner@haven.demo")
    session, csrf = browser_session(own_server)
    before = counts(own_server, admin)
    files = sorted(name for name in os.listdir(CORPUS) if not name.endswith(".py"))
    assert len(files) >= 20
    refused = []
    for name in files:
        with open(os.path.join(CORPUS, name), "rb") as f:
            data = f.read()
        paths = TABLE_PATHS if name.endswith((".xlsx", ".csv")) else ["/import/boundaries"] if name.endswith(".geojson") else []
        for path in paths:
            answer = session.post(own_server["base"] + path, data={"_csrf": csrf}, files={"file": (name, data)}, allow_redirects=False, timeout=120)
            if answer.status_code == 303:  # checked in the background: the job's page tells the outcome
                answer = session.get(own_server["base"] + answer.headers["Location"], timeout=60)
            refused.append((name, path, answer.status_code))
        if name.endswith((".xlsx", ".csv")):
            answer = requests.post(own_server["base"] + "/api/v1/activities/imports", headers={"Authorization": "Bearer " + partner},
                                   files={"file": (name, data)}, timeout=120)
            refused.append((name, "api", answer.status_code))
            assert answer.status_code == 422 or len(answer.json()["detail"]) > 20, name
        if name.endswith(".xml"):
            answer = requests.post(own_server["base"] + "/v1/projects/1/submission", headers={"Authorization": "Bearer " + admin},
                                   files={"xml_submission_file": ("submission.xml", data)}, timeout=60)
            refused.append((name, "odk", answer.status_code))
    assert all(400 <= status < 500 for _, _, status in refused), [r for r in refused if not 400 <= r[2] < 500]
    assert counts(own_server, admin) == before, "nothing written"
    assert requests.get(own_server["base"] + "/login", timeout=10).status_code == 200
    peak = peak_memory_mb(own_server["pid"])
    print(f"peak resident memory after the corpus: {peak} MB")
    assert peak < PEAK_MEMORY_MB, f"peak resident memory {peak} MB"
