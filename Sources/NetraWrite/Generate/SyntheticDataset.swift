import NetraCore
import NetraLoad
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Synthetic datasets of the SPEC §2 shape, for scale tests: the same seed gives the same bytes.
///
/// Events come in small stories (an incident and its handling, a prevention programme, a
/// pledge and its follow-ups, a session with its tallies, a body's tallies over time) whose
/// links always point to earlier rows dated no later than the effect, so the graph is acyclic
/// and the loader's order check holds under every reading of imprecise dates.
public enum SyntheticDataset {
    /// The three files of a dataset, as bytes.
    public struct Files: Sendable, Equatable {
        /// `jurisdictions.csv`.
        public var jurisdictions: [UInt8]
        /// `elections.csv`.
        public var elections: [UInt8]
        /// `events.csv`.
        public var events: [UInt8]

        /// The bytes of all three files together.
        public var byteCount: Int { jurisdictions.count + elections.count + events.count }
    }

    /// Why a dataset could not be written: the path concerned and a plain reason.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// The file or folder that could not be made.
        public var path: String
        /// Why, in plain words.
        public var reason: String
        /// `PATH: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// The dataset with exactly `events` events (none when negative) for `seed`, made in memory.
    public static func make(events: Int, seed: UInt64) -> Files {
        var g = Generator(total: max(0, events), seed: seed)
        let eventBytes = g.run()
        return Files(jurisdictions: jurisdictionsCSV(), elections: electionsCSV(), events: eventBytes)
    }

    /// Writes `events.csv`, `jurisdictions.csv` and `elections.csv` into `directory` (created
    /// if missing), each atomically; other files there are left alone. Returns the bytes written.
    @discardableResult
    public static func write(events: Int, seed: UInt64, to directory: String) throws(WriteError) -> Int {
        try makeFolder(directory)
        let files = make(events: events, seed: seed)
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        try writeAtomically(files.jurisdictions, to: base + "/" + DatasetLoader.jurisdictionsFile)
        try writeAtomically(files.elections, to: base + "/" + DatasetLoader.electionsFile)
        try writeAtomically(files.events, to: base + "/" + DatasetLoader.eventsFile)
        return files.byteCount
    }

    // MARK: fixed tables

    struct Place {
        var id: String
        var name: String
        var level: JurisdictionLevel
        var parent: String
    }

    /// Thirty governments: the nation, six provinces, and cities and regencies under five of them.
    static let places: [Place] = {
        var out = [Place(id: "indonesia", name: "Indonesia", level: .nasional, parent: "")]
        let tree: [(String, String, [(String, String, JurisdictionLevel)])] = [
            (
                "jawa-barat", "Jawa Barat",
                [
                    ("kota-bekasi", "Kota Bekasi", .kota), ("kabupaten-bekasi", "Kabupaten Bekasi", .kabupaten),
                    ("kota-bandung", "Kota Bandung", .kota), ("kabupaten-bandung", "Kabupaten Bandung", .kabupaten),
                    ("kota-bogor", "Kota Bogor", .kota), ("kabupaten-bogor", "Kabupaten Bogor", .kabupaten),
                    ("kota-depok", "Kota Depok", .kota), ("kabupaten-karawang", "Kabupaten Karawang", .kabupaten)
                ]
            ),
            (
                "dki-jakarta", "DKI Jakarta",
                [
                    ("kota-jakarta-pusat", "Kota Administrasi Jakarta Pusat", .kota),
                    ("kota-jakarta-selatan", "Kota Administrasi Jakarta Selatan", .kota),
                    ("kota-jakarta-timur", "Kota Administrasi Jakarta Timur", .kota),
                    ("kabupaten-kepulauan-seribu", "Kabupaten Administrasi Kepulauan Seribu", .kabupaten)
                ]
            ),
            (
                "jawa-tengah", "Jawa Tengah",
                [
                    ("kota-semarang", "Kota Semarang", .kota), ("kabupaten-semarang", "Kabupaten Semarang", .kabupaten),
                    ("kota-surakarta", "Kota Surakarta", .kota), ("kabupaten-banyumas", "Kabupaten Banyumas", .kabupaten)
                ]
            ),
            (
                "jawa-timur", "Jawa Timur",
                [
                    ("kota-surabaya", "Kota Surabaya", .kota), ("kabupaten-sidoarjo", "Kabupaten Sidoarjo", .kabupaten),
                    ("kota-malang", "Kota Malang", .kota), ("kabupaten-malang", "Kabupaten Malang", .kabupaten)
                ]
            ),
            (
                "banten", "Banten",
                [
                    ("kota-tangerang", "Kota Tangerang", .kota), ("kabupaten-tangerang", "Kabupaten Tangerang", .kabupaten),
                    ("kota-serang", "Kota Serang", .kota), ("kabupaten-serang", "Kabupaten Serang", .kabupaten)
                ]
            ),
            ("di-yogyakarta", "DI Yogyakarta", [])
        ]
        for (pid, pname, children) in tree {
            out.append(Place(id: pid, name: pname, level: .provinsi, parent: "indonesia"))
            for (id, name, level) in children { out.append(Place(id: id, name: name, level: level, parent: pid)) }
        }
        return out
    }()

