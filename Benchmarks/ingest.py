"""Usage: ingest.py BASE_URL SUBMISSIONS CLIENTS [DAYS_AGO]   (runs on one database need DAYS_AGO 2 apart)

OpenRosa ingest rate: posts one monitoring submission per site, as ODK Collect does, from several
clients at once, and reports submissions per second. Each is acknowledged only once committed.
Clients are separate processes on kept-alive connections with their bodies built beforehand, so that
the figure measures Haven rather than the load generator."""
import base64
import datetime
import http.client
import multiprocessing
import sys
import time
import urllib.parse
import uuid

import requests

AUTH = ("coordinator@haven.demo", "haven-demo-2026")
BOUNDARY = "haven-bench-boundary"


def site_codes(base, count):
    token = requests.post(base + "/api/v1/sessions", json={"email": AUTH[0], "password": AUTH[1]}).json()["token"]
    codes, offset = [], 0
    while len(codes) < count:
        page = requests.get(f"{base}/api/v1/sites?status=open&limit=500&offset={offset}",
                            headers={"Authorization": "Bearer " + token}).json()
        if not page["items"]:
            break
        codes += [s["code"] for s in page["items"] if s.get("openedOn") and s["openedOn"] < "2026-01-01"]
        offset += 500
    return codes[:count]


def body(code, day):
    xml = (f'<?xml version="1.0"?><data id="haven_site_monitoring" version="1"><site>{code}</site>'
           f'<conducted_on>{day.isoformat()}</conducted_on><key_informants>camp leader</key_informants>'
           f'<WASH-TOILETS>40</WASH-TOILETS><WASH-TAPS>4</WASH-TAPS><SMT-SERVICE-WATER>inadequate</SMT-SERVICE-WATER>'
           f'<SMT-THREAT-FIRE>no</SMT-THREAT-FIRE><meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></data>')
    return (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="xml_submission_file"; filename="s.xml"\r\n'
            f'Content-Type: text/xml\r\n\r\n{xml}\r\n--{BOUNDARY}--\r\n').encode()


def client(args):
    base, bodies = args
    url = urllib.parse.urlsplit(base)
    headers = {"Authorization": "Basic " + base64.b64encode(f"{AUTH[0]}:{AUTH[1]}".encode()).decode(),
               "Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "X-OpenRosa-Version": "1.0"}
    connection = http.client.HTTPConnection(url.hostname, url.port)
    statuses = []
    for payload in bodies:
        connection.request("POST", "/v1/projects/1/submission", body=payload, headers=headers)
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)
    return statuses


def main():
    base, count, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    day = datetime.date.today() - datetime.timedelta(days=int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    if day.day == 15:  # the demo's own rounds fall on the 15th
        day -= datetime.timedelta(days=1)
    bodies = [body(code, day) for code in site_codes(base, count)]
    shares = [(base, bodies[i::workers]) for i in range(workers)]
    requests.post(base + "/v1/projects/1/submission", auth=AUTH)  # warm the Basic login cache
    with multiprocessing.Pool(workers) as pool:
        start = time.perf_counter()
        statuses = [s for share in pool.map(client, shares) for s in share]
        elapsed = time.perf_counter() - start
    accepted = statuses.count(201)
    print(f"| OpenRosa submissions ({workers} clients) | {accepted} of {len(bodies)} accepted | {accepted / elapsed:.0f} per second |")
    if accepted != len(bodies):
        sys.exit(f"refused: {sorted(set(statuses))}")


if __name__ == "__main__":
    main()
