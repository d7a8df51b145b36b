@testable import NetraLoad
import Testing
import NetraTestSupport
import Foundation
@testable import NetraCore

/// The rows of issue 15, each traced to its line in FACTS.md (the sections "Kota Bekasi: the
/// jersey case after 22 January 2024", "Kota Bekasi: Pilkada 2024", "Kabupaten Bekasi: 2024",
/// "Jawa Barat: 2024", "National: Pilkada 2024"): the outlet, the address exactly as FACTS.md
/// gives it, and the outlet's date where FACTS.md shows one (empty where it does not).
@Suite struct DatasetSourcesTests {
    static let traced: [(id: String, source: String, url: String, sourceDate: String)] = [
        ("kota-2023-11-05-lurah-volunteer-allegation", "inijabar.com", "https://inijabar.com/2023/11/lurah-mustika-jaya-dinilai-lakukan.html", ""),
        (
            "kab-2023-12-01-pj-bupati-blue-shirt", "Kompas.com",
            "https://bandung.kompas.com/read/2024/02/05/120303078/diduga-tak-netral-pj-bupati-bekasi-dilaporkan-ke-bawaslu", "2024-02-05"
        ),
        ("kota-2024-01-26-correction-request", "lampumerahnews.id", "https://lampumerahnews.id/2024/01/kasus-netralitas-asn-bawaslu-kota.html", ""),
        (
            "kota-2024-01-29-kammi-dkpp-plan", "bekasimedia.com",
            "https://bekasimedia.com/2024/01/29/lagi-bawaslu-kota-bekasi-akan-dilaporkan-ke-dkpp-soal-putusan-perkara-jersey-nomor-2", "2024-01-29"
        ),
        (
            "jabar-2024-02-02-jersey-correction", "Radar Bekasi",
            "https://radarbekasi.id/2024/02/06/bawaslu-jabar-koreksi-putusan-bawaslu-kota-bekasi-kasus-dugaan-pelanggaran-netralitas-asn-pamer-foto-bersama-jersey-nomor-2-di-stadion-patriot-candrabhaga-begini-keputusannya",
            "2024-02-06"
        ),
        (
            "kab-2024-02-02-pj-bupati-report", "Kompas.com",
            "https://bandung.kompas.com/read/2024/02/05/120303078/diduga-tak-netral-pj-bupati-bekasi-dilaporkan-ke-bawaslu", "2024-02-05"
        ),
        (
            "kota-2024-02-06-jersey-five-in-breach", "iNews Bandung Raya",
            "https://bandungraya.inews.id/amp/404397/putusan-bawalsu-kota-bekasi-dikoreksi-5-asn-divonis-bersalah-pamer-jersey-nomor-2/all", ""
        ),
        (
            "kab-2024-02-06-pj-bupati-denial", "Kompas.com",
            "http://megapolitan.kompas.com/read/2024/02/06/12105981/dilaporkan-ke-bawaslu-karena-pakai-baju-biru-pj-bupati-bekasi-enggak-ada", "2024-02-06"
        ),
        (
            "jabar-2024-02-07-governor-awaits-bawaslu", "detikJabar",
            "https://www.detik.com/jabar/berita/d-7181959/respons-bey-soal-pelanggaran-jersey-nomor-2-asn-pemkot-bekasi", ""
        ),
        ("jabar-2024-02-28-pemprov-20-cases", "harapanrakyat.com", "https://www.harapanrakyat.com/?p=489281", ""),
        (
            "kab-2024-06-26-bawaslu-risk-mapping", "karawangbekasi.disway.id",
            "https://karawangbekasi.disway.id/read/40857/pilkada-2024-bawaslu-kabupaten-bekasi-fokus-awasi-pemutakhiran-data-dan-kerawanan-netralitas-asn", ""
        ),
        (
            "kab-2024-08-19-circular-3771", "TribunBekasi",
            "https://bekasi.tribunnews.com/2024/08/19/penjabat-bupati-bekasi-dedy-supriadi-minta-asn-jaga-netralitas-di-pilkada-2024", "2024-08-19"
        ),
        (
            "nas-2024-08-24-bkn-takes-over", "Tribunnews",
            "https://m.tribunnews.com/amp/mata-lokal-memilih/2024/09/17/bkn-gantikan-kasn-soal-tindak-lanjut-pelanggaran-asn-selama-pilkada-serentak",
            "2024-09-17"
        ),
        (
            "kota-2024-08-31-pj-asks-candidates", "Poskota",
            "https://poskota.co.id/2024/08/31/pj-walikota-bekasi-harap-para-paslon-pilkada-tidak-menyeret-asn-saat-kampanye", "2024-08-31"
        ),
        (
            "kota-2024-09-01-pj-tells-bawaslu-to-act", "Bekasi Urban",
            "https://bekasiurban.com/2024/09/03/pemkot-bekasi-persilakan-bawaslu-tindak-asn-yang-tidak-netral-dalam-pilkada-2024/", "2024-09-03"
        ),
        (
            "kab-2024-09-17-circular-4881", "Jabarnews",
            "https://jabarnews.com/daerah/pemkab-bekasi-keluarkan-surat-edaran-larangan-asn-terlibat-dalam-politik-pilkada-2024-begini-isinya", ""
        ),
        (
            "kota-2024-09-25-integrity-pact-plan", "Bekasipedia",
            "https://bekasipedia.com/berita-terkini/berita-kota-bekasi/menuju-pilkada-2024-damai-dan-kondusif-bawaslu-kota-bekasi-gelar-rakor-sentra-gakkumdu/",
            ""
        ),
        (
            "jabar-2024-10-03-asn-cases-forwarded", "ANTARA Jabar",
            "https://jabar.antaranews.com/berita/547847/bawaslu-jabar-mendalami-dugaan-pelanggaran-netralitas-asn-dan-kades", ""
        ),
        (
            "kota-2024-10-15-neutrality-declaration", "TribunBekasi",
            "https://bekasi.tribunnews.com/2024/10/16/bawaslu-kota-bekasi-hadirkan-sejumlah-asn-untuk-deklarasi-netralitas-pilkada-2024", "2024-10-16"
        ),
        (
            "kota-2024-10-15-bawaslu-only-recommends", "Bekasi WahanaNews",
            "https://bekasi.wahananews.co/utama/lewat-deklarasi-netralitas-3-pilar-bawaslu-kota-bekasi-targetkan-pemilu-2024-damai-qrHw9b29U9", ""
        ),
        (
            "kota-2024-10-16-invitation-to-report", "klikbekasi.co",
            "https://klikbekasi.co/pemkot-bekasi-persilahkan-masyarakat-adukan-asn-yang-tak-netral-di-pilkada/", ""
        ),
        (
            "jabar-2024-10-16-asn-reported-to-bkn", "Bisnis.com",
            "https://bandung.bisnis.com/read/20241016/549/1808040/sudah-4-asn-jabar-yang-dilaporkan-langgar-netralitas-di-pilkada-serentak-2024", "2024-10-16"
        ),
        (
            "kab-2024-11-23-quiet-period-parade", "satujabar.com",
            "https://satujabar.com/pj-bupati-bekasi-pimpin-apel-siaga-dan-patroli-pengawasan-masa-tenang-pilkada-serentak-2024/amp", ""
        ),
        (
            "nas-2024-12-02-bawaslu-433-asn-cases", "RMOL",
            "https://rmol.id/politik/read/2024/12/03/647111/di-hadapan-anggota-dpd-bawaslu-ungkap-penanganan-433-kasus-netralitas-asn", "2024-12-03"
        ),
        (
            "nas-2024-12-02-bawaslu-314-violations", "RMOL",
            "https://rmol.id/politik/read/2024/12/03/647111/di-hadapan-anggota-dpd-bawaslu-ungkap-penanganan-433-kasus-netralitas-asn", "2024-12-03"
        ),
        (
            "nas-2024-12-02-bawaslu-99-not-violations", "RMOL",
            "https://rmol.id/politik/read/2024/12/03/647111/di-hadapan-anggota-dpd-bawaslu-ungkap-penanganan-433-kasus-netralitas-asn", "2024-12-03"
        ),
        (
            "kota-2024-12-12-bawaslu-17-reports", "Radar Bekasi",
            "https://radarbekasi.id/2024/12/14/bawaslu-kota-bekasi-terima-17-laporan-dugaan-pelanggaran-pemilu-16-selesai-dan-satu-masih-proses", "2024-12-14"
        ),
        (
            "jabar-2024-12-12-pilkada-violations", "RCTI+",
            "https://rctiplus.com/news/detail/terkini/4624235/bawaslu-gandeng-media-untuk-mengamankan-proses-pilkada-jabar-yang-transparan", "2024-12-12"
        ),
        (
            "jabar-2024-12-12-asn-violations", "RCTI+",
            "https://rctiplus.com/news/detail/terkini/4624235/bawaslu-gandeng-media-untuk-mengamankan-proses-pilkada-jabar-yang-transparan", "2024-12-12"
        ),
        (
            "kota-2024-12-19-bawaslu-19-reports", "Bekasi WahanaNews",
            "https://bekasi.wahananews.co/utama/undang-stakeholder-bawaslu-kota-bekasi-gelar-evaluasi-penyelenggaraan-pilkada-2024-crb1vob5qU", ""
        ),
        (
            "kota-2025-02-19-bawaslu-18-reports", "Rakyat Bekasi",
            "https://rakyatbekasi.com/bawaslu-kota-bekasi-tindaklanjuti-18-laporan-dugaan-pelanggaran-dalam-gelaran-pilkada-serentak-2024", ""
        )
    ]

