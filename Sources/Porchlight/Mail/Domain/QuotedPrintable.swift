import Foundation

/// RFC 2045 quoted-printable for the body parts. Lines come out CRLF-terminated and at most 76
/// characters; "=" only ever appears as an escape ("=XX") or a soft break, which is what lets the
/// MIME boundary start with "=_" and never collide with a body.
enum QuotedPrintable {
    static let maxLineLength = 76

    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var first = true
        for line in lines(of: text) {
            if !first { out += [13, 10] }
            first = false
            encodeLine(line, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits on CRLF, lone LF and lone CR alike: on the wire every line break must be CRLF, and a stray
    /// CR kept as "=0D" would read as a broken line to some clients.
    static func lines(of text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 10 || byte == 13 {
                result.append(bytes[start..<index])
                if byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 { index += 1 }
                start = index + 1
            }
            index += 1
        }
        result.append(bytes[start..<bytes.count])
        return result
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var column = 0
        var token: [UInt8] = []
        token.reserveCapacity(3)
        for index in line.indices {
            let byte = line[index]
            let isLast = index == line.index(before: line.endIndex)
            token.removeAll(keepingCapacity: true)
            let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
            if literal {
                token.append(byte)
            } else {
                // Trailing spaces and tabs are escaped because transports may strip them.
                token += [61, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            // A line that continues needs one column left for its "=" soft break.
            let limit = isLast ? maxLineLength : maxLineLength - 1
            if column + token.count > limit {
                out += [61, 13, 10]
                column = 0
            }
            out += token
            column += token.count
        }
    }
}
