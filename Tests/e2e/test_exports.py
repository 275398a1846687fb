"""Exports checked by the tools people use: the 5W CSV by libhxl's hxlvalidate against the schema in the repo."""
import csv
import re
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
    assert rows[1][0] == "#meta+id" and len(rows) > 50, "the demo's feedback, one row per item"
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
    # The month is a real date in the workbook, shown as the month the CSV writes.
    written = lambda cell: cell.strftime("%Y-%m") if hasattr(cell, "strftime") else (cell or "")
    cells = [([written(cell) for cell in row] + [""] * width)[:width] for row in sheet.iter_rows(values_only=True)]
    assert sheet.title == "Feedback" and cells[:2] == rows[:2]
    assert sorted(map(tuple, cells[2:])) == sorted(map(tuple, rows[2:])), "the same items, no sensitive one, no text"


# Every table a coordinator looks at, as the pages link to it.
EXPORTS = ["activities", "feedback", "sites", "population-counts", "monitoring-results", "gaps", "presence",
           "progress", "services", "needs"]

# The hashtags of the HXL 1.1 core dictionary (hxlstandard.org/standard/dictionary): exports use these only,
# with attributes of their own.
HXL_CORE = {
    "#access", "#activity", "#adm1", "#adm2", "#adm3", "#adm4", "#adm5", "#affected", "#beneficiary", "#capacity",
    "#cause", "#channel", "#contact", "#country", "#crisis", "#currency", "#date", "#delivery", "#description",
    "#event", "#frequency", "#geo", "#group", "#impact", "#indicator", "#inneed", "#item", "#loc", "#meta",
    "#modality", "#need", "#operations", "#org", "#output", "#population", "#reached", "#region", "#respondee",
    "#sector", "#service", "#severity", "#status", "#subsector", "#targeted", "#value",
}


def download(server, token, name, ext, query=""):
    response = requests.get(server["base"] + f"/api/v1/exports/{name}.{ext}{query}",
                            headers={"Authorization": "Bearer " + token})
    assert response.status_code == 200, (name, ext, response.status_code, response.text[:300])
    return response


def test_every_export_is_core_hxl_valid_against_its_schema(server, admin_token, tmp_path):
    hxlvalidate = os.path.join(os.path.dirname(sys.executable), "hxlvalidate")
    for name in EXPORTS:
        response = download(server, admin_token, name, "csv")
        assert response.headers["content-type"].startswith("text/csv")
        assert response.content.startswith(b"\xef\xbb\xbf"), name
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) > 2, f"{name}: the demo fills every table"
        for tag in rows[1]:
            base, *attributes = tag.split("+")
            assert base in HXL_CORE, f"{name}: {tag} is not an HXL core hashtag"
            assert all(re.fullmatch(r"[a-z][a-z0-9_]*", a) for a in attributes), f"{name}: {tag}"
        path = tmp_path / f"{name}.csv"
        path.write_bytes(response.content)
        schema = os.path.join(os.path.dirname(__file__), "hxl", f"{name}-schema.csv")
        checked = subprocess.run([hxlvalidate, "-s", schema, str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, name + ": " + checked.stdout[-2000:] + checked.stderr


def test_every_workbook_opens_with_a_bold_frozen_filtered_header_and_real_dates(server, admin_token, tmp_path):
    import datetime
    import openpyxl
    for name in EXPORTS:
        rows = list(csv.reader(io.StringIO(download(server, admin_token, name, "csv").content.decode("utf-8-sig"))))
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(download(server, admin_token, name, "xlsx").content)
        sheet = openpyxl.load_workbook(path).active
        assert sheet.freeze_panes == "A3", f"{name}: header and HXL rows stay in view"
        assert sheet.auto_filter.ref == f"A2:{openpyxl.utils.get_column_letter(len(rows[0]))}{len(rows)}", name
        assert sheet["A1"].font.b and sheet["A2"].font.b, name
        assert all(sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width >= len(h)
                   for i, h in enumerate(rows[0])), f"{name}: every header fits its column"
        cells = list(sheet.iter_rows(values_only=True))
        assert list(cells[0]) == rows[0] and list(cells[1]) == rows[1] and len(cells) == len(rows), name
        for column, tag in enumerate(rows[1]):
            values = [row[column] for row in cells[2:] if row[column] is not None]
            if tag.startswith("#date"):
                assert all(isinstance(v, datetime.datetime) for v in values), f"{name}: {tag} holds dates"
                texts = [r[column] for r in rows[2:] if r[column]]
                shown = [v.strftime("%Y-%m-%d" if len(t) == 10 else "%Y-%m") for v, t in zip(values, texts)]
                assert shown == texts, f"{name}: {tag} is the same day as in the CSV"


def test_a_sites_exports_take_its_code(server, admin_token):
    rows = list(csv.reader(io.StringIO(download(
        server, admin_token, "population-counts", "csv", "?site=bo0101_0003").content.decode("utf-8-sig"))))
    assert len(rows) > 3 and {r[0] for r in rows[2:]} == {"BO0101_0003"}
    refused = requests.get(server["base"] + "/api/v1/exports/monitoring-results.csv?site=NOPE",
                           headers={"Authorization": "Bearer " + admin_token})
    assert refused.status_code == 422 and "site" in refused.text


def test_an_export_with_no_rows_is_a_whole_file(server, admin_token):
    # A table held in memory handed its rows over as one batch even when it had none, and the empty batch went out
    # as an empty chunk, which in chunked encoding ends the body: the real end then broke the response.
    for name, query in [("services", "?sector=Nothing"), ("progress", "?sector=Nothing"), ("gaps", "?responseSector=Nothing")]:
        response = download(server, admin_token, name, "csv", query)
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == 2 and rows[1][0].startswith("#"), name
