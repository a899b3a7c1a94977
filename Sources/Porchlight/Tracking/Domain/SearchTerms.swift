import Foundation

/// The words an order can be found by in the dashboard: its number, the email, each word of the
/// customer's name (and the whole name), and its tracking numbers. Matching is by prefix, so one index
/// answers every kind of search at any table size.
enum SearchTerms {
    static func forOrder(number: String, email: String, customerName: String?) -> Set<String> {
        var terms: Set<String> = [NewOrder.lookupKey(number), EmailAddress.normalized(email)]
        if let name = customerName.map(normalize), !name.isEmpty {
            terms.insert(name)
            for word in name.split(separator: " ") where word.count > 1 { terms.insert(String(word)) }
        }
        return Set(terms.filter { !$0.isEmpty }.map { String($0.prefix(maxLength)) })
    }

    static func forTrackingNumber(_ number: String) -> String {
        String(normalize(number).replacingOccurrences(of: " ", with: "").prefix(maxLength))
    }

    /// What the merchant typed, in the same form as the stored terms; nil when there is nothing to search for.
    static func query(_ text: String) -> String? {
        var folded = normalize(text)
        while folded.hasPrefix("#") { folded.removeFirst() }
        folded = folded.trimmingCharacters(in: .whitespaces)
        return folded.isEmpty ? nil : String(folded.prefix(maxLength))
    }

    /// The smallest string greater than every string starting with `prefix`, for a range scan on an index.
    static func upperBound(_ prefix: String) -> String { prefix + "\u{10FFFF}" }

    static let maxLength = 100

    private static func normalize(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