    /// With each place's Kemendagri code (by its name; the two provinces named in short by
    /// their code), so that a generated dataset validates without hints.
    static func jurisdictionsCSV() -> [UInt8] {
        var s = "id,name,level,parent,kode\n"
        let short = ["dki-jakarta": "31", "di-yogyakarta": "34"]
        for p in places {
            let kode = p.level == .nasional ? "" : (short[p.id] ?? Regions.region(named: p.name)?.kode ?? "")
            s += "\(p.id),\(csvField(p.name)),\(p.level.rawValue),\(p.parent),\(kode)\n"
        }
        return Array(s.utf8)
    }

    static func electionsCSV() -> [UInt8] {
        Array(
            """
            id,name,date,scope
            pemilu-2024,Pemilu 2024,2024-02-14,indonesia
            pilkada-2024,Pilkada Serentak 2024,2024-11-27,indonesia
            psu-banten-2024,"Pemungutan Suara Ulang, Banten (synthetic)",2024-02-24,banten

            """.utf8)
    }

    /// `text` as one RFC 4180 field: quoted, with quotes doubled, when it needs to be.
    static func csvField(_ text: String) -> String {
        let special =
            text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
            || text.first == " " || text.last == " "
        if !special { return text }
        var s = "\""
        for c in text { if c == "\"" { s += "\"\"" } else { s.append(c) } }
        return s + "\""
    }

    // MARK: writing

    static func makeFolder(_ directory: String) throws(WriteError) {
        if directory.isEmpty { throw WriteError(path: directory, reason: "no folder named") }
        if FileIO.exists(directory) {
            if FileIO.isDirectory(directory) { return }
            throw WriteError(path: directory, reason: "is a file, not a folder")
        }
        // Like mkdir -p: each missing parent in turn.
        var path = directory.hasPrefix("/") ? "/" : ""
        for part in directory.split(separator: "/") {
            path += (path.isEmpty || path.hasSuffix("/") ? "" : "/") + part
            if FileIO.isDirectory(path) { continue }
            if mkdir(path, 0o755) != 0 && !(errno == EEXIST && FileIO.isDirectory(path)) {
                throw WriteError(path: path, reason: "cannot create the folder: \(Syscall.reason(errno).en)")
            }
        }
    }

    /// Netra's one atomic writer: a temporary file beside `path`, renamed over it when whole.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(WriteError) {
        do { try OutputFolder.writeAtomically(bytes, to: path) } catch {
            // The message names the path already ("cannot write 'P': why"); keep the why.
            let why = error.message.split(separator: ": ", maxSplits: 1).last.map(String.init) ?? error.message
            throw WriteError(path: path, reason: "cannot write the file: \(why)")
        }
    }
}

// MARK: - The generator

/// xoshiro256** seeded through SplitMix64: small, fast, and the same on every platform.
struct Xoshiro256 {
    var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        s0 = Xoshiro256.splitMix(&x); s1 = Xoshiro256.splitMix(&x)
        s2 = Xoshiro256.splitMix(&x); s3 = Xoshiro256.splitMix(&x)
    }

    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// 0 ..< n, for 0 < n < 2^32 (multiply-shift; its bias is far below what matters here).
    @inline(__always) mutating func below(_ n: Int) -> Int { Int(((next() >> 32) &* UInt64(n)) >> 32) }
    /// lo ... hi.
    @inline(__always) mutating func within(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }
    /// True `percent` times in a hundred.
    @inline(__always) mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// A span of the generator's byte arena: one precomputed, already-quoted field.
