"""Requests per second under load (wrk), each beside the stylesheet's in the same run, and export speed.

The stylesheet is the floor: what this machine and Vapor do for a request that costs Haven nothing. A figure
is worth reading only as a ratio to it, since the same code answers at different rates on different machines.
Usage: throughput.py BASE_URL [SECONDS]
"""
import re
import subprocess
import sys
import time

import requests

from measure import signed_in


def rate(url, seconds, headers=()):
    """Requests per second and the 99th percentile latency in ms, from `wrk -t2 -c16`; refuses a run with errors."""
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"wrk saw errors on {url}:\n{output}")
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    return per_second, float(p99.group(1)) * scale


def export_speed(session, url):
    """Rows and rows per second of a streamed CSV export (less its header and HXL rows)."""
    start = time.perf_counter()
    rows = -2
    with session.get(url, stream=True) as response:
        response.raise_for_status()
        for chunk in response.iter_content(chunk_size=1 << 16):
            rows += chunk.count(b"\n")
    seconds = time.perf_counter() - start
    return rows, seconds


if __name__ == "__main__":
    base = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    session = signed_in(base, "admin@haven.demo")
    token = session.headers["Authorization"]
    bearer, cookie = [f"Authorization: {token}"], [f"Cookie: haven_session={token.split()[1]}"]
    floor, floor_p99 = rate(base + "/styles.css", seconds)
    cases = [
        ("Stylesheet, with a bearer token", "/styles.css", bearer),
        ("API: site list, 1 site", "/api/v1/sites?limit=1", bearer),
        ("API: site list, 50 sites", "/api/v1/sites?limit=50", bearer),
        ("API: 5W lines, 50", "/api/v1/activities?limit=50", bearer),
        ("Page: site list (50 sites and totals)", "/sites", cookie),
        ("Page: 5W lines (50 and totals)", "/activities", cookie),
    ]
    print("| request (wrk -t2 -c16) | requests/s | ÷ stylesheet | p99 ms |")
    print("|---|---:|---:|---:|")
    print(f"| Stylesheet, anonymous (the floor) | {floor:,.0f} | 1.00 | {floor_p99:.1f} |")
    for label, path, headers in cases:
        per_second, p99 = rate(base + path, seconds, headers)
        print(f"| {label} | {per_second:,.0f} | {per_second / floor:.2f} | {p99:.1f} |")
    print()
    print("| export (CSV, streamed) | rows | seconds | rows/s |")
    print("|---|---:|---:|---:|")
    for label, path in [
        ("5W, every line", "/api/v1/exports/activities.csv"),
        ("Feedback, every item not sensitive", "/api/v1/exports/feedback.csv?from=2000-01&to=2100-12"),
    ]:
        rows, took = export_speed(session, base + path)
        print(f"| {label} | {rows:,} | {took:.2f} | {rows / took:,.0f} |")
