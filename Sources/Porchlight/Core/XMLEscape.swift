import Foundation

/// Escaping for XML and SVG we write by hand.
///
/// Characters XML 1.0 forbids outright (most C0 controls, U+FFFE, U+FFFF) are dropped: no escape
/// makes them legal, and a single one makes the whole document unreadable to a strict parser.
enum XMLEscape {
    /// For element content.
    static func text(_ value: String) -> String {
        escape(value, attribute: false)
    }

    /// For an attribute value written between double quotes. Tabs and line breaks become character
    /// references, because a parser would otherwise normalise them to spaces.
    static func attribute(_ value: String) -> String {
        escape(value, attribute: true)
    }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
