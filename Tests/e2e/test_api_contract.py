"""The OpenAPI document is valid OpenAPI 3 and the server answers as it says."""
import requests
from openapi_spec_validator import validate


def test_the_openapi_document_is_valid(server):
    document = requests.get(server["base"] + "/api/v1/openapi.json", timeout=10).json()
    validate(document)
    assert document["openapi"].startswith("3.")
    for path in ("/sites", "/sites/{id}", "/sites/{id}/population-counts", "/admin-areas", "/organisations", "/users", "/audit-events", "/sessions"):
        assert path in document["paths"], path


def test_lists_share_one_envelope(server, admin_token):
    headers = {"Authorization": "Bearer " + admin_token}
    for path in ("sites", "admin-areas", "organisations", "users", "audit-events"):
        body = requests.get(f"{server['base']}/api/v1/{path}?limit=3", headers=headers, timeout=10).json()
        assert set(body) == {"items", "total", "limit", "offset"}, path
        assert body["limit"] == 3 and len(body["items"]) <= 3 and body["total"] >= len(body["items"])


def test_no_password_or_token_reaches_the_log(server, admin_token):
    with open(server["log"]) as log:
        text = log.read()
    assert "haven-demo-2026" not in text
    assert admin_token not in text