struct Piece {
    var start: Int32
    var count: Int32
}

/// What is needed to write an event's id and to date its effects.
struct Ref {
    var seq: Int
    var kind: EventKind
    var jur: Int
    /// Ordinal of the anchor day (the first day of a month or year).
    var day: Int
    var precision: Precision
    /// The last day the date can mean.
    var latest: Int
}

/// One event of the story being built.
struct Node {
    var ref: Ref
    var endDay: Int = -1
    var count: Int = -1
    var unit: Piece? = nil
    var status: CaseStatus? = nil
    var linkStart: Int = 0
    var linkCount: Int = 0
}

struct Generator {
    let total: Int
    var rng: Xoshiro256
    var out: [UInt8] = []
    var arena: [UInt8] = []
    var written = 0

    // Dates: ISO bytes of every day from `firstDay`, ten per day.
    let firstDay: Int
    var dateBytes: [UInt8] = []
    let start: Int  // 2022-06-01
    let end: Int  // 2024-12-31
    let pemilu: Int
    let pilkada: Int

    // Precomputed fields, per jurisdiction where they name it.
    let jurCount: Int
    var jurSlug: [Piece] = []
    var kindSlug: [Piece] = []
    var precisionText: [Piece] = []
    var statusText: [Piece] = []
    var relationText: [Piece] = []
    var titles: [[Piece]] = []  // [kind][variant * jurCount + jur]
    var titleVariants: [Int] = []
    var actors: [[Piece]] = []  // [kind][variant * jurCount + jur]
    var actorVariants: [Int] = []
    var venues: [Piece] = []  // variant * jurCount + jur
    var venueVariants = 0
    var outletNames: [Piece] = []
    var outletURLs: [Piece] = []
    var quotes: [Piece] = []
    var notes: [Piece] = []
    var header: Piece = Piece(start: 0, count: 0)
    var pledgeUnits: [Piece] = []
    var tallyUnits: [Piece] = []

    let nasional: Int
    var provinces: [Int] = []
    var locals: [Int] = []
    let kotaBekasi: Int
    let kabupatenBekasi: Int

    // The story being built, reused to spare allocations.
    var nodes: [Node] = []
    var links: [(Relation, Ref)] = []
    // Regulations that later stories may implement; the first stays as a fallback.
    var pool: [Ref] = []
    var poolNext = 0

    init(total: Int, seed: UInt64) {
        self.total = total
        rng = Xoshiro256(seed: seed)
        func ord(_ y: Int, _ m: Int, _ d: Int) -> Int { Day(year: y, month: m, day: d)?.ordinal ?? 0 }
        firstDay = ord(2020, 1, 1)
        start = ord(2022, 6, 1)
        end = ord(2024, 12, 31)
        pemilu = ord(2024, 2, 14)
        pilkada = ord(2024, 11, 27)
        let places = SyntheticDataset.places
        jurCount = places.count
        nasional = places.firstIndex { $0.level == .nasional } ?? 0
        kotaBekasi = places.firstIndex { $0.id == "kota-bekasi" } ?? 0
        kabupatenBekasi = places.firstIndex { $0.id == "kabupaten-bekasi" } ?? 0
        for (k, p) in places.enumerated() {
            switch p.level {
            case .provinsi: provinces.append(k)
            case .kota, .kabupaten: locals.append(k)
            case .nasional: break
            }
        }
        buildTables(places)
    }

    // MARK: tables

    /// `text` as one CSV field, quoted when needed, stored in the arena.
    mutating func piece(_ text: String) -> Piece { raw(SyntheticDataset.csvField(text)) }

    /// `text` stored as is: for the header and address prefixes.
    mutating func raw(_ text: String) -> Piece {
        let bytes = Array(text.utf8)
        let p = Piece(start: Int32(arena.count), count: Int32(bytes.count))
        arena += bytes
        return p
    }

