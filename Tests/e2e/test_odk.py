"""ODK compatibility, checked by the real clients: pyodk (ODK Central's client), OpenRosa multipart posts
as ODK Collect sends them, and ODK Validate on the generated XForm."""
import datetime
import os
import subprocess
import uuid

import pytest
import pyxform
import requests
from pyodk.client import Client
from pyodk.errors import PyODKError

from conftest import DEMO_PASSWORD

FORM = "haven_site_monitoring"
FEEDBACK_FORM = "haven_feedback"
AUTH = ("coordinator@haven.demo", DEMO_PASSWORD)


@pytest.fixture(scope="module")
def site(server, admin_token):
    """A site of its own, so that each round day is free."""
    headers = {"Authorization": "Bearer " + admin_token}
    area = requests.get(server["base"] + "/api/v1/admin-areas?level=3&limit=1", headers=headers).json()["items"][0]
    code = "ODK_" + uuid.uuid4().hex[:8].upper()
    response = requests.post(server["base"] + "/api/v1/sites", headers=headers, json={
        "code": code, "name": "ODK test site", "type": "planned_camp", "status": "open",
        "adminAreaId": area["id"], "openedOn": "2020-01-01"})
    response.raise_for_status()
    return code


def submission(site, day, instance, toilets=12):
    return (f'<?xml version="1.0"?><data id="{FORM}" version="1"><site>{site}</site><conducted_on>{day}</conducted_on>'
            f'<key_informants>camp leader; women\'s representative</key_informants><WASH-TOILETS>{toilets}</WASH-TOILETS>'
            f'<SMT-SERVICE-WATER>inadequate</SMT-SERVICE-WATER><meta><instanceID>{instance}</instanceID></meta></data>')


def day(offset):
    return (datetime.date.today() - datetime.timedelta(days=offset)).isoformat()


