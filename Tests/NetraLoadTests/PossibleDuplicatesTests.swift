@testable import NetraLoad
@testable import NetraWrite
import Testing
import NetraTestSupport
@testable import NetraCore

/// Possible duplicates: the rule (kind, jurisdiction, anchors ≤ 3 days, titles alike or one
/// source_url), its near misses, and the bucketed search against every pair compared.
@Suite struct PossibleDuplicatesTests {
    static let header = "id,date,precision,kind,jurisdiction,title,status,unit,links,source,source_url"

    static func load(_ rows: [String]) throws -> Dataset {
        try Fixture.load(events: ([header] + rows).joined(separator: "\n") + "\n")
    }

    /// The pairs as `first/second` ids.
    static func pairs(_ d: Dataset) -> [String] {
        PossibleDuplicates.find(d.events).map { "\(d.events.id($0.first))/\(d.events.id($0.second))" }
    }

    @Test func plantedPairsAreFoundAndNearMissesAreNot() throws {
        let d = try Self.load([
            // Same words, other case and punctuation, 3 days apart: Jaccard 1.
            "a1,2024-01-10,day,incident,kota-bekasi,\"ASN berfoto, pose dua\",,,,X,",
            "a2,2024-01-13,day,incident,kota-bekasi,asn berfoto pose DUA!,,,,Y,",
            // 4 days apart: a near miss.
            "b1,2024-02-10,day,incident,kota-bekasi,Camat hadir kampanye,,,,X,",
            "b2,2024-02-14,day,incident,kota-bekasi,Camat hadir kampanye,,,,X,",
            // Other kind: a near miss.
            "c1,2024-03-10,day,incident,kota-bekasi,Lurah hadir kampanye,,,,X,",
            "c2,2024-03-10,day,report,kota-bekasi,Lurah hadir kampanye,,,,X,",
            // Jaccard 2/4 = 0.5: a near miss; 3/5 = 0.6: found.
            "d1,2024-04-10,day,statement,kota-bekasi,satu dua tiga empat,,,,X,",
            "d2,2024-04-11,day,statement,kota-bekasi,satu dua lima enam,,,,X,",
            "e1,2024-05-10,day,statement,kabupaten-bekasi,satu dua tiga empat,,,,X,",
            "e2,2024-05-11,day,statement,kabupaten-bekasi,satu dua tiga lima,,,,X,",
            // Titles unlike, one address: found; two addresses: not.
            "f1,2024-06-10,day,response,kota-bekasi,Klarifikasi Kesbangpol,,,,X,https://x.id/1",
            "f2,2024-06-10,day,response,kota-bekasi,Teguran dijanjikan,,,,X,https://x.id/1",
            "f3,2024-06-11,day,response,kota-bekasi,Pemanggilan saksi,,,,X,https://x.id/2",
            // A month anchors on its first day (2 days from the 3rd); on-or-before on the date written.
            "g1,2024-07,month,sosialisasi,kota-bekasi,Sosialisasi netralitas ASN,,,,X,",
            "g2,2024-07-03,day,sosialisasi,kota-bekasi,Sosialisasi netralitas ASN,,,,X,",
            "h1,2024-08-10,on-or-before,sosialisasi,kota-bekasi,Apel netralitas ASN,,,,X,",
            "h2,2024-08-06,day,sosialisasi,kota-bekasi,Apel netralitas ASN,,,,X,",
            // Other jurisdiction: not.
            "i1,2024-09-10,day,pledge,kota-bekasi,Ikrar netralitas,,,,X,",
            "i2,2024-09-10,day,pledge,kabupaten-bekasi,Ikrar netralitas,,,,X,",
            // One links to the other: the row says they differ.
            "j1,2024-10-10,day,pledge,kota-bekasi,Ikrar netralitas ASN,,,,X,",
            "j2,2024-10-11,day,pledge,kota-bekasi,Ikrar netralitas ASN lanjutan,,,follows_up:j1,X,",
            // Tallies of two series from one article: two figures, not one twice; one series twice: found.
            "k1,2024-11-10,day,case_tally,indonesia,KASN: 183 ASN terbukti,confirmed,ASN,,X,https://x.id/k",
            "k2,2024-11-10,day,case_tally,indonesia,KASN: 97 ASN disanksi,sanctioned,ASN,,X,https://x.id/k",
            "k3,2024-11-11,day,case_tally,indonesia,KASN: 190 ASN terbukti,confirmed,ASN,,X,https://x.id/k"
        ])
        #expect(Self.pairs(d) == ["a1/a2", "e1/e2", "f1/f2", "g1/g2", "k1/k3"])
        let found = PossibleDuplicates.find(d.events)
        #expect(found.map(\.daysApart) == [3, 1, 0, 2, 1])
        #expect(found.map(\.similarityText) == ["1.00", "0.60", "0.00", "1.00", "0.60"])
        #expect(found.map(\.sameSourceURL) == [false, false, true, false, true])
    }