    @Test func everyPilkadaRowCitesItsFactsLine() throws {
        let d = try DatasetLoader.load(directory: TestPaths.shippedDataset)
        #expect(Set(Self.traced.map(\.id)).count == 31)
        // The 34 rows from before are counted in ShippedDatasetTests: nothing else came in.
        // … and the guilty Pilkada ASN case of 19 Dec 2024 (issue 27), checked below.
        #expect(d.events.count == 34 + Self.traced.count + 1)
        let guilty = try #require(d.eventsByID["kota-2024-12-19-asn-case-guilty"])
        #expect(d.events[guilty].source == "Bekasi WahanaNews" && d.events[guilty].count == 1 && d.events[guilty].status == .confirmed)
        for t in Self.traced {
            let k = try #require(d.eventsByID[t.id], "missing \(t.id)")
            let e = d.events[k]
            #expect(e.source == t.source, "\(t.id)")
            #expect(e.sourceURL == t.url, "\(t.id)")
            #expect((e.sourceDate?.iso ?? "") == t.sourceDate, "\(t.id)")
            // Only a summary of each article is at hand: no quote is made up.
            #expect(e.quote.isEmpty, "\(t.id)")
            #expect(!e.titleEN.isEmpty, "\(t.id)")
        }
    }

    @Test func allegationsStayAllegedAndSayWhose() throws {
        let d = try DatasetLoader.load(directory: TestPaths.shippedDataset)
        func event(_ id: String) throws -> Event { d.events[try #require(d.eventsByID[id], "missing \(id)")] }
        let lurah = try event("kota-2023-11-05-lurah-volunteer-allegation")
        #expect(lurah.kind == .incident && lurah.status == .alleged && lurah.date.precision == .onOrBefore)
        #expect(lurah.notes.contains("The allegation is the activists'"))
        let blue = try event("kab-2023-12-01-pj-bupati-blue-shirt")
        #expect(blue.kind == .incident && blue.status == .alleged && blue.notes.contains("The allegation is Trinusa's"))
        // No sanction on the five and no Kabupaten Bekasi case: none is made up.
        #expect(d.events.allSatisfy { $0.kind != .sanction })
        #expect(!d.events.contains { $0.kind == .decision && $0.links.contains { d.events[$0.target].id == "kab-2024-02-02-pj-bupati-report" } })
        // The five in breach are counted, never named.
        let five = try event("kota-2024-02-06-jersey-five-in-breach")
        #expect(five.count == 5 && five.status == .confirmed && five.actors == "Bawaslu Provinsi Jawa Barat;Muamarullah")
    }

    @Test func disagreeingOutletsAreRowsOrNotesNeverCorrections() throws {
        let d = try DatasetLoader.load(directory: TestPaths.shippedDataset)
        func event(_ id: String) throws -> Event { d.events[try #require(d.eventsByID[id], "missing \(id)")] }
        // Bawaslu Kota Bekasi's 17, 19 and 18 reports: three rows of one series.
        let totals = try [
            "kota-2024-12-12-bawaslu-17-reports", "kota-2024-12-19-bawaslu-19-reports",
            "kota-2025-02-19-bawaslu-18-reports"
        ].map(event)
        #expect(totals.map(\.count) == [17, 19, 18])
        #expect(Set(totals.map(\.unit)) == ["laporan"] && Set(totals.map(\.status)) == [.alleged])
        // 19 or 22 January for the stop letter: the ruling keeps 22 January, the other day is in its notes.
        let ruling = try event("kota-2024-01-22-jersey-decision")
        #expect(ruling.date.anchor.iso == "2024-01-22" && ruling.notes.contains("dates the stop letter 19 January 2024"))
        // The hotel of 15 October: left empty, the disagreement noted.
        let declaration = try event("kota-2024-10-15-neutrality-declaration")
        #expect(declaration.place.isEmpty && declaration.notes.contains("Outlets disagree on the hotel"))
        // West Java's 8 forwarded, 4 reported to BKN and 43 alleged measure different things.
        let west = try [
            "jabar-2024-10-03-asn-cases-forwarded", "jabar-2024-10-16-asn-reported-to-bkn",
            "jabar-2024-12-12-asn-violations"
        ].map(event)
        #expect(west.map(\.count) == [8, 4, 43] && Set(west.map(\.unit)).count == 3)
    }
}
