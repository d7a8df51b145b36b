import Testing
import Foundation
import NetraTestSupport

/// Workbooks that tried to crash, hang or lie to Netra (issue 28): each built from `netra
/// generate --events 40 --seed 1` written into `netra init`'s template by
/// Tests/tools/xlsx_from_csv.py, then broken in one way with Python (its EDIT argument).
@Suite("Hostile workbooks", .removingTemporaryFolders)
struct HostileWorkbookTests {
    static let builder = Netra.root + "/Tests/tools/xlsx_from_csv.py"

    /// A working folder with `base` (the generated CSVs), `d` (`netra init`'s template) and
    /// `ds/dataset.xlsx` made from them with `edit`.
    func workbook(_ name: String, _ edit: String = "") throws -> String {
        let work = Netra.tempDir(name)
        #expect(try Netra.run(["generate", "--events", "40", "--seed", "1", "--out", "base"], in: work).status == 0)
        #expect(try Netra.run(["init", "d", "--region", "32.75"], in: work).status == 0)
        try FileManager.default.createDirectory(atPath: work + "/ds", withIntermediateDirectories: true)
        let r = try Netra.runProgram("/usr/bin/python3", [Self.builder, "d/dataset.xlsx", "base", "ds/dataset.xlsx", edit], in: work)
        #expect(r.status == 0, "\(r.stderr)")
        return work
    }

