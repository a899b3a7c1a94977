import Foundation

/// What we remember about recent wrong passwords for one account (or one client address).
/// Three plain fields so it maps straight onto columns.
struct LoginFailureState: Sendable, Equatable, Codable {
    var count = 0
    var lastFailureAt: Date?
    /// Set by the policy when a failure starts a lock-out; kept so pages and queries can show the
    /// lock without knowing the policy.
    var lockedUntil: Date?
}

/// Slows password guessing down to a crawl without locking a merchant out for long.
///
/// A few wrong passwords are free (typos happen), then each further one locks sign-in for twice as
/// long as the last, up to a ceiling. Counting is forgotten after a quiet day or a successful sign-in.
/// Per account, this stops a focused guess at one merchant; per client address (with a larger
/// allowance, as an office shares one address), it stops one machine trying many accounts.
enum LoginThrottle {
    enum Decision: Sendable, Equatable {
        case allowed
        case lockedUntil(Date)

        var isAllowed: Bool { self == .allowed }

        /// Whole seconds until the lock ends, rounded up, for a `Retry-After` header; 0 when allowed.
        func secondsToWait(now: Date) -> Int {
            guard case .lockedUntil(let until) = self else { return 0 }
            return max(0, Int(until.timeIntervalSince(now).rounded(.up)))
        }

        /// The stricter of two decisions, e.g. the account's and the client address's.
        func combined(with other: Decision) -> Decision {
            switch (self, other) {
            case (.allowed, _): other
            case (_, .allowed): self
            case (.lockedUntil(let a), .lockedUntil(let b)): .lockedUntil(max(a, b))
            }
        }
    }

    struct Policy: Sendable, Equatable {
        /// Wrong passwords allowed before the first lock.
        var freeAttempts = 5
        var firstLock: TimeInterval = 60
        /// The ceiling: an attacker gets about 24 guesses a day, and a merchant who forgot their
        /// password waits at most this long (or resets it by email).
        var longestLock: TimeInterval = 3_600
        /// A failure this old no longer counts towards a lock.
        var forgetAfter: TimeInterval = 86_400

        static let perAccount = Policy()
        static let perClientAddress = Policy(freeAttempts: 20)

        /// How long sign-in stays locked after the `failures`-th wrong password in a row, or nil.
        func lockDuration(afterFailures failures: Int) -> TimeInterval? {
            let threshold = max(freeAttempts, 1)
            guard failures >= threshold else { return nil }
            let doublings = failures - threshold
            guard doublings < 32 else { return longestLock }
            return min(firstLock * Double(1 << doublings), longestLock)
        }

        func decide(failures: Int, lastFailureAt: Date?, now: Date) -> Decision {
            guard let lastFailureAt, !isForgotten(lastFailureAt, now: now),
                  let lock = lockDuration(afterFailures: failures) else { return .allowed }
            let until = lastFailureAt.addingTimeInterval(lock)
            return now < until ? .lockedUntil(until) : .allowed
        }

        /// A stored `lockedUntil` still in the future is honoured too, so a lock already shown to
        /// someone never ends early because the policy was loosened in the meantime.
        func decide(_ state: LoginFailureState, now: Date) -> Decision {
            let computed = decide(failures: state.count, lastFailureAt: state.lastFailureAt, now: now)
            guard let stored = state.lockedUntil, now < stored else { return computed }
            return computed.combined(with: .lockedUntil(stored))
        }

        /// The state to store after a wrong password. A failure while locked does not count: the
        /// caller should refuse such attempts before checking the password, and counting them
        /// anyway would let anyone keep a merchant locked out just by hammering the form.
        func afterFailure(_ state: LoginFailureState, now: Date) -> LoginFailureState {
            if case .lockedUntil = decide(state, now: now) { return state }
            let fresh = state.lastFailureAt.map { isForgotten($0, now: now) } ?? true
            let count = fresh ? 1 : state.count + 1
            return LoginFailureState(count: count, lastFailureAt: now,
                                     lockedUntil: lockDuration(afterFailures: count).map(now.addingTimeInterval))
        }

        /// The right password wipes the slate.
        func afterSuccess() -> LoginFailureState { LoginFailureState() }

        private func isForgotten(_ lastFailureAt: Date, now: Date) -> Bool {
            now >= lastFailureAt.addingTimeInterval(forgetAfter)
        }
    }
}
