import Foundation
import NIOConcurrencyHelpers

/// Wakes this process's idle worker when a job was just committed here, so pushed work starts within
/// milliseconds instead of at the next poll. Other processes still find it by polling.
final class JobSignal: Sendable {
    private let waiters = NIOLockedValueBox<[UUID: CheckedContinuation<Void, Never>]>([:])

    func notify() {
        let woken = waiters.withLockedValue { waiting in
            defer { waiting = [:] }
            return waiting
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
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Checked under the lock, so a cancellation that ran before we registered is not missed.
                let cancelled = waiters.withLockedValue { waiting -> Bool in
                    if Task.isCancelled { return true }
                    waiting[id] = continuation
                    return false
                }
                if cancelled { continuation.resume() }
            }
        } onCancel: {
            waiters.withLockedValue { $0.removeValue(forKey: id) }?.resume()
        }
    }
}