    func validate(_ work: String) throws -> Netra.Result { try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: work) }

    // MARK: 1. silent wrong data

    @Test func theUneditedWorkbookLoadsAsItsCSVs() throws {
        let w = try workbook("plain")
        let a = try Netra.run(["export", "events", "--dataset", "ds"], in: w)
        let b = try Netra.run(["export", "events", "--dataset", "base"], in: w)
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout.count > 1_000)
    }

    @Test func anEmptyInlineStringIsEmpty() throws {
        // openpyxl and pandas write '' as <c t="inlineStr"></c>: after every row's last cell, and
        // in every column a row leaves empty (notes, source_url, …).
        let w = try workbook(
            "empty-inline",
            #"""
            rows = list(csv.reader(open(base + "/events.csv", newline="", encoding="utf-8")))
            def c(t, ref): return cell(t, ref) if t != "" else f'<c r="{ref}" t="inlineStr"></c>'
            x = "".join(f'<row r="{r}">' + "".join(c(t, f"{letters(k)}{r}") for k, t in enumerate(row, 1)) + "</row>" for r, row in enumerate(rows, 1))
            parts[sheet["events"]] = ("<worksheet><sheetData>" + x + "</sheetData></worksheet>").encode()
            """#)
        let a = try Netra.run(["export", "events", "--dataset", "ds"], in: w)
        let b = try Netra.run(["export", "events", "--dataset", "base"], in: w)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
    }

    @Test func aSheetCutShortIsRefused() throws {
        // Cut after its last row: before the fix, "ok: 39 events" for 40.
        let w = try workbook("cut", #"x = parts[sheet["events"]]; parts[sheet["events"]] = x[:x.rindex(b"</row>") + 6]"#)
        let r = try validate(w)
        #expect(r.status == 1)
        // The line is where the template's sheet ends (it may change with the template).
        #expect(r.stderr.hasPrefix("ds/dataset.xlsx:1:1: xl/worksheets/sheet1.xml is not well-formed XML (line "), "\(r.stderr)")
        #expect(r.stderr.contains(": no element found); the workbook is damaged\n"))
    }

    @Test func bytesChangedAfterZippingAreRefused() throws {
        // Stored parts, one letter changed in the archive (in the jurisdictions' sheet, the first
        // to hold it): the CRC-32 no longer matches.
        let w = try workbook("crc", #"method = 0; after = lambda b: b.replace(b"kota-bekasi", b"kota-bekasj", 1)"#)
        let r = try validate(w)
        #expect(
            r.stderr
                == "ds/dataset.xlsx:1:1: cannot unpack xl/worksheets/sheet2.xml: CRC error; the workbook is damaged\nnetra: 1 problem in ds; nothing was written\n"
        )
        #expect(r.status == 1)
    }

    @Test func aPartLongerThanTheArchiveSaysIsRefused() throws {
        let w = try workbook("size", #"lie = {sheet["elections"]: {"size": 100}}"#)
        let r = try validate(w)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("ds/dataset.xlsx:1:1: cannot unpack xl/worksheets/sheet3.xml: "), "\(r.stderr)")
    }

    static let hiddenEvents = #"""
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'<sheet name="events" sheetId="1" r:id="rId1"/>',
            b'<sheet name="peristiwa" sheetId="1" r:id="rId1"/><sheet name="events" sheetId="9" r:id="rId9" state="hidden"/>')
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>",
            b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/stale.xml"/></Relationships>')
        x = parts[sheet["events"]]
        parts["xl/worksheets/stale.xml"] = x[:x.index(b'<row r="4">')] + b"</sheetData></worksheet>"
        """#

    @Test func aHiddenStaleSheetIsNotRead() throws {
        // A visible 'peristiwa' (40 events) and a hidden, stale 'events' (2 events).
        let w = try workbook("hidden", Self.hiddenEvents)
        let r = try validate(w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: 40 events"))
        #expect(r.stderr == "ds/dataset.xlsx: note: the events were read from sheet 'peristiwa'; the hidden sheet 'events' left out\n")
    }

    @Test func twoVisibleSheetsOfOneTableAreRefused() throws {
        let w = try workbook("two", Self.hiddenEvents.replacingOccurrences(of: #" state="hidden""#, with: ""))
        let r = try validate(w)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("ds/dataset.xlsx:1:1: the events are in both sheet 'peristiwa' and sheet 'events'; keep only one of them\n"), "\(r.stderr)")
    }

    @Test func onlyAHiddenSheetIsRefused() throws {
        let w = try workbook(
            "only-hidden",
            #"""
            parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'r:id="rId1"/>', b'r:id="rId1" state="hidden"/>')
            """#)
        let r = try validate(w)
        #expect(r.status == 1)
        #expect(
            r.stderr.hasPrefix(
                "ds/dataset.xlsx:1:1: the events' sheet 'events' is hidden; show it in the spreadsheet program (Netra reads only visible sheets)\n"),
            "\(r.stderr)")
    }

    @Test func excelEscapesAreDecoded() throws {
        // A carriage return pasted into a title, and an escaped escape in another.
        let w = try workbook(
            "escapes",
            #"""
            x = parts[sheet["events"]].decode()
            t = x.index("<t", x.index('<c r="G2"'))
            t = x.index(">", t) + 1
            x = x[:t] + "Baris_x000D_dua " + x[t:]
            t = x.index("<t", x.index('<c r="G3"'))
            t = x.index(">", t) + 1
            x = x[:t] + "_x005F_x000D_ " + x[t:]
            parts[sheet["events"]] = x.encode()
            """#)
        let r = try Netra.run(["export", "events", "--dataset", "ds"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"Baris\rdua "))
        #expect(r.stdout.contains(",_x000D_ "))
        #expect(!r.stdout.contains("_x005F_"))
    }

    // MARK: 2. crashes

    @Test func damagedArchivesAreRefused() throws {
        let w = try workbook("zips")
        let fm = FileManager.default
        let real = [UInt8](try Data(contentsOf: URL(fileURLWithPath: w + "/ds/dataset.xlsx")))
        // 22 bytes: an end record whose central directory lies past the end of the file.
        var eocd: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 0xE8, 0x03, 0, 0, 0, 0]
        #expect(eocd.count == 22)
        let cases: [(String, [UInt8], String)] = [
            ("eocd", eocd, "ds/dataset.xlsx:1:1: is a damaged zip archive ("),
            ("tail", Array(real.suffix(3_000)), "ds/dataset.xlsx:1:1: is not an .xlsx workbook (not a zip archive)"),
            ("head", Array(real.prefix(real.count - 100)), "ds/dataset.xlsx:1:1: is a damaged zip archive (")
        ]
        for (name, bytes, message) in cases {
            try Data(bytes).write(to: URL(fileURLWithPath: w + "/ds/dataset.xlsx"))
            let r = try validate(w)
            #expect(r.status == 1, "\(name): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix(message), "\(name): \(r.stderr)")
        }
        eocd[12] = 0
        _ = fm
    }

    @Test func anEmptyProcessingInstructionIsRead() throws {
        // Well-formed: `<?x?>` before the root of every part.
        let w = try workbook(
            "pi",
            #"""
            for n in list(parts):
                if n.endswith(".xml") or n.endswith(".rels"):
                    x = parts[n]
                    i = x.index(b"?>") + 2 if x.startswith(b"<?xml") else 0
                    parts[n] = x[:i] + b"<?x?>" + x[i:]
            """#)
        let r = try validate(w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: 40 events"))
    }

    @Test func aNameThatIsNotUTF8IsRefused() throws {
        for (k, edit) in [
            #"parts[sheet["events"]] = parts[sheet["events"]].replace(b"<row ", b"<r\xffow ", 1)"#,
            #"parts[sheet["events"]] = parts[sheet["events"]].replace(b' r="A2"', b' r\xc3="A2"', 1)"#
        ].enumerated() {
            let r = try validate(try workbook("utf8-\(k)", edit))
            #expect(r.status == 1)
            #expect(r.stderr.hasPrefix("ds/dataset.xlsx:1:1: xl/worksheets/sheet1.xml is not well-formed XML (line "), "\(r.stderr)")
            #expect(r.stderr.contains(": not well-formed (invalid token)); the workbook is damaged\n"), "\(r.stderr)")
        }
    }

    // MARK: 3. hangs and memory bombs

    @Test func aCompressedSheetCutShortEnds() throws {
        // Its compressed bytes missing the last 3 to 64 (the sizes saying so; the CRC not).
        // Cut by 1 or 2 bytes, this sheet's deflate stream still gives every byte, CRC-checked.
        for cut in [3, 7, 64] {
            let w = try workbook("inflate-\(cut)", #"lie = {sheet["events"]: {"cut": \#(cut)}}"#)
            let started = Date()
            let r = try validate(w)
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(r.status == 1)
            #expect(r.stderr.hasPrefix("ds/dataset.xlsx:1:1: cannot unpack xl/worksheets/sheet1.xml: "), "\(cut): \(r.stderr)")
        }
    }

    @Test func aUTF16DocumentTypeIsRefusedAtOnce() throws {
        // A billion laughs in UTF-16, which a byte search for "<!DOCTYPE" does not find.
        let w = try workbook(
            "utf16",
            #"""
            d = '<!DOCTYPE worksheet [<!ENTITY l0 "lol">' + "".join('<!ENTITY l%d "%s">' % (k, ("&l%d;" % (k - 1)) * 10) for k in range(1, 10)) + "]>"
            parts[sheet["events"]] = ('<?xml version="1.0" encoding="UTF-16"?>' + d + '<worksheet><sheetData><row><c t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>').encode("utf-16")
            """#)
        let started = Date()
        let r = try validate(w)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(
            r.stderr.hasPrefix(
                "ds/dataset.xlsx:1:1: xl/worksheets/sheet1.xml declares a DTD or entities, which no spreadsheet program writes; the workbook is refused\n"),
            "\(r.stderr)")
    }

    @Test func aLongSharedStringUsedOverAndOverIsRefused() throws {
        // One 32,767-character string in 12,000 cells: 393 MB of text from a 10 kB file.
        let w = try workbook(
            "shared",
            #"""
            parts["xl/sharedStrings.xml"] = ("<sst><si><t>" + "a" * 32767 + "</t></si></sst>").encode()
            parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            parts[sheet["events"]] = ("<worksheet><sheetData>" + "".join('<row><c t="s"><v>0</v></c></row>' for r in range(12000)) + "</sheetData></worksheet>").encode()
            """#)
        let r = try validate(w)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("ds/dataset.xlsx:events!A2049: the sheet's cells hold more than 67108864 bytes of text, far more than its "), "\(r.stderr)")
    }

    @Test func aMillionBadCellsPrintAFewLines() throws {
        // 200,000 error cells packed into a small file: 100 told, then how many more.
        let w = try workbook(
            "many",
            #"""
            parts[sheet["events"]] = ("<worksheet><sheetData>" + '<row><c t="e"><v>#N/A</v></c></row>' * 200000 + "</sheetData></worksheet>").encode()
            """#)
        #expect(((try? FileManager.default.attributesOfItem(atPath: w + "/ds/dataset.xlsx")[.size] as? Int) ?? 0) < 100_000)
        let r = try validate(w)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 102, "\(lines.count)")
        #expect(lines.first == "ds/dataset.xlsx:events!A1: the cell holds the error #N/A; put the value itself in the cell")
        #expect(
            lines.dropLast().last == "ds/dataset.xlsx:events!A101: … and 199900 more problems in this sheet's cells from here on (the first 100 are listed)")
    }

    @Test func aWideHeaderOverManyShortRowsStaysSmall() throws {
        // A 1,024-column header over 30,000 one-cell rows: each row was widened to the header in memory.
        let w = try workbook(
            "wide",
            #"""
            hdr = "".join('<c t="inlineStr"><is><t>c%d</t></is></c>' % i for i in range(1, 1025))
            parts[sheet["events"]] = ("<worksheet><sheetData><row>" + hdr + "</row>" + '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 30000 + "</sheetData></worksheet>").encode()
            """#)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: w)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("ds/dataset.xlsx:events!A1: missing column 'id'"), "\(r.stderr)")
    }

    @Test func a1904SerialPastExcelsCalendarSaysSo() throws {
        let w = try workbook(
            "1904",
            #"""
            parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"<workbookPr ", b'<workbookPr date1904="1" ')
            x = parts[sheet["events"]].decode()
            i = x.index('<c r="B2"'); j = x.index("</c>", i) + 4
            parts[sheet["events"]] = (x[:i] + '<c r="B2" s="4"><v>2957100</v></c>' + x[j:]).encode()
            # Style 4: Excel's built-in date format 14.
            parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(b"</cellXfs>", b'<xf numFmtId="14"/></cellXfs>')
            """#)
        let r = try validate(w)
        #expect(r.status == 1)
        #expect(r.stderr.contains("events!B2: date serial 2957100.0 is outside Excel's calendar (1904 to 9999)"), "\(r.stderr)")
    }
}
