import Foundation
import Testing

/// Compares text with a file committed under __Snapshots__. A missing or changed snapshot fails;
/// run with RECORD_SNAPSHOTS=1 to write the current output, then review the diff before committing.
enum Snapshot {
    static func assertMatches(_ text: String, named name: String, filePath: String = #filePath,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = folder.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !record, let stored = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("No snapshot \(name) yet; wrote one. Review it and run again.", sourceLocation: sourceLocation) }
            return
        }
        if stored != text {
            let changed = zip(stored.split(separator: "\n", omittingEmptySubsequences: false),
                              text.split(separator: "\n", omittingEmptySubsequences: false))
                .enumerated().first { $0.element.0 != $0.element.1 }
            let line = changed.map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" } ?? "length differs"
            Issue.record("Snapshot \(name) changed at \(line)\n(RECORD_SNAPSHOTS=1 rewrites it)", sourceLocation: sourceLocation)
        }
    }
}
