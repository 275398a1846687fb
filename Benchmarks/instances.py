"""Usage: instances.py BASE_ONE BASE_TWO SUBMISSIONS CLIENTS LINES

Two Haven instances on one PostgreSQL database against one, in the same run: the same OpenRosa ingest
(SUBMISSIONS from CLIENTS processes) and the same 5W import (four partners each confirming a file of
LINES / 4 lines at once), first with every client on instance one, then with the clients spread over both
as a round-robin balancer spreads them. Prints Markdown rows with the ratio of two to one."""
import concurrent.futures
import csv
import datetime
import io
import multiprocessing
import sys
import time

import requests

from ingest import AUTH, body, client, site_codes

PARTNERS = [["IOM", "UNHCR", "NRC", "DRC"], ["ACTED", "BRA", "HFC", "BRCS"]]
ACTIVITIES = ["WASH-02", "WASH-04", "SHL-02", "HLT-01", "PRT-02", "EDU-02", "FSL-02", "CCCM-02"]


def ingest(bases, codes, days_ago, workers):
    """Submissions per second with the clients spread over `bases`."""
    day = datetime.date.today() - datetime.timedelta(days=days_ago)
    bodies = [body(code, day) for code in codes]
    shares = [(bases[i % len(bases)], bodies[i::workers]) for i in range(workers)]
    for base in bases:
        requests.post(base + "/v1/projects/1/submission", auth=AUTH)  # warm each instance's Basic login cache
    with multiprocessing.Pool(workers) as pool:
        start = time.perf_counter()
        statuses = [s for share in pool.map(client, shares) for s in share]
        elapsed = time.perf_counter() - start
    if statuses.count(201) != len(bodies):
        sys.exit(f"refused: {sorted(set(statuses))}")
    return len(bodies) / elapsed


def partner_file(organisation, sites, months, lines):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Organisation", "Activity code", "Site code", "Status", "Start date", "Reporting month", "Modality", "Targeted", "Reached"])
    writer.writerow(["#org+name", "#activity+code", "#loc+code", "#status", "#date+start", "#date+reported", "#meta+modality", "#targeted+ind", "#reached+ind"])
    written = 0
    for month in months:
        for index, site in enumerate(sites):
            if written == lines:
                return out.getvalue().encode()
            writer.writerow([organisation, ACTIVITIES[(index + written) % len(ACTIVITIES)], site, "ongoing", month + "-01", month, "service", 300, 120])
            written += 1
    return out.getvalue().encode()


def confirm(base, token, content):
    headers = {"Authorization": "Bearer " + token}
    preview = requests.post(base + "/api/v1/activities/imports", headers=headers, files={"file": ("5w.csv", content, "text/csv")}, timeout=600)
    if preview.status_code != 200:
        sys.exit(f"preview refused: {preview.status_code} {preview.text[:300]}")
    commit = requests.post(f"{base}/api/v1/activities/imports/{preview.json()['id']}/commit", headers=headers, timeout=600)
    if commit.status_code != 200:
        sys.exit(f"commit refused: {commit.status_code} {commit.text[:300]}")


def imports(bases, organisations, sites, months, lines):
    """Seconds for four partners to confirm their files at once, spread over `bases`."""
    token = requests.post(bases[0] + "/api/v1/sessions", json={"email": AUTH[0], "password": AUTH[1]}).json()["token"]
    files = [partner_file(name, sites, months, lines // len(organisations)) for name in organisations]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(len(files)) as pool:
        list(pool.map(lambda i: confirm(bases[i % len(bases)], token, files[i]), range(len(files))))
    return time.perf_counter() - start


def main():
    one, two, submissions, workers, lines = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    codes = site_codes(one, submissions)
    alone = ingest([one], codes, 4, workers)
    spread = ingest([one, two], codes, 6, workers)
    print(f"| OpenRosa ingest, {len(codes):,} submissions from {workers} clients | {alone:.0f} per second | {spread:.0f} per second | {spread / alone:.2f} |")
    today = datetime.date.today().replace(day=1)
    months = [(today - datetime.timedelta(days=31 * k)).strftime("%Y-%m") for k in range(1, 13)]
    alone = imports([one], PARTNERS[0], codes, months, lines)
    spread = imports([one, two], PARTNERS[1], codes, months, lines)
    print(f"| 5W import, 4 partners × {lines // 4:,} lines at once | {alone:.1f} s | {spread:.1f} s | {alone / spread:.2f} |")


if __name__ == "__main__":
    main()
