import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562): the Unix time in milliseconds, then 74 random bits. Rows inserted one
    /// after another get neighbouring ids, so a primary-key index grows at its end; with fully random ids
    /// every insert landed on its own index page, and each commit rewrote hundreds of them. Ids are never
    /// secrets (private links carry their own tokens), so showing their creation time costs nothing.
    static func timeOrdered(at date: Date, random: [UInt8]) -> UUID {
        precondition(random.count >= 10, "a version 7 UUID needs 10 random bytes")
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        for index in 6..<16 { bytes[index] = random[index - 6] }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
