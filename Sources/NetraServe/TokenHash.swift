import Crypto

/// A session token's SHA-256 in hex (swift-crypto, which the server's packages build anyway):
/// the index keeps the hash, never the token, so a copy of the index logs nobody in.
enum TokenHash {
    static func hex(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in SHA256.hash(data: Array(token.utf8)) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
