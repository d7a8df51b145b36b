#!/usr/bin/env python3
"""Writes a dataset folder's CSVs as one dataset.xlsx, the way the hostile-workbook tests and
the workbook fuzz corpus need it: `netra init`'s template (TEMPLATE) with each sheet's rows
replaced by the CSV's rows as inline strings, then EDIT (Python) run with these names:

  parts    {name: bytes} of every part, to change, add or remove
  sheet    {table: part name}: 'events' -> 'xl/worksheets/sheet1.xml', ...
  order    the parts' names in the order they are zipped
  method   8 (deflate, the default) or 0 (stored), for every part
  methods  {name: method} for single parts
  after    a function bytes -> bytes applied to the finished archive
  cell     cell(text, ref) -> an inline-string cell's XML

The archive is written by hand (struct and zlib), so that EDIT can also lie in it:
  lie      {name: {"crc": n, "size": n, "csize": n, "cut": n}}: the stated CRC-32 or sizes of a
           part, or its compressed bytes cut short by n (its sizes then say the cut length).

Usage: xlsx_from_csv.py TEMPLATE CSV_DIR OUT [EDIT]
"""
import csv
import struct
import sys
import zlib

template, base, out = sys.argv[1:4]
edit = sys.argv[4] if len(sys.argv) > 4 else ""


def read_zip(path):
    import zipfile
    z = zipfile.ZipFile(path)
    return [i.filename for i in z.infolist()], {n: z.read(n) for n in z.namelist()}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def letters(n):
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def cell(text, ref):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(text)}</t></is></c>'


def rows_xml(rows):
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell(t, f"{letters(c)}{r}") for c, t in enumerate(row, start=1) if t != "")
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


order, parts = read_zip(template)
sheet = {"events": "xl/worksheets/sheet1.xml", "jurisdictions": "xl/worksheets/sheet2.xml",
         "elections": "xl/worksheets/sheet3.xml"}
for table, part in sheet.items():
    with open(f"{base}/{table}.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    xml = parts[part].decode("utf-8")
    start = xml.index("<sheetData")
    end = xml.index("</sheetData>") + len("</sheetData>") if "</sheetData>" in xml else xml.index("/>", start) + 2
    parts[part] = (xml[:start] + "<sheetData>" + rows_xml(rows) + "</sheetData>" + xml[end:]).encode("utf-8")

method = 8
methods = {}
lie = {}
after = None
exec(edit)


def pack():
    local, central = b"", b""
    names = [n for n in order if n in parts] + [n for n in parts if n not in order]
    for name in names:
        data = parts[name]
        m = methods.get(name, method)
        crc = zlib.crc32(data) & 0xFFFFFFFF
        if m == 8:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = c.compress(data) + c.flush()
        else:
            packed = data
        size, csize = len(data), len(packed)
        l = lie.get(name, {})
        if "cut" in l:
            packed = packed[: len(packed) - l["cut"]]
            csize = len(packed)
            if m == 0:
                size = csize
        crc, size, csize = l.get("crc", crc), l.get("size", size), l.get("csize", csize)
        raw = name.encode("utf-8")
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, m, 0, 0x21, crc, csize, size, len(raw), 0) + raw + packed
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, m, 0, 0x21, crc, csize, size, len(raw), 0, 0, 0, 0, 0, offset) + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(central), len(local), 0)
    return local + central + end


data = pack()
if after:
    data = after(data)
with open(out, "wb") as f:
    f.write(data)
