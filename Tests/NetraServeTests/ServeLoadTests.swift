import Foundation
import Testing
import NetraTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 32, point 6: 20 clients upload at once for 60 s, each in a bounded loop (no new upload
/// starts after 60 s): every request is answered, every 201 is a version (numbered 1…n, none
/// lost), and the server with its job processes stays under 1 GiB. The figures are printed
/// (docs/SERVE.md quotes a run).
@Suite("netra serve under load", .serialized, .removingTemporaryFolders, .tags(.slow), .leftOutOfTheFastRun)
struct ServeLoadTests {
    static let clients = 20
    static let seconds = 60.0

    /// Resident KiB of `pid` and of its children (the jobs), from /proc.
    static func residentKiB(_ pid: Int32) -> (server: Int, withJobs: Int) {
        func rss(_ p: String) -> Int {
            guard let status = try? String(contentsOfFile: "/proc/\(p)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
            else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        let own = rss("\(pid)")
        var total = own
        for p in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(p) != nil {
            guard let stat = try? String(contentsOfFile: "/proc/\(p)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, Int32(fields[1]) == pid { total += rss(p) }
        }
        return (own, total)
    }

    @Test func twentyClientsForSixtySeconds() throws {
        let s = try Server()
        #expect(try ServeTests.workspace(s).status == 201)
        let start = Date()
        let statuses = Codes()
        let times = Codes()
        let peak = Codes()
        let group = DispatchGroup()
        let sampling = Codes()
        onItsOwnThread {
            while sampling.all.isEmpty {
                let r = Self.residentKiB(s.process.processIdentifier)
                peak.add(r.withJobs)
                peak.add(-r.server)
                usleep(100_000)
            }
        }
        for _ in 0..<Self.clients {
            group.enter()
            onItsOwnThread {
                // Bounded: a client starts no upload after the 60 s.
                while Date().timeIntervalSince(start) < Self.seconds {
                    let t = Date()
                    let r = try? s.request("POST", "/api/workspaces/bekasi/versions", form: ServeTests.shippedForm)
                    statuses.add(r?.status ?? 0)
                    times.add(Int(Date().timeIntervalSince(t) * 1000))
                }
                group.leave()
            }
        }
        group.wait()
        sampling.add(1)
        let elapsed = Date().timeIntervalSince(start)
        let stored = statuses.all.filter { $0 == 201 }.count
        #expect(statuses.all.allSatisfy { $0 == 201 }, "every upload answered 201: \(statuses.all)")
        let versions = try s.request("GET", "/api/workspaces/bekasi/versions").json() as? [[String: Any]] ?? []
        #expect(versions.compactMap { $0["number"] as? Int }.sorted() == Array(1...max(1, stored)), "no version lost")
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: s.data + "/workspaces/bekasi/versions")) ?? []
        #expect(dirs.count == stored, "one folder per version")
        let peakWithJobs = peak.all.filter { $0 > 0 }.max() ?? 0
        let peakServer = -(peak.all.filter { $0 < 0 }.min() ?? 0)
        #expect(peakWithJobs > 0 && peakWithJobs < 1024 * 1024, "under 1 GiB: \(peakWithJobs) KiB")
        let sorted = times.all.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        print(
            "netra serve load: \(Self.clients) clients, \(Int(elapsed)) s, \(statuses.all.count) uploads answered, \(stored) stored (versions 1…\(stored)), answer median \(median) ms, slowest \(sorted.last ?? 0) ms, peak resident: server \(peakServer / 1024) MiB, server with jobs \(peakWithJobs / 1024) MiB"
        )
        #expect(s.stop() == 0)
    }
}
