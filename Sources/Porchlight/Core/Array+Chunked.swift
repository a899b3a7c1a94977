import Foundation

extension Array {
    /// Consecutive slices of at most `size` elements, e.g. to keep each bulk INSERT under SQLite's limit on bound parameters.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