    mutating func buildTables(_ places: [SyntheticDataset.Place]) {
        var d = firstDay
        let last = Day(year: 2027, month: 12, day: 31)?.ordinal ?? firstDay
        dateBytes.reserveCapacity((last - firstDay + 1) * 10)
        while d <= last { dateBytes += Array(Day(ordinal: d).iso.utf8); d += 1 }

        header = raw(EventColumn.names.joined(separator: ","))
        jurSlug = places.map { piece($0.id) }
        kindSlug = EventKind.allCases.map { piece($0.rawValue) }
        precisionText = Precision.allCases.map { piece($0.rawValue) }
        statusText = CaseStatus.allCases.map { piece($0.rawValue) }
        relationText = Relation.allCases.map { piece($0.rawValue + ":") }

        // "{J}" stands for the jurisdiction's name. Switches, so that a new kind is not
        // generated without its words.
        func titleTemplates(_ kind: EventKind) -> [String] {
            switch kind {
            case .regulation:
                return [
                    "Surat Edaran netralitas ASN {J} menjelang Pemilu 2024",
                    "Keputusan tentang tim pengawas netralitas ASN, {J}",
                    "Peraturan disiplin dan netralitas ASN {J}"
                ]
            case .taskForce:
                return [
                    "Satgas Netralitas ASN {J} dibentuk",
                    "Tim Pengawas Netralitas ASN {J}, dipimpin Sekda"
                ]
            case .directive:
                return [
                    "ASN {J} dilarang berfoto dengan pose jari \"nomor\"",
                    "Instruksi: ASN {J} dilarang memasang atribut partai",
                    "Imbauan agar ASN {J} tidak menghadiri kampanye"
                ]
            case .sosialisasi:
                return [
                    "Sosialisasi netralitas ASN bagi camat, lurah, {J}",
                    "Apel dan sosialisasi netralitas ASN {J}"
                ]
            case .pledge:
                return [
                    "Ikrar dan pernyataan netralitas ASN {J}",
                    "Deklarasi netralitas ASN {J}, Pemilu 2024"
                ]
            case .incident:
                return [
                    "Foto ASN {J} berpose \"nomor dua\" beredar",
                    "ASN {J} diduga hadir di kampanye, memakai atribut",
                    "ASN {J} diduga mendukung bakal calon kepala daerah"
                ]
            case .response:
                return [
                    "Kesbangpol {J} memanggil ASN untuk klarifikasi",
                    "Pemerintah {J} menjanjikan teguran bagi ASN"
                ]
            case .report:
                return [
                    "Dugaan pelanggaran netralitas ASN {J} dilaporkan",
                    "Warga melaporkan ASN {J} ke Bawaslu, dengan foto"
                ]
            case .decision:
                return [
                    "Bawaslu {J} meregistrasi laporan netralitas ASN",
                    "Bawaslu {J}: laporan tidak memenuhi unsur"
                ]
            case .sanction:
                return [
                    "Sanksi disiplin bagi ASN {J} yang tidak netral",
                    "ASN {J} dijatuhi hukuman disiplin sedang"
                ]
            case .caseTally:
                return [
                    "Rekap dugaan pelanggaran netralitas ASN, {J}",
                    "Jumlah kasus netralitas ASN di {J}"
                ]
            case .statement:
                return [
                    "Kepala daerah {J} soal netralitas ASN",
                    "Belum ada laporan baru soal ASN di {J}, kata pejabat"
                ]
            }
        }
        func actorTemplates(_ kind: EventKind) -> [String] {
            switch kind {
            case .regulation: return ["Kepala daerah {J}"]
            case .taskForce: return ["Sekda {J};Inspektorat;BKPSDM"]
            case .directive: return ["Kepala daerah {J};BKPSDM"]
            case .sosialisasi: return ["Bawaslu {J};Kesbangpol", "Kesbangpol {J}"]
            case .pledge: return ["Kepala daerah {J};ASN"]
            case .incident: return ["ASN Dinas Pendidikan {J}", "Sekretaris dinas, {J}"]
            case .response: return ["Kesbangpol {J};BKPSDM"]
            case .report: return ["Warga (pelapor);Bawaslu {J}"]
            case .decision: return ["Bawaslu {J}"]
            case .sanction: return ["PPK {J};BKPSDM"]
            case .caseTally: return ["Bawaslu {J}", "KASN;Bawaslu {J}"]
            case .statement: return ["Kepala daerah {J}", "Kesbangpol {J}"]
            }
        }
        func fill(_ template: String, _ name: String) -> String {
            template.split(separator: "{J}", omittingEmptySubsequences: false).joined(separator: name)
        }
        for kind in EventKind.allCases {
            let ts = titleTemplates(kind)
            titleVariants.append(ts.count)
            var row: [Piece] = []
            for t in ts { for p in places { row.append(piece(fill(t, p.name))) } }
            titles.append(row)
            let acts = actorTemplates(kind)
            actorVariants.append(acts.count)
            row = []
            for t in acts { for p in places { row.append(piece(fill(t, p.name))) } }
            actors.append(row)
        }
        let venueTemplates = ["Aula Pemda {J}", "Gedung DPRD {J}", "Jl. Merdeka 1, {J}"]
        venueVariants = venueTemplates.count
        for t in venueTemplates { for p in places { venues.append(piece(fill(t, p.name))) } }

        // Outlets are invented and their addresses use the reserved .example domain.
        let outlets = [
            ("Warta Netra", "https://warta-netra.example/berita/"),
            ("Kabar Uji, edisi daerah", "https://kabar-uji.example/read/"),
            ("Harian \"Sintetis\"", "https://harian-sintetis.example/"),
            ("Bawaslu (synthetic)", "https://bawaslu.example/berita/"),
            ("Radar Contoh", "https://radar-contoh.example/")
        ]
        outletNames = outlets.map { piece($0.0) }
        outletURLs = outlets.map { raw($0.1) }
        quotes = [
            "ASN harus netral, tidak boleh berpihak kepada peserta pemilu mana pun.",
            "Kami minta ASN tidak berpose \"nomor dua\" atau \"nomor satu\" saat berfoto.",
            "Sanksinya jelas:\nteguran tertulis dulu, lalu hukuman disiplin.",
            "Sejauh ini belum ada laporan baru, kami terus memantau.",
            "Ini pelanggaran kode etik, bukan pidana pemilu."
        ].map { piece($0) }
        notes = [
            "Synthetic row made by netra generate; not a real event.",
            "Rincian:\n8 ASN; 8 kepala desa; 4 perangkat desa",
            "The day is not given: \"on-or-before\" the article's date.",
            "Outlets disagree on the figure, see the other row."
        ].map { piece($0) }
        pledgeUnits = ["pernyataan", "ASN"].map { piece($0) }
        tallyUnits = ["kasus", "ASN", "rekomendasi", "dugaan pelanggaran"].map { piece($0) }
    }

