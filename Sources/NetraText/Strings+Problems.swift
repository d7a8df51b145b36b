import NetraCore

/// The loader's problems in the user's language, and the other names a dataset may give its
/// kinds and statuses.
extension Diagnostic {
    /// `FILE:LINE:COLUMN: message` (or `FILE:SHEET!B12: message`) in `lang`.
    public func text(_ lang: Language) -> String { text(indonesian: lang == .id) }
}

extension DatasetError {
    /// The problems one a line in `lang`, the first `limit`, then how many more there are.
    public func lines(_ lang: Language, limit: Int = DatasetError.shownProblems) -> [String] {
        lines(limit: limit, indonesian: lang == .id)
    }
}

extension Strings {
    /// The last line under a dataset's problems.
    public static func problems(_ n: Int, in dataset: String, nothingWritten: Bool) -> Phrase {
        Phrase(
            id: "netra: \(n) masalah di \(dataset)" + (nothingWritten ? "; tidak ada yang ditulis" : ""),
            en: "netra: \(n) problem\(n == 1 ? "" : "s") in \(dataset)" + (nothingWritten ? "; nothing was written" : ""))
    }

    /// No dataset named and none in the current folder: what was looked for, and the ways out.
    public static func noDatasetHere(folder: String, lookedFor: Said) -> Phrase {
        Phrase(
            id: """
                netra: tidak ada dataset di folder ini (\(folder)) maupun di csv/-nya: dicari \(lookedFor.id).
                Mulai dengan `netra init DIR` lalu jalankan Netra di dalam DIR, atau sebutkan datasetnya: --dataset DIR, atau --dataset BERKAS.xlsx
                """,
            en: """
                netra: no dataset in the current folder (\(folder)) nor in its csv/: looked for \(lookedFor.en).
                Start one with `netra init DIR` and run Netra inside DIR, or name one: --dataset DIR, or --dataset FILE.xlsx
                """)
    }

    /// The names Netra prints on its own charts, accepted in a dataset for the canonical ones
    /// (`Ikrar` for `pledge`, `Dugaan` for `alleged`): one vocabulary, its labels taken from
    /// this catalogue. Only the Indonesian labels: the English ones are not names a dataset uses.
    public static let acceptedNames = VocabularyNames(
        kinds: Dictionary(EventKind.allCases.map { (kind($0).id, $0) }, uniquingKeysWith: { a, _ in a }),
        statuses: Dictionary(CaseStatus.allCases.map { (status($0).id, $0) }, uniquingKeysWith: { a, _ in a }))
}

/// What the `netra` commands say on the terminal, beside the dataset's own problems.
extension Strings {
    /// The first line of a job's listing of what it wrote.
    public static func wroteFiles(_ n: Int, into folder: String) -> Phrase {
        Phrase(id: "menulis \(n) berkas ke \(folder)/", en: "wrote \(n) file\(n == 1 ? "" : "s") into \(folder)/")
    }

    /// The listing's last line: where the report's files are listed, and what of its
    /// previous run went.
    public static func manifestListed(_ path: String, removed n: Int) -> Phrase {
        Phrase(
            id: "tercatat di \(path)" + (n == 0 ? "" : "; \(n) berkas dari run sebelumnya yang tidak ditulis lagi oleh run ini dihapus"),
            en: "listed in \(path)" + (n == 0 ? "" : "; removed \(n) file\(n == 1 ? "" : "s") of its previous run that this one did not write"))
    }

    /// A manifest line that does not name a file inside the folder.
    public static func manifestRefused(_ path: String, entry: String) -> Phrase {
        Phrase(
            id: "netra: \(path): '\(entry)' tidak menunjuk berkas di dalam folder ini (jalur mutlak, atau bagian '..', '.' atau kosong); dibiarkan",
            en: "netra: \(path): '\(entry)' does not name a file inside this folder (an absolute path, or a '..', '.' or empty part); it is left alone")
    }

