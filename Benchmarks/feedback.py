"""Complaints and feedback at scale (the aim: dashboard and overdue list under 200 ms with a million items),
timed as the focal point sees them: median and 95th percentile per request over loopback, in milliseconds."""
import sys

from measure import signed_in, time_cases

base = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
session = signed_in(base, "focalpoint@haven.demo")
print(f"{session.get(base + '/api/v1/feedback?limit=1').json()['total']:,} feedback items visible to the focal point")
site = session.get(base + "/api/v1/sites?limit=1&status=open").json()["items"][0]["id"]
time_cases(session, base, [
    ("API: feedback figures, last 12 months", "/api/v1/analysis/feedback"),
    ("Page: feedback figures", "/complaints/figures"),
    ("API: overdue list, first page", "/api/v1/feedback?overdue=true"),
    ("Page: complaints (the digest, newest first)", "/complaints"),
    ("Page: overdue list, first page", "/complaints?overdue=true"),
    ("API: one site's feedback", "/api/v1/feedback?site=" + site),
], rounds)
coordinator = signed_in(base, "coordinator@haven.demo")
time_cases(coordinator, base, [
    ("Coordinator (no focal point): overdue list", "/api/v1/feedback?overdue=true"),
    ("Coordinator: complaints page", "/complaints"),
], rounds)
