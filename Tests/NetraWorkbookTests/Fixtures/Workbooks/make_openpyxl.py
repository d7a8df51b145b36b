#!/usr/bin/env python3
"""Makes openpyxl/dataset.xlsx (and status-warning.xlsx, one status changed) from csv/ (a copy of datasets/bekasi-2024 when it was made):
one workbook, its sheets named in Indonesian (peristiwa, wilayah, pemilu), dates as real date
cells (a day with format yyyy-mm-dd, a month with yyyy-mm, a year as the number), counts as
numbers, everything else as text. Run from this folder: python3 make_openpyxl.py
(openpyxl from PyPI; the file it made is committed, so tests do not need it)."""
import csv
import datetime
import re

import openpyxl

DATE_COLUMNS = {"date", "end_date", "source_date", "known_date"}


def cell_value(column, text):
    if column in DATE_COLUMNS:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.datetime.strptime(text, "%Y-%m-%d"), "yyyy-mm-dd"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return datetime.datetime.strptime(text + "-01", "%Y-%m-%d"), "yyyy-mm"
        if re.fullmatch(r"\d{4}", text):
            return int(text), None
    if column == "count" and re.fullmatch(r"\d+", text):
        return int(text), None
    return text, None


def workbook(status_of=None):
    """The three sheets; status_of (id, status) changes one event's status cell."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, name in (("peristiwa", "events"), ("wilayah", "jurisdictions"), ("pemilu", "elections")):
        ws = wb.create_sheet(sheet)
        with open(f"csv/{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        ws.append(header)
        for r, row in enumerate(rows[1:], start=2):
            if status_of and name == "events" and row[0] == status_of[0]:
                row[header.index("status")] = status_of[1]
            for c, text in enumerate(row, start=1):
                if text == "":
                    continue
                value, fmt = cell_value(header[c - 1], text)
                cell = ws.cell(row=r, column=c, value=value)
                if fmt:
                    cell.number_format = fmt
    # Fixed document dates: the same script makes the same file.
    wb.properties.created = datetime.datetime(2024, 1, 1)
    wb.properties.modified = datetime.datetime(2024, 1, 1)
    return wb


def main():
    workbook().save("openpyxl/dataset.xlsx")
    # The Bapenda gathering made to say `confirmed`; the decision that stopped it set
    # `dismissed`: validate warns at the gathering's status cell.
    workbook(("kota-2023-09-18-bapenda-gathering", "confirmed")).save("openpyxl/status-warning.xlsx")


if __name__ == "__main__":
    main()
