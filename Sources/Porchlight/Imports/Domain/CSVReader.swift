import Foundation

/// Rows of a CSV byte stream, one at a time, holding no more than one chunk and one row in memory.
/// Counts the bytes it has taken, so callers can tell how far through the file they are.
struct CSVReader: Sendable {
    /// Returns the next chunk, or nil at the end.
    typealias ChunkSource = @Sendable () throws -> [UInt8]?

    private let nextChunk: ChunkSource
    private var parser: CSVParser
    private var ready: [CSVRecord] = []
    private var readyIndex = 0
    private var finished = false
    private(set) var bytesRead: Int64 = 0

    init(maxRecordBytes: Int = 1 << 20, chunks: @escaping ChunkSource) {
        parser = CSVParser(maxRecordBytes: maxRecordBytes)
        nextChunk = chunks
    }

    /// A file read in chunks of `chunkSize` bytes.
    static func file(_ handle: FileHandle, chunkSize: Int = 64 * 1024, maxRecordBytes: Int = 1 << 20) -> CSVReader {
        CSVReader(maxRecordBytes: maxRecordBytes) {
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
            return [UInt8](data)
        }
    }

    /// Bytes in memory cut into chunks of `chunkSize`, so tests can cut rows anywhere.
    static func bytes(_ bytes: [UInt8], chunkSize: Int, maxRecordBytes: Int = 1 << 20) -> CSVReader {
        let offset = LockedOffset()
        return CSVReader(maxRecordBytes: maxRecordBytes) {
            let start = offset.advance(by: chunkSize)
            guard start < bytes.count else { return nil }
            return Array(bytes[start..<min(start + chunkSize, bytes.count)])
        }
    }

    /// The next row, or nil at the end of the stream.
    mutating func next() throws -> CSVRecord? {
        while readyIndex == ready.count {
            guard !finished else { return nil }
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if let chunk = try nextChunk() {
                bytesRead += Int64(chunk.count)
                ready = try parser.feed(chunk)
            } else {
                finished = true
                ready = try parser.finish()
            }
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }
}

/// The read position of an in-memory source, shared by the sendable closure that reads from it.
private final class LockedOffset: @unchecked Sendable {
    private let lock = NSLock()
    private var offset = 0

    /// Returns the offset before moving it on.
    func advance(by count: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = offset
        offset += count
        return start
    }
}