    @Test func theEarlierLineComesFirstWhateverTheDates() throws {
        let d = try Self.load([
            "late,2024-01-13,day,incident,kota-bekasi,Foto ASN beredar,,,,X,",
            "early,2024-01-11,day,incident,kota-bekasi,foto asn beredar,,,,X,"
        ])
        #expect(Self.pairs(d) == ["late/early"])
        #expect(PossibleDuplicates.find(d.events).first?.daysApart == 2)
    }

    @Test func titleWordsIgnoreCaseAndPunctuationBeyondASCII() {
        #expect(PossibleDuplicates.titleWords("Ikrar: NETRALITAS, ikrar!".utf8) == PossibleDuplicates.titleWords("netralitas ikrar".utf8))
        #expect(PossibleDuplicates.titleWords("ÉTÉ «été»".utf8) == PossibleDuplicates.titleWords("été".utf8))
        #expect(PossibleDuplicates.titleWords("nomor-dua".utf8).count == 2)
        #expect(PossibleDuplicates.titleWords(" ,.; ".utf8).isEmpty)
    }

    /// Rows added to a generated dataset: what is planted is found, its near misses are not,
    /// and the bucketed search finds exactly what comparing every pair finds.
    @Test func generatedDatasetWithPlantedRows() throws {
        let f = SyntheticDataset.make(events: 3_000, seed: 11)
        func row(_ cells: [String: String]) -> String {
            EventColumn.names.map { cells[$0] ?? "" }.joined(separator: ",")
        }
        func planted(_ id: String, _ date: String, _ kind: String, _ title: String) -> String {
            row([
                "id": id, "date": date, "precision": "day", "kind": kind, "jurisdiction": "kota-bekasi",
                "title": title, "source": "Planted"
            ])
        }
        let extra = [
            planted("zz-dup-1", "2023-03-01", "statement", "Zamrud kuarsa topas giok"),
            planted("zz-dup-2", "2023-03-04", "statement", "\"zamrud, kuarsa, TOPAS, giok\""),
            planted("zz-far", "2023-03-08", "statement", "Zamrud kuarsa topas giok"),
            planted("zz-kind", "2023-03-02", "pledge", "Zamrud kuarsa topas giok"),
            planted("zz-half", "2023-03-02", "statement", "Zamrud kuarsa safir opal")
        ]
        var events = f.events
        events += Array((extra.joined(separator: "\n") + "\n").utf8)
        let d = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions),
            elections: ("elections.csv", f.elections), events: ("events.csv", events))
        let found = PossibleDuplicates.find(d.events)
        let ids = found.map { "\(d.events.id($0.first))/\(d.events.id($0.second))" }
        #expect(ids.contains("zz-dup-1/zz-dup-2"))
        let zz = ids.filter { $0.contains("zz-") }
        #expect(zz == ["zz-dup-1/zz-dup-2"], "near misses: 4 days after zz-dup-2, another kind, Jaccard 0.33")
        // Every pair compared, the slow way: each event with every later one of its kind and
        // jurisdiction (no pair across them can qualify; grouping them first spares the ~4.5
        // million pairs of the whole set, seconds of a debug build).
        let e = d.events
        var brute: Set<String> = []
        let groups = Dictionary(grouping: e.indices) { k in "\(e.kinds[k])|\(e.jurisdictions[k].raw)" }
        #expect(groups.count > 1 && groups.values.reduce(0) { $0 + $1.count } == e.count)
        for group in groups.values {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] where b > a && e.kinds[a] == e.kinds[b] && e.jurisdictions[a] == e.jurisdictions[b] {
                    let apart = abs(e.dates[a].anchor.days(to: e.dates[b].anchor))
                    guard apart <= 3 else { continue }
                    let wa = Set(PossibleDuplicates.titleWords(e.bytes(.title, a))), wb = Set(PossibleDuplicates.titleWords(e.bytes(.title, b)))
                    let union = wa.union(wb).count, shared = wa.intersection(wb).count
                    let url = e.string(.sourceURL, a)
                    let alike = union > 0 && Double(shared) / Double(union) >= 0.6 - 1e-12
                    guard alike || (!url.isEmpty && url == e.string(.sourceURL, b)) else { continue }
                    guard !e.links[a].contains(where: { $0.target == b }), !e.links[b].contains(where: { $0.target == a }) else { continue }
                    if e.kinds[a] == .caseTally && (e.statuses[a] != e.statuses[b] || e.string(.unit, a) != e.string(.unit, b)) { continue }
                    let (x, y) = e.lines[a] < e.lines[b] ? (a, b) : (b, a)
                    brute.insert("\(e.id(x))/\(e.id(y))")
                }
            }
        }
        #expect(Set(ids) == brute)
        #expect(ids.count == brute.count, "no pair twice")
        #expect(!brute.isEmpty)
    }

    /// `netra generate --events 20000 --seed 4`, loaded once for the two tests that search it.
    static let generated20k = Result { () throws -> Dataset in
        let f = SyntheticDataset.make(events: 20_000, seed: 4)
        return try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions),
            elections: ("elections.csv", f.elections), events: ("events.csv", f.events))
    }

    /// The search compares each event only with its bucket's next few days: on a generated
    /// dataset a few comparisons per event, not the ~n²/2 of every pair.
    @Test func theSearchIsNotAllPairs() throws {
        let d = try Self.generated20k.get()
        var comparisons = 0
        let pairs = PossibleDuplicates.find(d.events, comparisons: &comparisons)
        #expect(comparisons >= pairs.count)
        #expect(comparisons < 20 * d.events.count, "\(comparisons) comparisons for \(d.events.count) events")
        // 40 events of one bucket on one day, titles sharing only their common word: each
        // title's rarest word (its number) is all the search looks up; no two are compared.
        let same = (0..<40).map { "s\($0),2024-01-10,day,statement,kota-bekasi,Judul \($0),,,,X," }
        var n = 0
        #expect(PossibleDuplicates.find(try Self.load(same).events, comparisons: &n).isEmpty)
        #expect(n == 0)
    }

    /// 16,000 statements of one day with distinct titles (once 9.5 s, every pair compared),
    /// and 10,000 copies of one event (once 1.35 GB of pairs): few comparisons, a count of
    /// every pair, at most `maxPairsPerEvent` kept for each event.
    @Test func denseDaysCostTheirEventsNotTheirPairs() throws {
        // Each title: two words every title has, three of its own; and one planted pair.
        let statements =
            (0..<16_000).map { k in
                "s\(k),2024-01-10,day,statement,kota-bekasi,Pernyataan ASN tentang a\(k) b\(k) c\(k),,,,X,"
            } + ["twin,2024-01-11,day,statement,kota-bekasi,Pernyataan ASN tentang a7 b7 c7,,,,Y,"]
        var n = 0
        let d = try Self.load(statements)
        let started = ContinuousClock.now
        let found = PossibleDuplicates.find(d.events, comparisons: &n)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(n < 10 * 16_000, "\(n) comparisons")
        #expect(found.map { "\(d.events.id($0.first))/\(d.events.id($0.second))" } == ["s7/twin"])
        let copies = (0..<10_000).map { "c\($0),2024-01-10,day,incident,kota-bekasi,Foto ASN dengan paslon,,,,X,https://x.id/1" }
        var m = 0
        let c = try Self.load(copies)
        let search = PossibleDuplicates.search(c.events, perEvent: PossibleDuplicates.maxPairsPerEvent, comparisons: &m)
        #expect(search.total == 10_000 * 9_999 / 2)
        #expect(search.pairs.count == 45 + (10_000 - 10) * 10)
        #expect(m == 0, "one group, compared with nothing")
        // Each kept pair is the later row with the rows right above it.
        let e = c.events
        #expect(search.pairs.filter { e.id($0.second) == "c9999" }.map { e.id($0.first) } == (0..<10).map { "c\($0)" })
        #expect(search.pairs.allSatisfy { $0.sameSourceURL && $0.similarityText == "1.00" && $0.daysApart == 0 })
    }

    /// Copies of one event next to one that links to a copy: the linked copy is no duplicate
    /// of its follow-up, the others are.
    @Test func aLinkSeparatesOnlyTheEventsItJoins() throws {
        let d = try Self.load([
            "a1,2024-01-10,day,pledge,kota-bekasi,Ikrar netralitas ASN,,,,X,",
            "a2,2024-01-10,day,pledge,kota-bekasi,Ikrar netralitas ASN,,,,X,",
            "a3,2024-01-11,day,pledge,kota-bekasi,Ikrar netralitas ASN,,,follows_up:a1,X,"
        ])
        #expect(Self.pairs(d) == ["a1/a2", "a2/a3"])
    }

    /// The search on two cores (FastPaths/PossibleDuplicates+TwoCores.swift) against the plain
    /// one: the same pairs in the same order, the same total, with and without a limit, on
    /// generated data, dense days, copies, links and tallies. The dense days are 1,000
    /// statements (9,794 pairs, 6,748 kept: past every limit below and each event's own); 3,000
    /// made the same checks take 48 s of a debug build.
    @Test func twoCoresFindWhatThePlainSearchFinds() throws {
        var datasets: [Dataset] = []
        for (events, seed) in [(3_000, 11), (20_000, 4), (8_000, 7)] as [(Int, UInt64)] {
            if events == 20_000 {
                datasets.append(try Self.generated20k.get())
                continue
            }
            let f = SyntheticDataset.make(events: events, seed: seed)
            datasets.append(
                try DatasetLoader.load(
                    jurisdictions: ("jurisdictions.csv", f.jurisdictions),
                    elections: ("elections.csv", f.elections), events: ("events.csv", f.events)))
        }
        datasets.append(
            try Self.load(
                (0..<1_000).map { k in
                    "s\(k),2024-01-\(10 + k % 3),day,statement,kota-bekasi,Pernyataan ASN tentang a\(k % 50) b\(k % 7) c\(k % 11),,,,X,\(k % 5 == 0 ? "https://x.id/\(k % 40)" : "")"
                }))
        datasets.append(
            try Self.load(
                (0..<2_000).map {
                    "c\($0),2024-01-\(10 + $0 % 2),day,incident,kota-bekasi,Foto ASN dengan paslon,,,\($0 % 98 == 5 ? "follows_up:c\($0 - 1)" : ""),X,https://x.id/\($0 % 3)"
                }))
        datasets.append(
            try Self.load(
                (0..<600).map { k in
                    "t\(k),2024-11-\(10 + k % 3),day,case_tally,indonesia,KASN: \(k % 4) ASN,\(["confirmed", "sanctioned"][k % 2]),\(k % 3 == 0 ? " ASN" : "ASN"),,X,https://x.id/k\(k % 5)"
                }))
        // What the two-core search numbers by bytes: titles of the same words in other bytes
        // (case, punctuation, doubled quotes undone, accents) are one word set; one address in
        // two buckets is two; units equal only canonically (a Kelvin sign and a K) or with
        // padding are one, through their `String`s.
        let titles = ["Foto ASN \"\"nomor dua\"\"", "foto asn NOMOR DUA", "Foto ASN, nomor dua!", "Été ASN nomor", "ÉTÉ asn NOMOR", "Foto ASN nomor tiga"]
        let units = ["K", "\u{212A}", " K", "ASN"]
        datasets.append(
            try Self.load(
                (0..<900).map { k in
                    let jur = k % 4 == 0 ? "kabupaten-bekasi" : "kota-bekasi"
                    let kind = k % 3 == 0 ? "case_tally" : "incident"
                    let status = kind == "case_tally" ? (k % 2 == 0 ? "confirmed" : "sanctioned") : ""
                    let unit = kind == "case_tally" ? units[k % units.count] : ""
                    return
                        "m\(k),2024-02-\(10 + k % 5),day,\(kind),\(jur),\"\(titles[k % titles.count])\",\(status),\(unit),,X,\(k % 7 == 0 ? "https://x.id/\(k % 3)" : "")"
                }))
        datasets.append(try Self.load(Self.templated))
        // The dense days keep more pairs than the largest limit, and find more than they keep.
        let dense = PossibleDuplicates.search(datasets[3].events)
        #expect(dense.pairs.count > 1_000 && dense.total > dense.pairs.count, "\(dense.pairs.count) of \(dense.total) pairs")
        for d in datasets {
            for limit in [nil, 0, 1, 100, 1_000] as [Int?] {
                var n1 = 0, n2 = 0
                let plain = PossibleDuplicates.search(d.events, limit: limit, speed: .plain, comparisons: &n1)
                let fast = PossibleDuplicates.search(d.events, limit: limit, speed: .twoCores, comparisons: &n2)
                #expect(fast.total == plain.total)
                #expect(fast.pairs == plain.pairs, "\(d.events.count) events, limit \(String(describing: limit))")
                #expect(n2 == n1, "as many comparisons")
                // Each way of walking a bucket, on every bucket, finds the same (without a limit:
                // the limit is kept alike by every walk; forced on the dense days, reading each
                // window and walking by sets take seconds of a debug build).
                guard limit == nil else { continue }
                for walk in [.scan, .sets, .lists] as [PossibleDuplicates.Walk] {
                    var n3 = 0
                    let forced = PossibleDuplicates.searchOnTwoCores(
                        d.events, perEvent: PossibleDuplicates.maxPairsPerEvent, limit: limit, comparisons: &n3, walk: walk)
                    #expect(forced?.total == plain.total, "\(walk)")
                    #expect(forced?.pairs == plain.pairs, "\(walk): \(d.events.count) events, limit \(String(describing: limit))")
                    #expect(n3 == n1, "\(walk): as many comparisons")
                }
            }
            #expect(PossibleDuplicates.search(d.events).total > 0)
        }
    }

    /// A templated bucket (what `netra generate` makes at 1M): 600 statements over 12 days,
    /// seven titles of which some are alike, some share only rare words, some nothing, and one
    /// has no word at all; every 5th row without an address (copies made one group), every 37th
    /// of one of three shared addresses (pairs by address alone: t444, no word, with t0), every
    /// 41st a follow-up of the row above, a day older (a link that says they differ).
    static let templated: [String] = {
        let titles = [
            "Camat Bekasi Utara mengimbau ASN netral pada pilkada",
            "Camat Bekasi Utara mengimbau ASN tetap netral pada pilkada",
            "Camat Bekasi Selatan mengimbau ASN netral pada pilkada",
            "Lurah Medan Satria memanggil ASN soal foto",
            "Lurah Medan Satria memanggil ASN soal foto kampanye",
            "Sekda mengimbau ASN",
            "..."
        ]
        return (0..<600).map { k in
            let url = k % 5 == 1 ? "" : k % 37 == 0 ? "https://x.id/s\(k % 3)" : "https://x.id/t\(k)"
            let link = k % 41 == 7 && k % 12 != 0 ? "follows_up:t\(k - 1)" : ""
            return "t\(k),2024-03-\(10 + k % 12),day,statement,kota-bekasi,\(titles[(k * 7 + k / 13) % titles.count]),,,\(link),X,\(url)"
        }
    }()

    /// The templated bucket is walked by sets (its windows hold hundreds of groups of six sets),
    /// and what it finds is what the plain search finds: pairs by words, by address alone,
    /// none across a link, copies in one group.
    @Test func aTemplatedBucketIsWalkedBySets() throws {
        let d = try Self.load(Self.templated)
        var n1 = 0, n2 = 0
        let plain = PossibleDuplicates.search(d.events, limit: nil, speed: .plain, comparisons: &n1)
        let fast = try #require(PossibleDuplicates.searchOnTwoCores(d.events, perEvent: PossibleDuplicates.maxPairsPerEvent, limit: nil, comparisons: &n2))
        #expect(fast.pairs == plain.pairs)
        #expect(fast.total == plain.total)
        #expect(n2 == n1)
        #expect(PossibleDuplicates.cheapestWalks(d.events) == [.sets])
        let e = d.events
        #expect(plain.pairs.contains { !$0.titlesAlike && $0.sameSourceURL }, "a pair by address alone")
        #expect(plain.pairs.contains { e.id($0.first) == "t0" && e.id($0.second) == "t444" && $0.sharedWords == 0 && $0.sameSourceURL })
        #expect(plain.pairs.contains { $0.titlesAlike && $0.similarityHundredths < 100 }, "a pair of two titles alike, not equal")
        #expect(!plain.pairs.contains { p in e.links[p.second].contains { $0.target == p.first } }, "no pair across a link")
        #expect(plain.total > 10 * plain.pairs.count / 2, "\(plain.total) pairs, \(plain.pairs.count) kept")
    }

    /// Events made in code whose lines do not follow their rows: the two-core search steps aside.
    @Test func eventsOutOfLineOrderAreSearchedThePlainWay() throws {
        let d = try Self.load([
            "a1,2024-01-10,day,incident,kota-bekasi,ASN berfoto pose dua,,,,X,",
            "a2,2024-01-11,day,incident,kota-bekasi,ASN berfoto pose dua,,,,Y,",
            "a3,2024-01-12,day,incident,kota-bekasi,ASN berfoto pose dua,,,,Y,"
        ])
        let reversed = EventTable(d.events.indices.reversed().map { d.events[$0] })
        var n = 0
        #expect(PossibleDuplicates.searchOnTwoCores(reversed, perEvent: 10, limit: nil, comparisons: &n) == nil)
        #expect(PossibleDuplicates.search(reversed).pairs == PossibleDuplicates.search(reversed, speed: .plain).pairs)
        #expect(PossibleDuplicates.search(reversed).total == 3)
    }
}
