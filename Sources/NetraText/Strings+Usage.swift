/// What the command line says of its own arguments (usage errors, exit 2) and of the
/// terminal itself, in both languages.
extension Strings {
    /// A `--as-of` (or any single day) that is not `YYYY-MM-DD`.
    public static func notADay(_ text: String) -> Phrase {
        Phrase(
            id: "'\(text)' bukan tanggal; yang diharapkan YYYY-MM-DD, mis. 2023-12-31",
            en: "'\(text)' is not a day; expected YYYY-MM-DD, e.g. 2023-12-31")
    }

    /// `--from`/`--to` that is neither a day nor a month.
    public static func notADayOrMonth(_ option: String, _ text: String) -> Phrase {
        Phrase(
            id: "\(option): '\(text)' bukan tanggal atau bulan; yang diharapkan YYYY-MM atau YYYY-MM-DD, mis. 2023-11",
            en: "\(option): '\(text)' is not a day or a month; expected YYYY-MM or YYYY-MM-DD, e.g. 2023-11")
    }

    /// `--month` that is not `YYYY-MM`.
    public static func notAMonth(_ text: String) -> Phrase {
        Phrase(id: "'\(text)' bukan bulan; yang diharapkan YYYY-MM, mis. 2024-01", en: "'\(text)' is not a month; expected YYYY-MM, e.g. 2024-01")
    }

    /// `--from` after `--to`.
    public static func fromAfterTo(_ from: String, _ to: String) -> Phrase {
        Phrase(id: "--from \(from) jatuh sesudah --to \(to)", en: "--from \(from) is after --to \(to)")
    }

    /// A `--kind` that names no kind, with the nearest one when there is one.
    public static func unknownKindOption(_ text: String, nearest: String?, all: [String]) -> Phrase {
        let hint = nearest.map { (id: " (maksud Anda `\($0)`?)", en: " (did you mean `\($0)`?)") } ?? (id: "", en: "")
        return Phrase(
            id: "jenis '\(text)' tidak dikenal\(hint.id); yang diharapkan salah satu dari: \(all.joined(separator: ", "))",
            en: "unknown kind '\(text)'\(hint.en); expected one of: \(all.joined(separator: ", "))")
    }

    /// A briefing of a month that has not begun.
    public static func monthNotBegun(_ month: String, today: String) -> Phrase {
        Phrase(
            id: "--month \(month) belum dimulai (hari ini \(today)); ringkasan mengatakan keadaan pada akhir bulannya",
            en: "--month \(month) has not begun (today is \(today)); a briefing says where things stood at its month's end")
    }

    /// `--scale` out of its values.
    public static func scaleTakes(_ values: [Int], got: Int) -> Phrase {
        let v = values.map(String.init)
        return Phrase(
            id: "--scale menerima \(v.joined(separator: " atau ")); yang diberikan \(got)",
            en: "--scale takes \(v.joined(separator: " or ")); got \(got)")
    }

    /// `--quiet` with `--verbose`.
    public static let quietAndVerbose = Phrase(id: "--quiet dan --verbose tidak dapat dipakai bersama", en: "--quiet and --verbose cannot be used together")

    /// A `--map-measure` that is none of the forms.
    public static func notAMapMeasure(_ text: String, forms: String) -> Phrase {
        Phrase(
            id: "'\(text)' bukan ukuran peta; yang diharapkan \(forms), mis. tally:ASN",
            en: "'\(text)' is not a map measure; expected \(forms), e.g. tally:ASN")
    }

    /// The tally series a `--map-measure` may name (`forms`), or none.
    static func tallyForms(_ forms: [String]) -> Phrase {
        forms.isEmpty
            ? Phrase(id: "data tidak memiliki rekap kasus", en: "the data has no tallies")
            : Phrase(id: "data memiliki: " + forms.joined(separator: ", "), en: "the data has: " + forms.joined(separator: ", "))
    }

