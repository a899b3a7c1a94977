import FluentKit
import NIOConcurrencyHelpers

/// Wraps a database and counts the queries sent through it, to prove a page's cost does not grow with the order.
struct CountingDatabase: Database {
    let base: any Database
    let counter: NIOLockedValueBox<Int>

    init(_ base: any Database) {
        self.base = base
        counter = NIOLockedValueBox(0)
    }

    var count: Int { counter.withLockedValue { $0 } }
    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> ()) -> EventLoopFuture<Void> {
        counter.withLockedValue { $0 += 1 }
        return base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.transaction(closure)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection(closure)
    }
}
