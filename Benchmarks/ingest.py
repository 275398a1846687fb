"""OpenRosa ingest rate: posts one monitoring submission per site, as ODK Collect does, from several
clients at once, and reports submissions per second. Each is acknowledged only once committed."""
import concurrent.futures
import datetime
import sys
import time
import uuid

import requests

base, count, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
auth = ("coordinator@haven.demo", "haven-demo-2026")
token = requests.post(base + "/api/v1/sessions", json={"email": auth[0], "password": auth[1]}).json()["token"]
codes, offset = [], 0
while len(codes) < count:
    page = requests.get(f"{base}/api/v1/sites?status=open&limit=500&offset={offset}", headers={"Authorization": "Bearer " + token}).json()
    if not page["items"]:
        break
    codes += [s["code"] for s in page["items"] if s.get("openedOn") and s["openedOn"] < "2026-01-01"]
    offset += 500
codes = codes[:count]
day = datetime.date.today() - datetime.timedelta(days=1)
if day.day == 15:
    day -= datetime.timedelta(days=1)


def submit(code):
    xml = (f'<?xml version="1.0"?><data id="haven_site_monitoring" version="1"><site>{code}</site>'
           f'<conducted_on>{day.isoformat()}</conducted_on><key_informants>camp leader</key_informants>'
           f'<WASH-TOILETS>40</WASH-TOILETS><WASH-TAPS>4</WASH-TAPS><SMT-SERVICE-WATER>inadequate</SMT-SERVICE-WATER>'
           f'<SMT-THREAT-FIRE>no</SMT-THREAT-FIRE><meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></data>')
    with requests.Session() as session:
        response = session.post(base + "/v1/projects/1/submission", auth=auth, files={"xml_submission_file": ("s.xml", xml, "text/xml")})
    return response.status_code


requests.post(base + "/v1/projects/1/submission", auth=auth)  # warm the Basic login cache
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(workers) as pool:
    statuses = list(pool.map(submit, codes))
elapsed = time.perf_counter() - start
accepted = statuses.count(201)
print(f"| OpenRosa submissions ({workers} clients) | {accepted} of {len(codes)} accepted | {accepted / elapsed:.0f} per second |")
if accepted != len(codes):
    sys.exit(f"refused: {sorted(set(statuses))}")
