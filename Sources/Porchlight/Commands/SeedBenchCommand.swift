import Vapor

/// `porchlight seed-bench`: many orders written straight into the database for load tests.
struct SeedBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "orders", help: "How many orders (default 10000).") var orders: Int?
        @Option(name: "shipments", help: "Parcels per order (default 2).") var shipments: Int?
        @Option(name: "events", help: "Events per parcel (default 10).") var events: Int?
        @Option(name: "tokens-out", help: "File to write one tracking token per line.") var tokensOut: String?
        @Flag(name: "messages", help: "Also plan each order's confirmation email, due now.") var messages: Bool
    }

    var help: String { "Fill the database with benchmark orders and write their tracking tokens to a file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let seeder = BenchSeeder(database: app.db, world: app.world,
                                 shape: .init(orders: signature.orders ?? 10_000, parcels: signature.shipments ?? 2,
                                              events: signature.events ?? 10, messages: signature.messages))
        let tokens = try await seeder.seed()
        if let path = signature.tokensOut {
            try tokens.joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        context.console.print("Seeded \(tokens.count) orders into store '\(BenchSeeder.slug)'.")
    }
}