    // MARK: running

    mutating func run() -> [UInt8] {
        out.reserveCapacity(total * 360 + 4096)
        put(header); out.append(0x0A)
        nodes.reserveCapacity(16)
        links.reserveCapacity(16)
        // A national regulation first, so that implementers always have something to point at.
        if total > 0 { regulation(at: nasional, on: start + rng.below(30), root: true); emit() }
        while written < total {
            let r = rng.below(100)
            if r < 40 {
                incident()
            } else if r < 60 {
                prevention()
            } else if r < 70 {
                pledge()
            } else if r < 82 {
                session()
            } else if r < 94 {
                tallies()
            } else {
                regulation(at: rng.chance(60) ? nasional : pick(provinces), on: start + rng.below(end - start - 60), root: false)
            }
            emit()
        }
        return out
    }

    @inline(__always) mutating func pick(_ xs: [Int]) -> Int { xs[rng.below(xs.count)] }

    /// A city or regency, with the two Bekasis over-represented (they are compared).
    mutating func local() -> Int {
        let r = rng.below(100)
        return r < 12 ? kotaBekasi : r < 24 ? kabupatenBekasi : pick(locals)
    }

    /// A day bunched before one of the elections, or anywhere in the range.
    mutating func someDay(before maxLead: Int) -> Int {
        if rng.chance(30) { return start + rng.below(end - start + 1) }
        let e = rng.chance(55) ? pemilu : pilkada
        return min(end, max(start, e - rng.below(maxLead) + rng.below(15)))
    }

    var roomLeft: Bool { written + nodes.count < total }

    /// The anchor and latest day for day `d` written with `precision`; falls back to a full
    /// date when the coarser one would start before `notBefore` (an effect's cause).
    func place(_ d: Int, _ precision: Precision, notBefore: Int = Int.min) -> (Int, Precision, Int) {
        let c = Day(ordinal: d).components
        switch precision {
        case .day, .onOrBefore:
            return (d, precision, d)
        case .month:
            let a = d - (c.day - 1)
            if a < notBefore { return (d, .day, d) }
            return (a, .month, a + Day.daysIn(year: c.year, month: c.month) - 1)
        case .year:
            let a = Day(year: c.year, month: 1, day: 1)?.ordinal ?? d
            if a < notBefore { return (d, .day, d) }
            return (a, .year, Day(year: c.year, month: 12, day: 31)?.ordinal ?? d)
        }
    }