    /// `--map-measure tally:UNIT` with no series of that unit.
    public static func noTallyOfUnit(_ unit: String, forms: [String]) -> Phrase {
        let known = tallyForms(forms)
        return Phrase(
            id: "netra: --map-measure tally:\(unit): tidak ada seri rekap dengan satuan '\(unit)'; \(known.id)",
            en: "netra: --map-measure tally:\(unit): no tally series of unit '\(unit)'; \(known.en)")
    }

    /// … with no series of that unit and status.
    public static func noTallyOfUnitStatus(_ unit: String, status: String, forms: [String]) -> Phrase {
        let known = tallyForms(forms)
        return Phrase(
            id: "netra: --map-measure: tidak ada seri rekap dengan satuan '\(unit)' dan status \(status); \(known.id)",
            en: "netra: --map-measure: no tally series of unit '\(unit)' with status \(status); \(known.en)")
    }

    /// … a unit whose series have several statuses.
    public static func tallyNeedsStatus(_ unit: String, forms: [String]) -> Phrase {
        let known = tallyForms(forms)
        return Phrase(
            id: "netra: --map-measure tally:\(unit): seri '\(unit)' memiliki beberapa status; sebutkan satu: \(known.id)",
            en: "netra: --map-measure tally:\(unit): the series of '\(unit)' have several statuses; name one: \(known.en)")
    }

    /// `compare` given one id, or three.
    public static let compareTwoIDs = Phrase(
        id: "beri dua id wilayah, atau tidak sama sekali untuk pasangan bawaan",
        en: "give two jurisdiction ids, or none for the default pair")

    /// `compare A B --pair C,D`.
    public static let comparePairOnce = Phrase(id: "beri pasangan sekali saja: A B atau --pair A,B", en: "give the pair once: A B or --pair A,B")

    /// `export --pair` with other than two ids.
    public static let exportPairTakesTwo = Phrase(
        id: "--pair menerima dua id wilayah, mis. --pair kota-bekasi kabupaten-bekasi",
        en: "--pair takes two jurisdiction ids, e.g. --pair kota-bekasi kabupaten-bekasi")

    /// `export xlsx` to standard output.
    public static let xlsxNeedsFile = Phrase(
        id: "export xlsx menulis buku kerja: beri namanya dengan --out BERKAS, mis. --out netra.xlsx",
        en: "export xlsx writes a workbook: name it with --out FILE, e.g. --out netra.xlsx")

    /// `--pair` that is not `A,B`.
    public static func pairNeedsComma(_ text: String) -> Phrase {
        Phrase(
            id: "--pair menerima dua id wilayah dipisah koma, mis. --pair kota-bogor,kabupaten-bogor; yang diberikan '\(text)'",
            en: "--pair takes two jurisdiction ids separated by a comma, e.g. --pair kota-bogor,kabupaten-bogor; got '\(text)'")
    }

    /// An export over a table of another dataset.
    public static func exportOverDataset(_ out: String, _ dir: String) -> Phrase {
        Phrase(
            id: "'\(out)' adalah tabel dataset di '\(dir)'; ekspor tidak pernah menimpa berkas dataset: pilih --out lain",
            en: "'\(out)' is a table of the dataset in '\(dir)'; an export never replaces a dataset's file: choose another --out")
    }

    /// `cases` without `--as-of`.
    public static let casesNeedAsOf = Phrase(
        id: "--as-of YYYY-MM-DD wajib: tenggat dihitung per tanggal",
        en: "--as-of YYYY-MM-DD is required: the clocks run as of a day")

    /// `init --office` too long.
    public static func officeTooLong(_ max: Int) -> Phrase {
        Phrase(
            id: "--office: paling banyak \(max) karakter; nama ini menjadi kepala setiap halaman",
            en: "--office: at most \(max) characters; it heads every page")
    }