@pytest.fixture(scope="module")
def client(server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pyodk")
    config = folder / "config.toml"
    config.write_text(f'[central]\nbase_url = "{server["base"]}"\nusername = "{AUTH[0]}"\n'
                      f'password = "{AUTH[1]}"\ndefault_project_id = 1\n')
    return Client(config_path=str(config), cache_path=str(folder / "cache.toml"))


@pytest.mark.parametrize("form", [FORM, FEEDBACK_FORM])
def test_the_generated_forms_pass_odk_validate(server, tmp_path, form):
    xml = requests.get(f"{server['base']}/v1/projects/1/forms/{form}.xml", auth=AUTH).text
    path = tmp_path / "form.xml"
    path.write_text(xml)
    jar = os.path.join(os.path.dirname(pyxform.__file__), "validators", "odk_validate", "bin", "ODK_Validate.jar")
    result = subprocess.run(["java", "-jar", jar, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_collect_lists_downloads_and_submits(server, site):
    anonymous = requests.get(f"{server['base']}/v1/projects/1/formList")
    assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"].startswith("Basic")
    listing = requests.get(f"{server['base']}/v1/projects/1/formList", auth=AUTH, headers={"X-OpenRosa-Version": "1.0"})
    assert listing.headers["X-OpenRosa-Version"] == "1.0" and f"<formID>{FORM}</formID>" in listing.text
    instance = "uuid:" + str(uuid.uuid4())
    files = {"xml_submission_file": ("submission.xml", submission(site, day(30), instance), "text/xml")}
    first = requests.post(f"{server['base']}/v1/projects/1/submission", auth=AUTH, files=files)
    assert first.status_code == 201 and "OpenRosaResponse" in first.text
    again = requests.post(f"{server['base']}/v1/projects/1/submission", auth=AUTH, files=files)
    assert again.status_code == 201 and "already received" in again.text
    changed = {"xml_submission_file": ("submission.xml", submission(site, day(30), instance, toilets=99), "text/xml")}
    assert requests.post(f"{server['base']}/v1/projects/1/submission", auth=AUTH, files=changed).status_code == 409


def test_bad_xml_and_bad_values_are_refused_with_reasons(server, site):
    broken = {"xml_submission_file": ("s.xml", "<data id='haven_site_monitoring'><site>", "text/xml")}
    response = requests.post(f"{server['base']}/v1/projects/1/submission", auth=AUTH, files=broken)
    assert response.status_code == 400 and "not well-formed XML" in response.json()["detail"]
    bad = submission(site, day(31), "uuid:" + str(uuid.uuid4())).replace(">12<", ">-4<").replace(">inadequate<", ">plenty<")
    response = requests.post(f"{server['base']}/v1/projects/1/submission", auth=AUTH,
                             files={"xml_submission_file": ("s.xml", bad, "text/xml")})
    fields = {e["field"] for e in response.json()["errors"]}
    assert response.status_code == 422 and fields == {"values.WASH-TOILETS", "values.SMT-SERVICE-WATER"}


def test_pyodk_creates_lists_and_reads_submissions(server, site, client):
    assert [p.id for p in client.projects.list()] == [1]
    forms = client.forms.list()
    assert [f.xmlFormId for f in forms] == [FORM, FEEDBACK_FORM]
    since = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    instance = "uuid:" + str(uuid.uuid4())
    created = client.submissions.create(xml=submission(site, day(40), instance), form_id=FORM)
    assert created.instanceId == instance
    repeated = client.submissions.create(xml=submission(site, day(40), instance), form_id=FORM)
    assert repeated.instanceId == instance
    with pytest.raises(PyODKError):
        client.submissions.create(xml=submission(site, day(40), instance, toilets=5), form_id=FORM)
    assert client.submissions.get(form_id=FORM, instance_id=instance).instanceId == instance
    assert instance in [s.instanceId for s in client.submissions.list(form_id=FORM)]
    table = client.submissions.get_table(form_id=FORM, count=True, top=500, filter=f"__system/submissionDate ge {since}")
    rows = [row for row in table["value"] if row["__id"] == instance]
    assert len(rows) == 1 and rows[0]["site"] == site and rows[0]["WASH-TOILETS"] == 12
    assert table["@odata.count"] >= 1
    one = client.submissions.get_table(form_id=FORM, filter=f"__id eq '{instance}'")
    assert [row["__id"] for row in one["value"]] == [instance]
    page = client.submissions.get_table(form_id=FORM, top=1, skip=0, count=True)
    assert len(page["value"]) == 1 and page["@odata.count"] >= 2


def feedback(site, instance, text):
    return (f'<?xml version="1.0"?><data id="{FEEDBACK_FORM}" version="1"><start>{datetime.datetime.now().astimezone().isoformat()}</start>'
            f'<site>{site}</site><category>GBV</category><description>{text}</description><wants_answer>yes</wants_answer>'
            f'<consent>no</consent><sex>female</sex><meta><instanceID>{instance}</instanceID></meta></data>')


def test_a_mobile_team_sends_sensitive_feedback_with_pyodk(server, site, client, admin_token):
    instance = "uuid:" + str(uuid.uuid4())
    secret = "PLANTED-ODK-" + uuid.uuid4().hex
    sent = feedback(site, instance, secret)
    created = client.submissions.create(xml=sent, form_id=FEEDBACK_FORM)
    assert created.instanceId == instance
    assert client.submissions.create(xml=sent, form_id=FEEDBACK_FORM).instanceId == instance, "a resend, stored once"
    with pytest.raises(PyODKError):
        client.submissions.create(xml=sent.replace(secret, secret + " edited"), form_id=FEEDBACK_FORM)
    with pytest.raises(PyODKError):
        client.submissions.list(form_id=FEEDBACK_FORM)
    headers = {"Authorization": "Bearer " + admin_token}
    items = requests.get(server["base"] + "/api/v1/feedback?channel=odk&limit=200", headers=headers).json()["items"]
    assert secret not in str(items), "the administrator is no focal point: the case is not even listed"
    focal = requests.post(server["base"] + "/api/v1/sessions", json={"email": "focalpoint@haven.demo", "password": DEMO_PASSWORD}).json()
    site_id = requests.get(server["base"] + "/api/v1/sites?q=" + site, headers=headers).json()["items"][0]["id"]
    sent = requests.get(server["base"] + "/api/v1/feedback?site=" + site_id,
                        headers={"Authorization": "Bearer " + focal["token"]}).json()["items"]
    assert len(sent) == 1 and sent[0]["sensitive"] and sent[0].get("description") is None, "lists never carry a sensitive text"
    opened = requests.get(server["base"] + "/api/v1/feedback/" + sent[0]["id"], headers={"Authorization": "Bearer " + focal["token"]}).json()
    assert opened["description"] == secret and opened["channel"] == "odk"
