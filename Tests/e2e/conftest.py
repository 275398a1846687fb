"""Starts a real Haven server with the demo operation for the browser and interoperability checks."""
import os
import socket
import subprocess
import tempfile
import time

import pytest
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO_PASSWORD = "haven-demo-2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_haven(**settings):
    """Starts a Haven server with the demo operation in a data folder of its own, without waiting for it."""
    data = tempfile.mkdtemp(prefix="haven-e2e-")
    port = free_port()
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(HAVEN_DATA_DIR=data, HAVEN_LOG_LEVEL="info", **settings)
    log = open(os.path.join(data, "server.log"), "w")
    console = open(os.path.join(data, "console.txt"), "w")
    binary = os.path.join(ROOT, ".build", "debug", "haven")
    process = subprocess.Popen([binary, "serve", "--demo", "--port", str(port)], env=env, stdout=console, stderr=log)
    return process, {"base": f"http://127.0.0.1:{port}", "data": data, "log": log.name, "pid": process.pid}


def wait_ready(process, info, path="/login", seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("Haven exited while starting; see " + info["log"])
        try:
            if requests.get(info["base"] + path, timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    process.kill()
    raise RuntimeError("Haven did not start; see " + info["log"])


def start_haven(**settings):
    """A real Haven server with the demo operation in a data folder of its own, ready to answer."""
    process, info = launch_haven(**settings)
    wait_ready(process, info)
    return process, info


def stop_haven(process):
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def server():
    # Every upload goes through the background path, so the journeys follow its progress page.
    process, info = start_haven(HAVEN_IMPORT_BACKGROUND_ROWS="1", HAVEN_LANGUAGES="en,fr,ar")
    yield info
    stop_haven(process)


@pytest.fixture(scope="module")
def own_server():
    """A server for one module alone, for checks that change or strain what others read."""
    process, info = start_haven()
    yield info
    stop_haven(process)


def headless_chromium(width=1280, height=900):
    """Debian's Chromium driven by selenium, headless, at a laptop's window size unless told."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    if width < 500:
        # Chromium keeps a window at least about 500 px wide; a phone's width is emulated instead.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    return driver


def token(server, email):
    response = requests.post(server["base"] + "/api/v1/sessions", json={"email": email, "password": DEMO_PASSWORD}, timeout=10)
    response.raise_for_status()
    return response.json()["token"]


@pytest.fixture(scope="session")
def admin_token(server):
    return token(server, "admin@haven.demo")