    /// `init` (or `generate`) into a file.
    public static func folderIsAFile(_ dir: String, command: String) -> Phrase {
        Phrase(
            id: "netra: \(dir) adalah berkas; \(command) menulis dataset ke sebuah folder; tidak ada yang ditulis",
            en: "netra: \(dir) is a file; \(command) writes a dataset into a folder; nothing was written")
    }

    /// `init` into a folder that holds a dataset.
    public static func initOverDataset(_ dir: String, held: [String]) -> Phrase {
        Phrase(
            id:
                "netra: \(dir) sudah berisi dataset (\(held.joined(separator: ", "))); init menulis dataset baru ke folder baru atau kosong; tidak ada yang ditulis",
            en: "netra: \(dir) already holds a dataset (\(held.joined(separator: ", "))); init writes a new one into a new or empty folder; nothing was written"
        )
    }

    /// `generate` over a dataset without `--force`.
    public static func generateOverDataset(_ dir: String, held: [String]) -> Phrase {
        Phrase(
            id: "\(dir) sudah berisi dataset (\(held.joined(separator: ", "))); generate menimpanya hanya dengan --force; tidak ada yang ditulis",
            en: "\(dir) already holds a dataset (\(held.joined(separator: ", "))); generate replaces it only with --force; nothing was written")
    }

    /// `generate --events` out of range.
    public static func generateEvents(_ n: Int, max: Int) -> Phrase {
        n <= 0
            ? Phrase(id: "--events harus lebih dari 0; yang diberikan \(n)", en: "--events must be more than 0; got \(n)")
            : Phrase(id: "--events paling banyak \(max); yang diberikan \(n)", en: "--events takes at most \(max); got \(n)")
    }

    /// `generate --out` empty or a file.
    public static func generateOut(_ out: String) -> Phrase {
        out.isEmpty
            ? Phrase(id: "--out harus menyebut sebuah folder", en: "--out must name a folder")
            : Phrase(id: "--out \(out) adalah berkas; harus sebuah folder", en: "--out \(out) is a file; it must name a folder")
    }

    /// What `generate` wrote.
    public static func generated(_ n: Int, seed: UInt64, into out: String, size: String) -> Phrase {
        Phrase(
            id: "menulis \(n) peristiwa (seed \(seed)) ke \(out): events.csv, jurisdictions.csv, elections.csv, \(size)",
            en: "wrote \(n) event\(n == 1 ? "" : "s") (seed \(seed)) to \(out): events.csv, jurisdictions.csv, elections.csv, \(size)")
    }

    /// Standard output could not be written.
    public static func stdoutFailed(_ why: Phrase) -> Phrase {
        Phrase(
            id: "netra: tidak dapat menulis ke keluaran standar: \(why.id); keluarannya tidak lengkap",
            en: "netra: cannot write to standard output: \(why.en); the output is incomplete")
    }

    /// Why standard output failed, for the common cases.
    public static let stdoutNoSpace = Phrase(id: "ruang perangkat penuh", en: "no space left on the device")
    public static let stdoutClosed = Phrase(id: "keluaran standar tertutup", en: "it is closed")
    public static let stdoutQuota = Phrase(id: "kuota disk habis", en: "the disk quota is used up")

    /// The progress lines of `--verbose` and of a long job.
    public static func stepLoading(_ path: String) -> Phrase { Phrase(id: "memuat \(path)", en: "loading \(path)") }
    public static func stepBriefing(_ month: String) -> Phrase { Phrase(id: "ringkasan \(month)", en: "briefing \(month)") }
    public static let stepChartsAndExports = Phrase(id: "grafik dan ekspor", en: "charts and exports")
    public static let stepHTML = Phrase(id: "report.html", en: "report.html")

