"""Complaints and feedback at scale (the aim: dashboard and overdue list under 200 ms with a million items):
median and 95th percentile per request over loopback, in milliseconds."""
import statistics
import sys
import time

import requests

base = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
session = requests.Session()
token = session.post(base + "/api/v1/sessions", json={"email": "focalpoint@haven.demo", "password": "haven-demo-2026"}).json()["token"]
session.headers["Authorization"] = "Bearer " + token
session.cookies.set("haven_session", token)
total = session.get(base + "/api/v1/feedback?limit=1").json()["total"]
print(f"{total:,} feedback items visible to the focal point")
cases = [
    ("API: feedback figures, last 12 months", "/api/v1/analysis/feedback"),
    ("Page: feedback figures", "/complaints/figures"),
    ("API: overdue list, first page", "/api/v1/feedback?overdue=true"),
    ("Page: complaints (what is late, first page)", "/complaints"),
    ("API: one site's feedback", "/api/v1/feedback?site=" + session.get(base + "/api/v1/sites?limit=1&status=open").json()["items"][0]["id"]),
]
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
