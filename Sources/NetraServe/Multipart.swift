/// multipart/form-data, parsed from a body held whole (capped by --max-upload before).
public struct FormPart: Sendable {
    public var name: String
    public var filename: String?
    public var bytes: [UInt8]
}

public enum Multipart {
    /// The boundary of a `multipart/form-data; boundary=…` content type.
    public static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for p in contentType.split(separator: ";") {
            let kv = p.trimmingSpacesAround()
            if kv.lowercased().hasPrefix("boundary=") {
                var b = String(kv.dropFirst(9))
                if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
                return (1...70).contains(b.utf8.count) ? b : nil
            }
        }
        return nil
    }

    /// The parts, or nil when the body is not well formed. At most 16 parts.
    public static func parse(_ body: [UInt8], boundary: String) -> [FormPart]? {
        let delimiter = Array(("--" + boundary).utf8)
        var positions: [Int] = []
        var i = 0
        while let at = find(delimiter, in: body, from: i) {
            positions.append(at)
            i = at + delimiter.count
            if positions.count > 17 { return nil }
        }
        guard positions.count >= 2 else { return nil }
        var parts: [FormPart] = []
        for k in 0..<(positions.count - 1) {
            var start = positions[k] + delimiter.count
            // CRLF after the delimiter.
            guard start + 2 <= body.count, body[start] == 13, body[start + 1] == 10 else { return nil }
            start += 2
            var end = positions[k + 1]
            // The CRLF before the next delimiter belongs to it.
            guard end - 2 >= start, body[end - 2] == 13, body[end - 1] == 10 else { return nil }
            end -= 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: start), headerEnd <= end else { return nil }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            var name: String?, filename: String?
            for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: String(line))
                filename = parameter("filename", in: String(line))
            }
            guard let name else { return nil }
            parts.append(FormPart(name: name, filename: filename, bytes: Array(body[(headerEnd + 4)..<end])))
        }
        return parts
    }

    static func parameter(_ key: String, in line: String) -> String? {
        for p in line.split(separator: ";").dropFirst() {
            let kv = p.trimmingSpacesAround()
            guard let eq = kv.firstIndex(of: "="), kv[..<eq].lowercased() == key else { continue }
            var v = String(kv[kv.index(after: eq)...])
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension Substring {
    func trimmingSpacesAround() -> Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
