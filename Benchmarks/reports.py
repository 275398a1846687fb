"""Reports at field scale, beside the stylesheet measured in the same run (the floor): drafting the month's
situation report from the data (the whole draft: every section's figures, then the write), reading a published
report, the needs figures, and making the open-data package.

Aims (issue 15): the report draft under 1 s, the needs figures for the whole operation under 200 ms, the open-data
package under 30 s."""
import datetime
import statistics
import sys
import time

import requests

from measure import signed_in
from workspace import median_ms


def month_back(months):
    day = datetime.date.today().replace(day=1)
    for _ in range(months):
        day = (day - datetime.timedelta(days=1)).replace(day=1)
    return day.strftime("%Y-%m")


if __name__ == "__main__":
    base = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    admin = signed_in(base, "admin@haven.demo")
    floor, _ = median_ms(requests.Session(), base + "/styles.css", 40)
    month = month_back(1)
    created = admin.post(base + "/api/v1/reports", json={"month": month})
    created.raise_for_status()
    version = created.json()["summary"]["version"]
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        answer = admin.post(base + f"/api/v1/reports/{month}/redraft", json={"version": version})
        answer.raise_for_status()
        timings.append((time.perf_counter() - start) * 1000)
        version = answer.json()["summary"]["version"]
    draft = statistics.median(timings)
    published = month_back(2)
    print(f"| request | median ms | ÷ stylesheet ({floor:.2f} ms) |")
    print("|---|---:|---:|")
    print(f"| Draft the month's situation report from the data | {draft:.0f} | {draft / floor:.0f} |")
    for label, path in [
        ("Page: a published situation report", f"/reports/{published}"),
        ("API: needs figures by province, whole operation", "/api/v1/analysis/needs"),
    ]:
        median, _ = median_ms(admin, base + path, 40)
        print(f"| {label} | {median:.1f} | {median / floor:.0f} |")
    timings = []
    size = 0
    for _ in range(3):
        start = time.perf_counter()
        answer = admin.get(base + "/open-data/package.zip")
        answer.raise_for_status()
        timings.append(time.perf_counter() - start)
        size = len(answer.content)
    print(f"| The open-data package ({size / 1e6:.1f} MB zip) | {statistics.median(timings) * 1000:.0f} | "
          f"{statistics.median(timings) * 1000 / floor:.0f} |")
