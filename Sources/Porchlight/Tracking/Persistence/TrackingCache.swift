import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Recently viewed orders and their rendered pages, so a page view costs one small query while
/// nothing has changed. An entry is used only while its version still matches the database, so
/// several instances never serve each other stale pages. Entries are never mutated once stored.
final class TrackingCache: Sendable {
    struct Version: Equatable, Sendable {
        var revision: Int
        var storeRevision: Int
    }

    /// A page as rendered for one version, good until the customer's next midnight, when words
    /// such as "Today" change. It is kept in pieces split at `noncePlaceholder`, where each
    /// response puts its own CSP nonce.
    struct RenderedPage: Sendable {
        var version: Version
        var validUntil: Date
        var pieces: [String]

        init(version: Version, validUntil: Date, html: String, placeholder: String) {
            self.version = version
            self.validUntil = validUntil
            pieces = html.components(separatedBy: placeholder)
        }

        func html(nonce: String) -> ByteBuffer {
            var buffer = ByteBuffer()
            buffer.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + nonce.utf8.count * (pieces.count - 1))
            for (index, piece) in pieces.enumerated() {
                if index > 0 { buffer.writeString(nonce) }
                buffer.writeString(piece)
            }
            return buffer
        }
    }

    private struct Entry: @unchecked Sendable {
        var version: Version
        var loaded: TrackingReader.Loaded
    }

    let capacity: Int
    /// Random per process, so no text a merchant or customer types can collide with it.
    let noncePlaceholder: String
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    private let pages = NIOLockedValueBox<[String: RenderedPage]>([:])

    init(capacity: Int = 10_000, noncePlaceholder: String) {
        self.capacity = capacity
        self.noncePlaceholder = noncePlaceholder
    }

    func get(_ token: String, at version: Version) -> TrackingReader.Loaded? {
        entries.withLockedValue { entries in
            guard let entry = entries[token], entry.version == version else { return nil }
            return entry.loaded
        }
    }

    func put(_ token: String, _ loaded: TrackingReader.Loaded) {
        let version = Version(revision: loaded.order.revision, storeRevision: loaded.store.revision)
        entries.withLockedValue { Self.store(Entry(version: version, loaded: loaded), at: token, in: &$0, capacity: capacity) }
    }

    func page(_ token: String, at version: Version, now: Date) -> RenderedPage? {
        pages.withLockedValue { pages in
            guard let page = pages[token], page.version == version, now < page.validUntil else { return nil }
            return page
        }
    }

    func putPage(_ token: String, _ page: RenderedPage) {
        pages.withLockedValue { Self.store(page, at: token, in: &$0, capacity: capacity) }
    }

    /// Dropping an arbitrary tenth when full is cheaper than tracking recency; a miss only costs a reload.
    private static func store<Value>(_ value: Value, at key: String, in table: inout [String: Value], capacity: Int) {
        if table.count >= capacity, table[key] == nil {
            for old in table.keys.prefix(max(1, capacity / 10)) { table[old] = nil }
        }
        table[key] = value
    }
}
