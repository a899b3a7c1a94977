import Foundation

extension LoginThrottle {
    /// The key to count a client address's failures under. IPv4 addresses count one by one; an
    /// IPv6 client usually owns a whole /64 and can pick a fresh address for every guess, so all of
    /// it counts as one. IPv4-mapped IPv6 (`::ffff:203.0.113.9`) counts as the IPv4 address.
    /// Anything unparseable is used as given (lowercased), which is still a stable key.
    static func clientKey(forAddress raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<close])
        }
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        if let octets = ipv4(text) { return octets.map(String.init).joined(separator: ".") }
        guard let groups = ipv6(text) else { return text }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            return [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF].map(String.init).joined(separator: ".")
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    private static func ipv4(_ text: String) -> [UInt16]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { part -> UInt16? in
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let value = UInt16(part), value <= 255 else {
                return nil
            }
            return value
        }
        return octets.count == 4 ? octets : nil
    }

    /// Eight 16-bit groups, with `::` expanded and a trailing dotted IPv4 part folded in.
    private static func ipv6(_ text: String) -> [UInt16]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            for piece in part.split(separator: ":", omittingEmptySubsequences: false) {
                if piece.contains("."), let octets = ipv4(String(piece)) {
                    result += [octets[0] << 8 | octets[1], octets[2] << 8 | octets[3]]
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard head.count + tail.count < 8 else { return nil }
        return head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}
