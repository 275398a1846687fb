"""Measures Haven's response times on a running server: median and 95th percentile per request, in milliseconds."""
import statistics
import sys
import time

import requests


def signed_in(base, email):
    """A session carrying a bearer token, and the same token as the page cookie."""
    session = requests.Session()
    token = session.post(base + "/api/v1/sessions", json={"email": email, "password": "haven-demo-2026"}).json()["token"]
    session.headers["Authorization"] = "Bearer " + token
    session.cookies.set("haven_session", token)
    return session


def time_cases(session, base, cases, rounds):
    """Prints a Markdown row per request: its median and 95th percentile over `rounds` requests, after one warm-up."""
    print("| request | median ms | p95 ms |")
    print("|---|---:|---:|")
    for label, path in cases:
        session.get(base + path).raise_for_status()
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            session.get(base + path).raise_for_status()
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        print(f"| {label} | {statistics.median(timings):.1f} | {timings[int(len(timings) * 0.95) - 1]:.1f} |")


if __name__ == "__main__":
    base = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    session = signed_in(base, "admin@haven.demo")
    site = session.get(base + "/api/v1/sites?sort=-population&limit=1").json()["items"][0]["id"]
    province = session.get(base + "/api/v1/admin-areas?level=1&limit=1").json()["items"][0]["pcode"]
    time_cases(session, base, [
        ("API: site list, first page of 50", "/api/v1/sites"),
        ("API: sites of a province by population", f"/api/v1/sites?adminArea={province}&sort=-population"),
        ("API: site search", "/api/v1/sites?q=camp&limit=100"),
        ("API: one site's population counts", f"/api/v1/sites/{site}/population-counts?limit=36"),
        ("Page: site list with totals", "/sites"),
        ("Page: site list, province filter, last page", f"/sites?adminArea={province}&offset=800"),
        ("Page: one site (profile, charts, counts, audit)", f"/sites/{site}"),
        ("Page: province roll-up (sub-areas and sites)", f"/areas/{province}"),
        ("Page: country areas roll-up", "/areas"),
        ("API: gap analysis, whole operation", "/api/v1/gap-analysis"),
        ("API: gap analysis, WASH at 3+ in a province", f"/api/v1/gap-analysis?sector=WASH&minSeverity=3&adminArea={province}"),
        ("API: one site's monitoring history", f"/api/v1/sites/{site}/rounds?limit=50"),
        ("Page: monitoring dashboard, whole operation", "/monitoring"),
        ("API: progress against every target, by area", "/api/v1/analysis/progress?by=area"),
        ("Page: progress against the plan, by organisation", "/activities/progress?by=organisation"),
        ("API: presence per province this month", "/api/v1/analysis/presence/areas"),
        ("Page: presence (map, areas, site × sector matrix)", "/activities/presence"),
    ], rounds)
