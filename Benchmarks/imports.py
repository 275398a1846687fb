"""5W import and export at scale: builds a partners' file of N lines over the demo's sites (each line a
distinct organisation, activity, site and month), times the preview and the commit of
POST /api/v1/activities/imports, then the same file again (nothing changes), then the exports."""
import csv
import datetime
import io
import sys
import time

import requests

base, count = sys.argv[1], int(sys.argv[2])
session = requests.Session()
token = session.post(base + "/api/v1/sessions", json={"email": "coordinator@haven.demo", "password": "haven-demo-2026"}).json()["token"]
session.headers["Authorization"] = "Bearer " + token

sites, offset = [], 0
while True:
    page = session.get(f"{base}/api/v1/sites?status=open&limit=500&offset={offset}").json()
    sites += [s["code"] for s in page["items"] if s.get("openedOn") and s["openedOn"] < "2024-01-01"]
    offset += 500
    if offset >= page["total"]:
        break
organisations = ["IOM", "UNHCR", "NRC", "DRC", "ACTED", "BRA", "HFC", "BRCS"]
activities = ["WASH-02", "WASH-04", "WASH-06", "WASH-07", "SHL-02", "SHL-03", "HLT-01", "HLT-03", "PRT-02", "GBV-01", "CP-02",
              "EDU-02", "FSL-02", "NUT-02", "LIV-01", "LIV-02", "CCCM-02", "CCCM-03", "CCCM-04"]
today = datetime.date.today()
months = [(today.replace(day=1) - datetime.timedelta(days=31 * k)).strftime("%Y-%m") for k in range(24)]

out = io.StringIO()
writer = csv.writer(out)
writer.writerow(["Organisation", "Activity code", "Site code", "Status", "Start date", "Reporting month", "Modality", "Targeted", "Reached"])
writer.writerow(["#org+name", "#activity+code", "#loc+code", "#status", "#date+start", "#date+reported", "#meta+modality", "#targeted+ind", "#reached+ind"])
lines = 0
for month in months:
    for site in sites:
        for organisation in organisations:
            if lines == count:
                break
            activity = activities[(hash(site) + lines) % len(activities)]
            writer.writerow([organisation, activity, site, "ongoing", "2023-06-01", month, "service", 300, 120])
            lines += 1
body = out.getvalue().encode()


def post(content):
    start = time.perf_counter()
    response = session.post(base + "/api/v1/activities/imports", files={"file": ("5w.csv", content, "text/csv")})
    return response, time.perf_counter() - start


preview, preview_seconds = post(body)
if preview.status_code != 200:
    sys.exit(f"preview refused: {preview.status_code} {preview.text[:500]}")
start = time.perf_counter()
commit = session.post(f"{base}/api/v1/activities/imports/{preview.json()['id']}/commit")
commit_seconds = time.perf_counter() - start
if commit.status_code != 200:
    sys.exit(f"commit refused: {commit.status_code} {commit.text[:500]}")
again, again_seconds = post(body)
print(f"| 5W import of {lines:,} lines: preview | {preview_seconds:.1f} s |")
print(f"| 5W import of {lines:,} lines: commit | {commit_seconds:.1f} s |")
print(f"| the same file again: preview ({again.json()['unchanged']:,} unchanged) | {again_seconds:.1f} s |")
total = session.get(base + "/api/v1/activities?limit=1").json()["total"]
for kind in ["csv", "xlsx"]:
    start = time.perf_counter()
    size = len(session.get(f"{base}/api/v1/exports/activities.{kind}").content)
    print(f"| 5W export, all {total:,} lines, {kind.upper()} ({size / 1e6:.0f} MB) | {time.perf_counter() - start:.1f} s |")