    /// Adds an event on day `d` (or none when out of room or past the range); returns its index.
    @discardableResult
    mutating func add(
        _ kind: EventKind, _ jur: Int, _ d: Int, _ precision: Precision,
        after causes: [(Relation, Ref)] = []
    ) -> Int? {
        guard roomLeft, d <= end else { return nil }
        let notBefore = causes.reduce(Int.min) { max($0, $1.1.latest) }
        let (anchor, p, latest) = place(max(d, notBefore), precision, notBefore: notBefore)
        let ref = Ref(seq: written + nodes.count, kind: kind, jur: jur, day: anchor, precision: p, latest: latest)
        nodes.append(Node(ref: ref, linkStart: links.count, linkCount: causes.count))
        links += causes
        return nodes.count - 1
    }

    @inline(__always) func ref(_ i: Int) -> Ref { nodes[i].ref }

    /// A precision drawn from day / month / year / on-or-before weights (percent).
    mutating func precision(_ day: Int, _ month: Int, _ year: Int) -> Precision {
        let r = rng.below(100)
        return r < day ? .day : r < day + month ? .month : r < day + month + year ? .year : .onOrBefore
    }

    // MARK: stories

    /// An incident and, often, its handling: response, report, decision, sanction.
    mutating func incident() {
        let jur = rng.chance(85) ? local() : pick(provinces)
        var planned = rng.below(100) < 15 ? 0 : rng.below(4) + 1
        let dismissed = planned >= 3 && rng.chance(35)
        if dismissed { planned = 3 }
        // Only a leaf may have a whole-year date: its effects would have to wait for 1 January.
        let p = planned == 0 ? precision(55, 15, 10) : precision(70, 10, 0)
        guard let inc = add(.incident, jur, someDay(before: 240), p) else { return }
        var handled = 0
        if planned >= 1,
            let r = add(
                .response, jur, ref(inc).latest + rng.within(0, 7), precision(85, 0, 0),
                after: [(.respondsTo, ref(inc))])
        {
            handled = 1
            if planned >= 2,
                let rep = add(
                    .report, jur, ref(r).latest + rng.within(0, 20), .day,
                    after: [(.reports, ref(inc))])
            {
                handled = 2
                // Most reports are registered after the first check: a decision that sets no
                // status, from which the law's decision clocks run (datasets/README.md, *Case clocks*).
                var registration: Int?
                if rng.chance(planned >= 3 ? 70 : 50) {
                    registration = add(.decision, jur, ref(rep).latest + rng.within(0, 4), .day, after: [(.decides, ref(rep))])
                }
                let ruling: [(Relation, Ref)] = [(.decides, ref(rep))] + (registration.map { [(.followsUp, ref($0))] } ?? [])
                if planned >= 3,
                    let dec = add(
                        .decision, jur, ref(registration ?? rep).latest + rng.within(2, 40), precision(80, 10, 0),
                        after: ruling)
                {
                    handled = 3
                    // A ruling carries the status it sets (datasets/README.md), so that the
                    // incident's status as of a day changes when it comes.
                    nodes[dec].status = dismissed ? .dismissed : .confirmed
                    if planned >= 4,
                        let san = add(
                            .sanction, jur, ref(dec).latest + rng.within(5, 60), .day,
                            after: [(.sanctions, ref(inc)), (.followsUp, ref(dec))])
                    {
                        handled = 4
                        nodes[san].status = .sanctioned
                    }
                }
            }
        }
        if rng.chance(20) {
            add(.statement, jur, ref(inc).latest + rng.within(0, 10), .day, after: [(.respondsTo, ref(inc))])
        }
        nodes[inc].status = handled == 4 ? .sanctioned : handled == 3 ? (dismissed ? .dismissed : .confirmed) : .alleged
    }

    /// A regulation from the pool that an event on day `d` may implement.
    mutating func poolRegulation(onOrBefore d: Int) -> Ref? {
        guard let first = pool.first else { return nil }
        let r = pool[rng.below(pool.count)]
        if r.latest <= d { return r }
        return first.latest <= d ? first : nil
    }

