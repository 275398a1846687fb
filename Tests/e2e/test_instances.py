"""Two Haven instances on one throwaway PostgreSQL database, started at the same moment, behind nginx running
the deployment configuration of deploy/nginx-haven.conf (TLS, round robin): what one instance does, the other
sees and respects. Needs the PostgreSQL that scripts/test starts (POSTGRES_URL) and Debian's nginx."""
import base64
import concurrent.futures
import os
import shutil
import subprocess
import tempfile
import time
import uuid

import openpyxl
import pytest
import requests

from conftest import DEMO_PASSWORD, ROOT, free_port, launch_haven, stop_haven, wait_ready

POSTGRES = os.environ.get("POSTGRES_URL")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = [pytest.mark.skipif(not POSTGRES, reason="needs the throwaway PostgreSQL of scripts/test"),
              pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")]


def swap(text, old, new):
    assert old in text, f"deploy/nginx-haven.conf no longer has {old!r}"
    return text.replace(old, new)


def nginx_in_front_of(ports):
    """nginx with the deployment configuration, its example ports, name and certificate swapped for this test's."""
    work = tempfile.mkdtemp(prefix="haven-nginx-")
    os.chmod(work, 0o755)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-keyout", f"{work}/key.pem", "-out", f"{work}/cert.pem"], check=True, capture_output=True)
    http, https = free_port(), free_port()
    site = open(os.path.join(ROOT, "deploy", "nginx-haven.conf")).read()
    site = swap(site, "127.0.0.1:8080", f"127.0.0.1:{ports[0]}")
    site = swap(site, "127.0.0.1:8081", f"127.0.0.1:{ports[1]}")
    site = swap(site, "listen 80;", f"listen 127.0.0.1:{http};")
    site = swap(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;")
    site = swap(site, "/etc/letsencrypt/live/haven.example.org/fullchain.pem", f"{work}/cert.pem")
    site = swap(site, "/etc/letsencrypt/live/haven.example.org/privkey.pem", f"{work}/key.pem")
    site = swap(site, "haven.example.org", "127.0.0.1")
    open(f"{work}/haven.conf", "w").write(site)
    # Debian's main nginx.conf, reduced to what a test needs: its own pid, logs and temporary files.
    temporary = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    open(f"{work}/nginx.conf", "w").write(f"""
        worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log; daemon off;
        events {{ worker_connections 256; }}
        http {{ log_format upstreams '$request_method $uri $status $upstream_addr';
               access_log {work}/access.log upstreams; {temporary}
               include {work}/haven.conf; }}""")
    command = [NGINX, "-e", f"{work}/error.log", "-c", f"{work}/nginx.conf"]
    checked = subprocess.run(command + ["-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command)
    base = f"https://127.0.0.1:{https}"
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            requests.get(base + "/health", verify=False, timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.2)
    return process, {"base": base, "plain": f"http://127.0.0.1:{http}", "access": f"{work}/access.log", "work": work}


@pytest.fixture(scope="module")
def pair():
    """The two instances, and the proxy in front of them."""
    name = "haven_pair_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", POSTGRES, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
    url = POSTGRES.rsplit("/", 1)[0] + "/" + name
    key = "1:" + base64.b64encode(os.urandom(32)).decode()
    settings = dict(DATABASE_URL=url, HAVEN_FEEDBACK_KEYS=key, HAVEN_IMPORT_BACKGROUND_ROWS="1",
                    HAVEN_SECURE_COOKIES="true", HAVEN_TRUSTED_PROXIES="127.0.0.1,::1")
    started = [launch_haven(**settings), launch_haven(**settings)]
    proxy = None
    try:
        for process, info in started:
            wait_ready(process, info, path="/ready")
        instances = [info for _, info in started]
        proxy, front = nginx_in_front_of([int(info["base"].rsplit(":", 1)[1]) for info in instances])
        yield {"instances": instances, "proxy": front, "database": url}
    finally:
        if proxy:
            proxy.terminate()
            proxy.wait(timeout=20)
        for process, _ in started:
            stop_haven(process)
        subprocess.run(["psql", POSTGRES, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=False)


@pytest.fixture(scope="module")
def front(pair):
    """Where people reach Haven: the proxy, with its self-signed certificate accepted."""
    return pair["proxy"]


def get(url, **options):
    return requests.get(url, verify=False, timeout=60, **options)


def post(url, **options):
    return requests.post(url, verify=False, timeout=120, **options)


def psql(database, query):
    return subprocess.run(["psql", database, "-qAt", "-c", query], check=True, capture_output=True, text=True).stdout.split()


def served_by(front, path):
    """The instances nginx sent the requests for `path` to, from its access log."""
    return {line.split()[3] for line in open(front["access"]) if line.split()[1] == path}


def login(base, email, password=DEMO_PASSWORD):
    return post(base + "/api/v1/sessions", json={"email": email, "password": password})


def bearer(base, email):
    response = login(base, email)
    response.raise_for_status()
    return {"Authorization": "Bearer " + response.json()["token"]}


def browser_session(base, email):
    session = requests.Session()
    session.verify = False
    session.trust_env = False  # else REQUESTS_CA_BUNDLE would override verify
    session.get(base + "/login", timeout=10)
    csrf = session.cookies["haven_csrf"]
    answer = session.post(base + "/login", data={"email": email, "password": DEMO_PASSWORD, "_csrf": csrf}, allow_redirects=False, timeout=30)
    assert answer.status_code == 303
    return session, csrf


def at_once(*calls):
    with concurrent.futures.ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(call) for call in calls]]


def follow(session, url, until, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        page = session.get(url, timeout=30)
        if 'http-equiv="refresh"' not in page.text:
            assert until in page.text, page.text[-2000:]
            return page.text
        time.sleep(0.5)
    raise AssertionError("the job never finished")


def partner_template(base, headers, tmp_path):
    org = get(base + "/api/v1/organisations?q=Norwegian", headers=headers).json()["items"][0]["id"]
    month = get(base + "/api/v1/activities?limit=1", headers=headers).json()["items"][0]["month"]
    template = get(f"{base}/activities/organisations/{org}/template.xlsx?month={month}", headers=headers)
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


def test_the_readme_shows_the_configuration_the_test_runs():
    readme = open(os.path.join(ROOT, "README.md")).read()
    assert open(os.path.join(ROOT, "deploy", "nginx-haven.conf")).read() in readme


def test_both_instances_came_up_together_on_an_empty_database_and_serve_behind_the_proxy(pair, front):
    counts = [get(s["base"] + "/api/v1/sites?limit=1", headers=bearer(s["base"], "viewer@haven.demo")).json()["total"]
              for s in pair["instances"]]
    assert counts[0] == counts[1] > 0, "one demo, loaded once"
    redirect = requests.get(front["plain"] + "/sites", allow_redirects=False, timeout=10)
    assert redirect.status_code == 301 and redirect.headers["Location"].startswith("https://")
    ready = [get(front["base"] + "/ready") for _ in range(4)]
    assert all(r.status_code == 200 for r in ready)
    assert "max-age" in ready[0].headers["Strict-Transport-Security"]
    assert len(served_by(front, "/ready")) == 2, "round robin reached both instances"


def test_an_import_checked_on_one_is_followed_and_confirmed_on_the_other(front, tmp_path):
    base = front["base"]
    data, lines = partner_template(base, bearer(base, "partner@haven.demo"), tmp_path)
    session, csrf = browser_session(base, "partner@haven.demo")
    sent = session.post(base + "/import/activities", data={"_csrf": csrf}, files={"file": ("5w.xlsx", data)}, allow_redirects=False, timeout=60)
    assert sent.status_code == 303
    job = sent.headers["Location"]
    page = follow(session, base + job, f"Import 0 new and {lines} changed")
    action = [part.split('"', 1)[0] for part in page.split('action="') if "/commit" in part.split('"', 1)[0]][0]
    confirmed = session.post(base + action, data={"_csrf": csrf, "job": job.rsplit("/", 1)[1]}, allow_redirects=False, timeout=60)
    assert confirmed.status_code == 303
    follow(session, base + job, f"{lines} updated")
    follow(session, base + job, f"{lines} updated")
    assert len(served_by(front, job)) == 2, "the job's page was served by both instances"


def test_the_same_file_confirmed_twice_at_once_is_imported_once(front, tmp_path):
    base = front["base"]
    headers = bearer(base, "partner@haven.demo")
    data, _ = partner_template(base, headers, tmp_path)
    staged = post(base + "/api/v1/activities/imports", headers=headers, files={"file": ("5w.xlsx", data)}).json()["id"]
    commit = f"/api/v1/activities/imports/{staged}/commit"
    statuses = at_once(*[lambda: post(base + commit, headers=headers).status_code for _ in range(4)])
    assert sorted(statuses) == [200, 409, 409, 409], statuses
    assert len(served_by(front, commit)) == 2


def test_two_workflow_steps_on_one_complaint_at_once_leave_one_winner_and_true_counters(pair, front):
    base = front["base"]
    headers = bearer(base, "coordinator@haven.demo")
    site = get(base + "/api/v1/sites?status=open&limit=1", headers=headers).json()["items"][0]["id"]
    for _ in range(5):
        item = post(base + "/api/v1/feedback", headers=headers, json={
            "siteId": site, "channel": "help_desk", "category": "MAJOR", "description": "Two instances at once", "consentToContact": False}).json()
        path = f"/api/v1/feedback/{item['id']}/transitions"
        for step in ({"to": "acknowledged"}, {"to": "responded", "response": "Repaired"}):
            assert post(base + path, headers=headers, json=step).status_code == 200
        # From responded, closing and reopening exclude each other: whichever goes second must be refused.
        statuses = at_once(lambda: post(base + path, headers=headers, json={"to": "closed", "closedVia": "help_desk"}).status_code,
                           lambda: post(base + path, headers=headers, json={"to": "in_progress"}).status_code)
        assert statuses.count(200) == 1 and set(statuses) <= {200, 409, 422}, statuses
    counters = psql(pair["database"], "SELECT value || '=' || SUM(items) FROM feedback_tallies WHERE dimension = 'status' AND scope = ''"
                                          " GROUP BY value HAVING SUM(items) > 0 ORDER BY value")
    counted = psql(pair["database"], "SELECT status || '=' || COUNT(*) FROM feedback WHERE archived_at IS NULL GROUP BY status ORDER BY status")
    assert counters == counted, "the counters equal a direct count"


def test_failed_logins_add_up_across_instances_and_a_new_password_holds_on_both(pair, front):
    base = front["base"]
    statuses = [login(base, "sitemanager@haven.demo", "not the password").status_code for _ in range(5)]
    assert statuses == [403] * 5
    assert login(base, "sitemanager@haven.demo").status_code == 429, "five failures over two instances are five"

    admin = bearer(base, "admin@haven.demo")
    partner = get(base + "/api/v1/users?q=partner@haven.demo", headers=admin).json()["items"][0]
    changed = requests.put(f"{base}/api/v1/users/{partner['id']}", headers=admin, verify=False, timeout=30, json={
        "email": partner["email"], "role": partner["role"], "organisationId": partner.get("organisationId"), "password": "a new partner passphrase"})
    assert changed.status_code == 200
    old = at_once(*[lambda s=s: login(s["base"], "partner@haven.demo").status_code for s in pair["instances"]])
    assert old == [403, 403], "both instances refuse the old password at once"
    assert login(base, "partner@haven.demo", "a new partner passphrase").status_code == 201
