"""Schemathesis over the whole OpenAPI document, as an administrator and as a viewer, against a server
of its own: no 5xx, no answer the document does not describe. A fixed seed and a bounded number of
examples per operation keep the run reproducible and inside the CI time."""
import os
import subprocess
import sys

import requests

from conftest import token

EXAMPLES = os.environ.get("HAVEN_FUZZ_EXAMPLES", "10")
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def fuzz(server, bearer):
    schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    run = subprocess.run([schemathesis, "run", server["base"] + "/api/v1/openapi.json", "-H", "Authorization: Bearer " + bearer,
                          "-n", EXAMPLES, "--seed", "20261201", "--no-shrink", "--exclude-path", "/sessions/current",
                          "--phases", "examples,coverage,fuzzing", "-c", CHECKS, "--generation-database", "none",
                          "--max-failures", "50", "--no-color"], capture_output=True, text=True, timeout=1200)
    summary = run.stdout[-6000:]
    assert run.returncode == 0, summary
    assert requests.get(server["base"] + "/login", timeout=10).status_code == 200, "the server still answers"


def test_the_api_holds_its_contract_for_a_viewer_and_an_administrator(own_server):
    # Both tokens first: the fuzzer's failed logins would soon throttle this address.
    viewer, admin = token(own_server, "viewer@haven.demo"), token(own_server, "admin@haven.demo")
    fuzz(own_server, viewer)
    fuzz(own_server, admin)
    with open(own_server["log"]) as log:
        assert "Unhandled error" not in log.read()