    /// The report over the workbook's limit: said on the terminal, in the listing and the manifest.
    public static func workbookNotWritten(_ n: Int, limit: Int) -> Phrase {
        Phrase(
            id:
                "netra.xlsx tidak ditulis: \(n) peristiwa, lebih dari \(limit) untuk buku kerja laporan; CSV memuat semuanya (`netra export xlsx --out BERKAS` menulis satu hingga batas baris Excel)",
            en:
                "netra.xlsx not written: \(n) events, more than the report's \(limit) for a workbook; the CSVs hold them all (`netra export xlsx --out FILE` writes one up to Excel's row limit)"
        )
    }

    /// One file written (`compare --out`).
    public static func wrote(_ path: String) -> Phrase { Phrase(id: "menulis \(path)", en: "wrote \(path)") }

    /// Where the month's briefing sheet is.
    public static func briefingAt(_ month: String, _ path: String) -> Phrase {
        Phrase(id: "briefing \(month): \(path)", en: "briefing for \(month): \(path)")
    }

    /// What `netra init` wrote.
    public static func initWrote(_ dir: String, jurisdictions n: Int) -> Phrase {
        Phrase(
            id: "menulis \(dir): dataset.xlsx, dan csv/ berisi events.csv, jurisdictions.csv (\(n) wilayah), elections.csv, settings.csv",
            en: "wrote \(dir): dataset.xlsx, and csv/ with events.csv, jurisdictions.csv (\(n) jurisdiction\(n == 1 ? "" : "s")), elections.csv, settings.csv")
    }

    /// `validate --strict` with warnings.
    public static func strictFails(_ n: Int, in dataset: String) -> Phrase {
        Phrase(
            id: "\(n) peringatan di \(dataset); --strict gagal bila ada peringatan",
            en: "\(n) warning\(n == 1 ? "" : "s") in \(dataset); --strict fails on warnings")
    }

    /// Possible duplicates beyond those printed.
    public static func moreDuplicates(_ n: Int, perEvent: Int) -> Phrase {
        Phrase(
            id:
                "netra: \(n) kemungkinan data ganda lagi tidak ditampilkan; `netra export duplicates` mencantumkannya, paling banyak \(perEvent) untuk setiap peristiwa",
            en: "netra: \(n) more possible duplicates not shown; `netra export duplicates` lists them, at most \(perEvent) for each event")
    }

    /// A jurisdiction id given on the command line that the dataset lacks, with the nearest.
    public static func unknownJurisdiction(_ id: String, in d: Dataset) -> Phrase {
        let ids = d.jurisdictions.map(\.id)
        let near = Suggestions.nearest(id, among: ids)
        let list = ids.joined(separator: ", ")
        return Phrase(
            id: "wilayah '\(id)' tidak dikenal" + (near.map { " (maksud Anda `\($0)`?)" } ?? "") + "; pilihan: \(list)",
            en: "unknown jurisdiction '\(id)'" + (near.map { " (did you mean `\($0)`?)" } ?? "") + "; expected one of: \(list)")
    }
}

extension Strings {
    /// The last line under the problems of a dataset's `clocks.csv`.
    public static func clockRuleProblems(_ n: Int) -> Phrase {
        Phrase(
            id: "netra: \(n) masalah di aturan tenggat; tidak ada yang ditulis",
            en: "netra: \(n) problem\(n == 1 ? "" : "s") in the clock rules; nothing was written")
    }
}

extension Said {
    /// The words in `lang`.
    public func text(_ lang: Language) -> String { lang == .id ? id : en }
}

extension Strings {
    /// The terminal's phrases with sample values, for the test of both languages.
    @usableFromInline package static var problemSamples: [Phrase] {
        [
            problems(2, in: "ds", nothingWritten: true), problems(1, in: "ds", nothingWritten: false), wroteFiles(3, into: "out"),
            wrote("out/compare.csv"), briefingAt("2024-01", "out/briefing-2024-01/briefing-sheet.png"), initWrote("d", jurisdictions: 3),
            strictFails(2, in: "ds"), moreDuplicates(5, perEvent: 20), clockRuleProblems(1),
            manifestListed("out/netra-manifest.txt", removed: 2), manifestRefused("out/netra-manifest.txt", entry: "../x"),
            workbookNotWritten(50_001, limit: 50_000)
        ]
    }
}
