import Foundation
import NIOConcurrencyHelpers

/// Wakes this process's idle worker when a job was just committed here, so pushed work starts within
/// milliseconds instead of at the next poll. Other processes still find it by polling.
final class JobSignal: Sendable {
    private struct Waiters {
        var next = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let waiters = NIOLockedValueBox(Waiters())

    func notify() {
        let woken = waiters.withLockedValue { waiters in
            defer { waiters.waiting = [:] }
            return waiters.waiting
        }
        for continuation in woken.values { continuation.resume() }
    }

    /// Returns after `limit`, at the first `notify()`, or on cancellation, whichever comes first.
    func wait(upTo limit: Duration, world: World) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await world.sleep(limit) }
            group.addTask { await self.nextNotification() }
            await group.next()
            group.cancelAll()
        }
    }

    private func nextNotification() async {
        let id = waiters.withLockedValue { waiters in
            defer { waiters.next += 1 }
            return waiters.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Checked under the lock, so a cancellation that ran before we registered is not missed.
                let cancelled = waiters.withLockedValue { waiters -> Bool in
                    if Task.isCancelled { return true }
                    waiters.waiting[id] = continuation
                    return false
                }
                if cancelled { continuation.resume() }
            }
        } onCancel: {
            waiters.withLockedValue { $0.waiting.removeValue(forKey: id) }?.resume()
        }
    }
}