    mutating func regulation(at jur: Int, on d: Int, root: Bool) {
        let p = root ? Precision.day : precision(85, 10, 5)
        var causes: [(Relation, Ref)] = []
        if jur != nasional, let parent = poolRegulation(onOrBefore: d) { causes.append((.implements, parent)) }
        guard let i = add(.regulation, jur, d, p, after: causes) else { return }
        let r = ref(i)
        if r.precision == .year { return }
        if pool.count < 48 { pool.append(r) } else { pool[1 + poolNext % 47] = r; poolNext += 1 }
    }

    /// A local regulation, directive, task force and sessions that follow it up.
    mutating func prevention() {
        let jur = rng.chance(80) ? local() : pick(provinces)
        var d = someDay(before: 420)
        var target = poolRegulation(onOrBefore: d)
        if rng.chance(40) {
            let causes = target.map { [(Relation.implements, $0)] } ?? []
            if let i = add(.regulation, jur, d, precision(60, 25, 15), after: causes) {
                if ref(i).precision != .year { target = ref(i) }
                d = ref(i).latest
            }
        }
        let impl = target.map { [(Relation.implements, $0)] } ?? []
        if rng.chance(70), let i = add(.directive, jur, d + rng.within(0, 30), precision(70, 0, 0), after: impl) {
            d = ref(i).latest
        }
        var lead: [(Relation, Ref)] = impl
        if rng.chance(70), let i = add(.taskForce, jur, d + rng.within(0, 30), precision(65, 5, 0), after: impl) {
            lead = [(.followsUp, ref(i))]
            d = ref(i).latest
        }
        for _ in 0..<rng.within(1, 3) {
            guard let s = add(.sosialisasi, jur, d + rng.within(1, 45), precision(90, 10, 0), after: lead) else { break }
            if rng.chance(25), nodes[s].ref.precision == .day { nodes[s].endDay = ref(s).day + rng.within(1, 4) }
            d = max(ref(s).latest, nodes[s].endDay)
        }
    }

    /// A pledge with counted signatories and follow-ups over a span of days.
    mutating func pledge() {
        let jur = rng.chance(85) ? local() : pick(provinces)
        guard let first = add(.pledge, jur, someDay(before: 360), .day) else { return }
        nodes[first].count = rng.within(50, 5_000)
        nodes[first].unit = pledgeUnits[rng.below(pledgeUnits.count)]
        var prev = first
        for _ in 0..<rng.within(1, 2) {
            let after = max(ref(prev).latest, nodes[prev].endDay)
            guard let f = add(.pledge, jur, after + rng.within(1, 10), .day, after: [(.followsUp, ref(prev))]) else { break }
            nodes[f].endDay = ref(f).day + rng.within(2, 12)
            nodes[f].count = rng.within(100, 30_000)
            nodes[f].unit = nodes[first].unit
            prev = f
        }
    }

    /// A session at which tallies are announced and statements made (`part_of` it).
    mutating func session() {
        let r = rng.below(100)
        let jur = r < 15 ? nasional : r < 60 ? pick(provinces) : local()
        guard let s = add(.sosialisasi, jur, someDay(before: 300), .day) else { return }
        if rng.chance(20) { nodes[s].endDay = ref(s).day + rng.within(1, 3) }
        let within = [(Relation.partOf, ref(s))]
        for _ in 0..<rng.within(1, 3) {
            guard let t = add(.caseTally, jur, ref(s).day, .day, after: within) else { break }
            tally(t)
        }
        if rng.chance(60) { add(.statement, jur, ref(s).day, .day, after: within) }
    }

    /// A body's tallies over time (snapshots, each replacing the last), or a lone statement.
    mutating func tallies() {
        let jur = rng.chance(40) ? nasional : rng.chance(50) ? pick(provinces) : local()
        if rng.chance(25) {
            add(.statement, jur, someDay(before: 300), precision(80, 10, 10))
            return
        }
        var d = start + rng.below(end - start - 200)
        var floor = rng.within(1, 100)
        for _ in 0..<rng.within(1, 3) {
            guard let t = add(.caseTally, jur, d, precision(80, 15, 5)) else { break }
            tally(t, floor: floor)
            floor = nodes[t].count
            d = ref(t).latest + rng.within(20, 120)
        }
    }

