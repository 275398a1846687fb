"""The workspace at field scale: each role's home, a site's page and search, in milliseconds beside the
stylesheet measured in the same run (the floor), and every export's rows per second.

Aims (issue 14): each home and the site page under 50 ms median, search under 50 ms, every export streaming
100,000 rows in under 5 s (20,000 rows/s)."""
import statistics
import sys
import time

import requests

from measure import signed_in
from throughput import export_speed

ROLES = ["coordinator@haven.demo", "sitemanager@haven.demo", "partner@haven.demo", "viewer@haven.demo",
         "admin@haven.demo"]


def median_ms(session, url, rounds):
    """Median and 95th percentile of `rounds` requests after one warm-up, in milliseconds."""
    session.get(url).raise_for_status()
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        session.get(url).raise_for_status()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


if __name__ == "__main__":
    base = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    admin = signed_in(base, "admin@haven.demo")
    floor, _ = median_ms(requests.Session(), base + "/styles.css", rounds)
    worst = admin.get(base + "/api/v1/gap-analysis?limit=1").json()["items"][0]["siteId"]
    cases = [(f"Home of {email.split('@')[0]}", signed_in(base, email), "/") for email in ROLES] + [
        ("Page: a site at severity 5 (all its panels)", admin, f"/sites/{worst}"),
        ("API: search 'camp'", admin, "/api/v1/search?q=camp"),
        ("API: search a site code", admin, "/api/v1/search?q=BO0101_0001"),
        ("Page: search 'wa'", admin, "/search?q=wa"),
        ("API: needs figures by province, whole operation", admin, "/api/v1/analysis/needs"),
        ("Page: needs figures by district", admin, "/needs?level=2"),
    ]
    print(f"| request | median ms | p95 ms | ÷ stylesheet ({floor:.2f} ms) |")
    print("|---|---:|---:|---:|")
    for label, session, path in cases:
        median, p95 = median_ms(session, base + path, rounds)
        print(f"| {label} | {median:.1f} | {p95:.1f} | {median / floor:.0f} |")
    print()
    print("| export (streamed) | rows | seconds | rows/s |")
    print("|---|---:|---:|---:|")
    for label, path in [
        ("5W, every line (CSV)", "/api/v1/exports/activities.csv"),
        ("Sites (CSV)", "/api/v1/exports/sites.csv"),
        ("Population counts, every count (CSV)", "/api/v1/exports/population-counts.csv"),
        ("Population counts, every count (Excel)", "/api/v1/exports/population-counts.xlsx"),
        ("Monitoring results, every round (CSV)", "/api/v1/exports/monitoring-results.csv"),
        ("Feedback, every item not sensitive (CSV)", "/api/v1/exports/feedback.csv?from=2000-01&to=2100-12"),
        ("Gaps this month (CSV)", "/api/v1/exports/gaps.csv"),
        ("Presence this month (CSV)", "/api/v1/exports/presence.csv"),
        ("Services (CSV)", "/api/v1/exports/services.csv"),
    ]:
        if path.endswith(".xlsx"):
            # The same rows as the CSV before it; a workbook's rows are not lines.
            start = time.perf_counter()
            admin.get(base + path).raise_for_status()
            took = time.perf_counter() - start
        else:
            rows, took = export_speed(admin, base + path)
        print(f"| {label} | {rows:,} | {took:.2f} | {rows / took:,.0f} |")
