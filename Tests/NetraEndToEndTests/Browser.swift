import Foundation

/// Headless Chromium (Debian's `chromium`, installed by `make deps-browser`), run as a user's
/// browser would open `report.html`: from the file, no server.
enum Browser {
    /// The browser, or nil when it is not installed ($NETRA_CHROMIUM names another).
    static let path: String? = {
        let env = ProcessInfo.processInfo.environment["NETRA_CHROMIUM"].map { [$0] } ?? []
        return (env + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let missing = "Chromium is not installed: `make deps-browser` (run by `make test`) installs it"

    struct Output { var stdout: String; var stderr: String }

    /// Runs the browser headless on `url` with `args`, in a profile folder of its own, for at
    /// most 120 seconds; the page's scripts get 5 s of virtual time first.
    static func run(_ url: String, _ args: [String]) throws -> Output {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let profile = Netra.tempDir("chromium-profile")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        p.arguments =
            [
                "120", path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"
            ] + args + [url]
        // Into files, not pipes: neither can fill up and stall it.
        let outPath = profile + "/stdout", errPath = profile + "/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = FileHandle(forWritingAtPath: outPath), err = FileHandle(forWritingAtPath: errPath)
        defer { try? out?.close(); try? err?.close() }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let o = FileManager.default.contents(atPath: outPath) ?? Data()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Output(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The DOM after the scripts ran, and the page's console messages.
    static func dumpDOM(_ url: String, _ args: [String] = []) throws -> (dom: String, console: [String]) {
        let r = try run(url, ["--dump-dom"] + args)
        let console = r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        return (r.stdout, console)
    }

    /// The file's URL with a fragment.
    static func url(_ file: String, _ fragment: String = "") -> String {
        URL(fileURLWithPath: file).absoluteString + (fragment.isEmpty ? "" : "#" + fragment)
    }

    /// The `data-…` attributes of the dumped `<body>` (what the page's `selftest` hook wrote).
    static func bodyData(_ dom: String) -> [String: String] {
        guard let open = dom.range(of: "<body"), let close = dom[open.upperBound...].firstIndex(of: ">") else { return [:] }
        return attributes(String(dom[open.upperBound..<close])).filter { $0.key.hasPrefix("data-") }
    }

    /// The attributes of a start tag's inside, entities in their values decoded.
    static func attributes(_ tag: String) -> [String: String] {
        var out: [String: String] = [:]
        guard let pattern = try? NSRegularExpression(pattern: #"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?"#) else { return [:] }
        let ns = tag as NSString
        for m in pattern.matches(in: tag, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 1))
            let value = m.range(at: 2).location == NSNotFound ? "" : ns.substring(with: m.range(at: 2))
            out[name] = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        return out
    }

    /// Every element carrying `data-event-id`: its id, whether it is hidden, and its tag.
    static func eventElements(_ dom: String) -> [(id: String, hidden: Bool, tag: String)] {
        guard let pattern = try? NSRegularExpression(pattern: #"<([a-zA-Z]+)\s([^>]*\bdata-event-id="[^"]*"[^>]*)>"#) else { return [] }
        let ns = dom as NSString
        return pattern.matches(in: dom, range: NSRange(location: 0, length: ns.length)).map { m in
            let a = attributes(ns.substring(with: m.range(at: 2)))
            return (a["data-event-id"] ?? "", a["hidden"] != nil, ns.substring(with: m.range(at: 1)))
        }
    }
}
