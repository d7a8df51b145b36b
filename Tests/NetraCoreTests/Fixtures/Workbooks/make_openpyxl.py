#!/usr/bin/env python3
"""Makes openpyxl/dataset.xlsx from csv/ (a copy of datasets/bekasi-2024 when it was made):
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


def main():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, name in (("peristiwa", "events"), ("wilayah", "jurisdictions"), ("pemilu", "elections")):
        ws = wb.create_sheet(sheet)
        with open(f"csv/{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        ws.append(header)
        for r, row in enumerate(rows[1:], start=2):
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
    wb.save("openpyxl/dataset.xlsx")


if __name__ == "__main__":
    main()
