import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Porchlight

@Suite("porchlight import, and the example file on the web")
struct ImportCommandTests {
    /// Runs `porchlight import <file> --store <slug>` in the test's app and returns the exit code it asked for.
    func runImport(_ t: TestHarness, _ arguments: [String]) async throws -> Int32 {
        t.app.exitCode = 0
        var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["porchlight"] + arguments))
        context.application = t.app
        try await ImportCommand().run(using: &context)
        return t.app.exitCode
    }

    func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Exit codes: 0 when every row is imported, 1 when some are not, 2 when the file can't be read", arguments: TestDatabase.all)
    func exitCodes(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let good = try temporaryFile("order_number,email\nC-1,c@example.com\n")
            let mixed = try temporaryFile("order_number,email\nC-2,c@example.com\nC-3,nope\n")
            let headerless = try temporaryFile("name\nAda\n")
            defer { for path in [good, mixed, headerless] { try? FileManager.default.removeItem(atPath: path) } }
            #expect(try await runImport(t, [good, "--store", "maple"]) == 0)
            t.clock.advance(by: 1)
            #expect(try await runImport(t, [mixed, "--store", "maple"]) == 1)
            t.clock.advance(by: 1)
            #expect(try await runImport(t, [headerless, "--store", "maple"]) == 2)
            #expect(try await runImport(t, ["/nonexistent/orders.csv", "--store", "maple"]) == 2)
            #expect(try await runImport(t, [good, "--store", "nowhere"]) == 2)
            #expect(try await t.count("orders", storeID: store.id) == 2)
            let runs = try await ImportRuns(database: t.app.db, storeID: store.id).latest()
            #expect(runs.map(\.status) == [.failed, .finished, .finished], "a missing file or store leaves no run")
            #expect(Set(runs.map(\.fileName)) == Set([good, mixed, headerless].map { ($0 as NSString).lastPathComponent }))
        }
    }

    @Test("GET /import/example.csv downloads the example without signing in")
    func exampleDownload() async throws {
        try await TestHarness.run(.sqlite) { t in
            let response = try await t.send(.GET, "/import/example.csv")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(response.headers.first(name: .contentDisposition) == #"attachment; filename="porchlight-example.csv""#)
            #expect(response.body.string == (try String(contentsOfFile: ImportExampleController.path, encoding: .utf8)))
            #expect(response.body.string.hasPrefix("order_number,email,"))
        }
    }
}
