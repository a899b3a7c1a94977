import NIOPosix
import Vapor

/// bcrypt on the thread pool: one hash takes a quarter of a second at cost 12, far too long to hold an event loop.
struct PasswordHashing: Sendable {
    let cost: Int
    let threadPool: NIOThreadPool

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// Verifies against a stand-in when there is no hash, so an unknown email costs as much as a wrong password.
    func verify(_ password: String, against hash: String) async throws -> Bool {
        let candidate = hash.isEmpty ? standIn : hash
        let matches = try await threadPool.runIfActive { try Bcrypt.verify(password, created: candidate) }
        return matches && !hash.isEmpty
    }

    private var standIn: String {
        // A fixed salt keeps this free of randomness; nothing ever verifies against it.
        let paddedCost = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2b$\(paddedCost)$" + String(repeating: "a", count: 53)
    }
}