    mutating func tally(_ t: Int, floor: Int = 1) {
        nodes[t].count = floor + rng.below(400)
        nodes[t].unit = tallyUnits[rng.below(tallyUnits.count)]
        let r = rng.below(100)
        nodes[t].status = r < 55 ? .alleged : r < 75 ? .confirmed : r < 85 ? .dismissed : .sanctioned
    }

    // MARK: bytes

    @inline(__always) mutating func put(_ p: Piece) {
        let s = Int(p.start)
        out.append(contentsOf: arena[s..<s + Int(p.count)])
    }

    @inline(__always) mutating func comma() { out.append(0x2C) }

    mutating func number(_ value: Int) {
        var v = value
        var scale = 1
        while scale <= v / 10 { scale *= 10 }
        while scale > 0 { out.append(UInt8(48 + v / scale)); v %= scale; scale /= 10 }
    }

    /// The first `length` bytes of the day's ISO form (4 year, 7 month, 10 day).
    mutating func date(_ ordinal: Int, _ length: Int) {
        let at = (ordinal - firstDay) * 10
        if at >= 0, at + 10 <= dateBytes.count {
            out.append(contentsOf: dateBytes[at..<at + length])
        } else {
            out.append(contentsOf: Day(ordinal: ordinal).iso.utf8.prefix(length))
        }
    }

    mutating func writtenDate(_ r: Ref) {
        switch r.precision {
        case .day, .onOrBefore: date(r.day, 10)
        case .month: date(r.day, 7)
        case .year: date(r.day, 4)
        }
    }

    mutating func id(_ r: Ref) {
        put(jurSlug[r.jur]); out.append(0x2D)
        writtenDate(r); out.append(0x2D)
        put(kindSlug[r.kind.order]); out.append(0x2D)
        number(r.seq)
    }

    /// Writes the story's events as rows and clears it.
    mutating func emit() {
        for n in nodes.indices {
            let node = nodes[n]
            let r = node.ref
            let k = r.kind.order
            // Published on the last day the event can mean (or its span's end), or later.
            var published = 0
            var outlet = 0
            for (n, column) in EventColumn.schema.enumerated() {
                if n > 0 { comma() }
                switch column {
                case .id: id(r)
                case .date: writtenDate(r)
                case .precision: put(precisionText[r.precision.order])
                case .endDate: if node.endDay >= 0 { date(node.endDay, 10) }
                case .kind: put(kindSlug[k])
                case .jurisdiction: put(jurSlug[r.jur])
                case .title: put(titles[k][rng.below(titleVariants[k]) * jurCount + r.jur])
                case .titleEN: break
                case .actors: put(actors[k][rng.below(actorVariants[k]) * jurCount + r.jur])
                case .place: if rng.chance(60) { put(venues[rng.below(venueVariants) * jurCount + r.jur]) }
                case .count: if node.count >= 0 { number(node.count) }
                case .unit: if let u = node.unit { put(u) }
                case .status: if let s = node.status { put(statusText[s.order]) }
                case .links:
                    for l in node.linkStart..<node.linkStart + node.linkCount {
                        if l > node.linkStart { out.append(0x3B) }
                        put(relationText[links[l].0.order]); id(links[l].1)
                    }
                case .source:
                    // Drawn here (the schema puts source before source_url and source_date),
                    // so that the random stream, and with it every generated file, stays the same.
                    outlet = rng.below(outletNames.count)
                    published = max(r.latest, node.endDay) + (r.precision == .onOrBefore ? 0 : rng.below(8))
                    put(outletNames[outlet])
                case .sourceURL: put(outletURLs[outlet]); date(published, 10); out.append(0x2F); number(r.seq)
                case .sourceDate: date(published, 10)
                case .knownDate: break
                case .quote: if rng.chance(30) { put(quotes[rng.below(quotes.count)]) }
                case .notes:
                    if r.precision == .onOrBefore {
                        put(notes[2])
                    } else if r.kind == .caseTally, rng.chance(50) {
                        put(notes[1])
                    } else if rng.chance(12) {
                        put(notes[rng.chance(50) ? 0 : 3])
                    }
                }
            }
            out.append(0x0A)
        }
        written += nodes.count
        nodes.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
    }
}