    /// Every usage phrase with sample values, for the test that each has both languages.
    @usableFromInline package static var usageSamples: [Phrase] {
        [
            notADay("x"), notADayOrMonth("--to", "x"), notAMonth("x"), fromAfterTo("a", "b"), unknownKindOption("x", nearest: "pledge", all: ["pledge"]),
            monthNotBegun("2999-01", today: "2026-12-06"), scaleTakes([1, 2], got: 3), quietAndVerbose, notAMapMeasure("x", forms: "events"),
            noTallyOfUnit("ASN", forms: []), noTallyOfUnitStatus("ASN", status: "alleged", forms: ["tally:ASN"]), tallyNeedsStatus("ASN", forms: ["tally:ASN"]),
            compareTwoIDs, comparePairOnce, exportPairTakesTwo, xlsxNeedsFile, pairNeedsComma("x"), exportOverDataset("o", "d"), casesNeedAsOf,
            officeTooLong(120), folderIsAFile("d", command: "init"), initOverDataset("d", held: ["a"]), generateOverDataset("d", held: ["a"]),
            generateEvents(0, max: 10), generateEvents(11, max: 10), generateOut(""), generateOut("f"), generated(1, seed: 1, into: "o", size: "1 kB"),
            stdoutFailed(stdoutClosed), stdoutNoSpace, stdoutQuota, stepLoading("d"), stepBriefing("2024-01"), stepChartsAndExports
        ]
    }
}

/// The argument parser's own messages (an unknown option, a missing value, its usage lines),
/// in Indonesian when that is the language; Netra's own reasons inside them are already in it.
public enum ParserMessages {
    public static func translated(_ message: String, _ lang: Language) -> String {
        switch lang {
        case .en: return message
        case .id: break
        }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            for (en, id) in prefixes where l.hasPrefix(en) { l = id + l.dropFirst(en.count); break }
            for (pattern, make) in sentences {
                if let out = pattern(l) { l = make(out); break }
            }
            return l
        }.joined(separator: "\n")
    }

    static let prefixes: [(String, String)] = [("Error: ", "Galat: "), ("Help:  ", "Bantuan: "), ("Usage: ", "Penggunaan: ")]

    static var sentences: [((String) -> (head: String, parts: [String])?, ((head: String, parts: [String])) -> String)] {
        [
            (
                match("Unknown option '", "'. Did you mean '", "'?"),
                { "\($0.head)Opsi '\($0.parts[0])' tidak dikenal. Maksud Anda '\($0.parts[1])'?\($0.parts[2])" }
            ),
            (match("Unknown option '", "'"), { "\($0.head)Opsi '\($0.parts[0])' tidak dikenal\($0.parts[1])" }),
            (match("The value '", "' is invalid for '", "'"), { "\($0.head)Nilai '\($0.parts[0])' tidak sah untuk '\($0.parts[1])'\($0.parts[2])" }),
            (match("Missing expected argument '", "'"), { "\($0.head)Argumen '\($0.parts[0])' belum diberikan\($0.parts[1])" }),
            (match("Missing value for '", "'"), { "\($0.head)Nilai untuk '\($0.parts[0])' belum diberikan\($0.parts[1])" }),
            (match("Unexpected argument '", "'"), { "\($0.head)Argumen '\($0.parts[0])' tidak dikenal\($0.parts[1])" }),
            (match("  See '", "' for more information."), { "\($0.head)  Lihat '\($0.parts[0])' untuk keterangan lebih lanjut.\($0.parts[1])" })
        ]
    }

    /// A pattern of fixed pieces with text between them, found after a translated prefix
    /// (`Galat: `) or at the line's start.
    static func match(_ pieces: String...) -> (String) -> (head: String, parts: [String])? {
        { line in
            guard let start = line.firstRange(of: pieces[0]) else { return nil }
            let head = String(line[..<start.lowerBound])
            guard head.isEmpty || prefixes.contains(where: { $0.1 == head }) else { return nil }
            var rest = line[start.upperBound...]
            var parts: [String] = []
            for p in pieces.dropFirst() {
                guard let r = rest.firstRange(of: p) else { return nil }
                parts.append(String(rest[..<r.lowerBound]))
                rest = rest[r.upperBound...]
            }
            parts.append(String(rest))
            return (head, parts)
        }
    }
}
