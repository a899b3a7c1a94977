import Foundation

/// Turns untrusted strings into header lines that cannot break out of their field: every value passes
/// through `sanitize` before it is written, so a CR or LF can never start a header of its own.
enum HeaderEncoding {
    static let maxLineLength = 78
    /// RFC 2047 caps an encoded word at 75 characters; 45 bytes of UTF-8 are 60 base64 characters,
    /// which with the 12 characters of "=?utf-8?B?" and "?=" stays under it.
    static let maxEncodedWordBytes = 45

    /// Replaces CR, LF, tabs, every other C0/C1 control and the Unicode line separators with a space,
    /// then collapses runs of spaces: unfolded headers are single lines, and double spaces carry nothing.
    static func sanitize(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in value.unicodeScalars {
            let isBreak = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == " "
            if isBreak {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// A header field name is printable ASCII without ":" (RFC 5322 section 2.2); anything else is dropped.
    static func fieldName(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { (0x21...0x7E).contains($0.value) && $0 != ":" }))
    }

    /// Keeps only what `MailAddress.isValid` allows character by character, so an address that slipped
    /// past validation still cannot add a recipient or a header.
    static func sanitizeAddress(_ address: String) -> String {
        String(decoding: address.utf8.filter {
            (0x21...0x7E).contains($0) && !MailAddress.forbiddenInAddress.contains($0)
        }, as: UTF8.self)
    }

    static func needsEncodedWords(_ text: String) -> Bool {
        // "=?" in plain text would be decoded by readers as an encoded word, so it is encoded too.
        !text.unicodeScalars.allSatisfy { $0.isASCII } || text.contains("=?")
    }

    /// Splits text into RFC 2047 B-encoded words on Unicode scalar boundaries, so each word is valid UTF-8
    /// on its own. The first word is sized to fit on the header's first line after "Name: ".
    static func encodedWords(_ text: String, firstLineRoom: Int) -> [String] {
        let firstLimit = min(maxEncodedWordBytes, max(3, (firstLineRoom - 12) / 4 * 3))
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = firstLimit
        func flush() {
            words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk.removeAll(keepingCapacity: true)
            limit = maxEncodedWordBytes
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > limit { flush() }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { flush() }
        return words
    }

    /// Lays tokens out as "Name: tok tok", folding with CRLF + space before a token that would pass
    /// 78 characters. A single token longer than a line stays whole: breaking it would change it.
    static func fold(name: String, tokens: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        var lineHasToken = false
        for token in tokens where !token.isEmpty {
            if lineHasToken && line.utf8.count + 1 + token.utf8.count > maxLineLength {
                lines.append(line)
                line = ""
            }
            line += " " + token
            lineHasToken = true
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// An unstructured field such as Subject. Words too long to fold are encoded too, since encoded
    /// words can be split anywhere and plain ones cannot.
    static func unstructured(name: String, value: String) -> String {
        let clean = sanitize(value)
        let words = clean.split(separator: " ").map(String.init)
        if needsEncodedWords(clean) || words.contains(where: { $0.utf8.count > maxLineLength - 2 }) {
            return fold(name: name, tokens: encodedWords(clean, firstLineRoom: maxLineLength - name.utf8.count - 2))
        }
        return fold(name: name, tokens: words)
    }

    /// An address field: `Name <local@domain>` with the display name as atoms, a quoted string or
    /// encoded words, whichever is needed.
    static func mailbox(name headerName: String, _ mailbox: MailAddress) -> String {
        let address = sanitizeAddress(mailbox.address)
        let display = sanitize(mailbox.name ?? "")
        guard !display.isEmpty else { return fold(name: headerName, tokens: [address]) }
        return fold(name: headerName, tokens: phrase(display, firstLineRoom: maxLineLength - headerName.utf8.count - 2) + ["<\(address)>"])
    }

    /// RFC 5322 atext: what a display name may contain without quoting.
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".utf8)

    private static func phrase(_ display: String, firstLineRoom: Int) -> [String] {
        if needsEncodedWords(display) {
            return encodedWords(display, firstLineRoom: firstLineRoom)
        }
        let words = display.split(separator: " ").map(String.init)
        if display.utf8.allSatisfy({ atext.contains($0) }) { return words }
        // A quoted string may be folded at its spaces, so each word stays a separate token.
        let escaped = words.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
        var tokens = escaped
        tokens[0] = "\"" + tokens[0]
        tokens[tokens.count - 1] += "\""
        return tokens
    }
}
