import Foundation

/// Payloads written for these tests in the carriers' and platforms' real shapes, under Tests/PorchlightTests/Fixtures.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func string(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }
}
