"""Exports checked by the tools people use: the 5W CSV by libhxl's hxlvalidate against the schema in the repo."""
import csv
import io
import os
import subprocess
import sys

import requests

SCHEMA = os.path.join(os.path.dirname(__file__), "hxl", "activities-schema.csv")


def test_the_5w_export_is_valid_hxl_and_holds_every_line(server, admin_token, tmp_path):
    headers = {"Authorization": "Bearer " + admin_token}
    total = requests.get(server["base"] + "/api/v1/activities?limit=1", headers=headers).json()["total"]
    assert total > 2000, "the demo 5W is larger than one export batch"
    response = requests.get(server["base"] + "/api/v1/exports/activities.csv", headers=headers, stream=True)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers.get("transfer-encoding") == "chunked", "streamed, not built in memory"
    path = tmp_path / "5w.csv"
    path.write_bytes(response.content)
    assert response.content.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so that Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "#org+name" and len(rows) - 2 == total
    assert len({tuple(r) for r in rows[2:]}) == total, "no line twice across batches"
    hxlvalidate = os.path.join(os.path.dirname(sys.executable), "hxlvalidate")
    checked = subprocess.run([hxlvalidate, "-s", SCHEMA, str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    broken = tmp_path / "broken.csv"
    rows[2][rows[1].index("#status")] = "finished"
    with open(broken, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    refused = subprocess.run([hxlvalidate, "-s", SCHEMA, str(broken)], capture_output=True, text=True)
    assert refused.returncode != 0, "the schema does check values"


def test_the_5w_workbook_opens_in_openpyxl_with_numbers_as_numbers(server, admin_token, tmp_path):
    import openpyxl
    headers = {"Authorization": "Bearer " + admin_token}
    total = requests.get(server["base"] + "/api/v1/activities?limit=1&sector=WASH", headers=headers).json()["total"]
    response = requests.get(server["base"] + "/api/v1/exports/activities.xlsx?sector=WASH", headers=headers)
    assert response.status_code == 200 and "spreadsheetml" in response.headers["content-type"]
    path = tmp_path / "5w.xlsx"
    path.write_bytes(response.content)
    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    csv_header = next(csv.reader(io.StringIO(requests.get(server["base"] + "/api/v1/exports/activities.csv?sector=WASH", headers=headers).content.decode("utf-8-sig"))))
    assert list(rows[0]) == csv_header and rows[1][0] == "#org+name"
    assert len(rows) - 2 == total > 0
    reached = rows[1].index("#reached+ind")
    assert all(isinstance(r[reached], int) for r in rows[2:] if r[reached] is not None)
    assert {r[rows[1].index("#sector+cluster")] for r in rows[2:]} == {"WASH"}


FEEDBACK_SCHEMA = os.path.join(os.path.dirname(__file__), "hxl", "feedback-schema.csv")


def test_the_feedback_export_is_valid_hxl_without_sensitive_categories(server, admin_token, tmp_path):
    headers = {"Authorization": "Bearer " + admin_token}
    response = requests.get(server["base"] + "/api/v1/exports/feedback.csv", headers=headers)
    assert response.status_code == 200
    path = tmp_path / "feedback.csv"
    path.write_bytes(response.content)
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "#meta+ref" and len(rows) > 50, "the demo's feedback, one row per item"
    assert "description" not in rows[0] and "contact" not in rows[0]
    hxlvalidate = os.path.join(os.path.dirname(sys.executable), "hxlvalidate")
    checked = subprocess.run([hxlvalidate, "-s", FEEDBACK_SCHEMA, str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, "no sensitive category, every reference unique: " + checked.stdout + checked.stderr


def test_the_feedback_workbook_holds_the_same_rows_as_the_csv(server, admin_token, tmp_path):
    import openpyxl
    headers = {"Authorization": "Bearer " + admin_token}
    rows = list(csv.reader(io.StringIO(requests.get(server["base"] + "/api/v1/exports/feedback.csv", headers=headers).content.decode("utf-8-sig"))))
    response = requests.get(server["base"] + "/api/v1/exports/feedback.xlsx", headers=headers)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    path = tmp_path / "feedback.xlsx"
    path.write_bytes(response.content)
    sheet = openpyxl.load_workbook(path, read_only=True).active
    width = len(rows[0])
    cells = [([cell or "" for cell in row] + [""] * width)[:width] for row in sheet.iter_rows(values_only=True)]
    assert sheet.title == "Feedback" and cells[:2] == rows[:2]
    assert sorted(map(tuple, cells[2:])) == sorted(map(tuple, rows[2:])), "the same items, no sensitive one, no text"
