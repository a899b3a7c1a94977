import Foundation

/// Stops calling a carrier that is down, so thousands of polls do not pile onto an outage, and
/// lets a single call find out when it is back.
struct CircuitBreaker: Sendable, Equatable {
    struct Settings: Sendable, Equatable, Codable {
        /// Consecutive failures that open the breaker...
        var failureThreshold: Int = 5
        /// ...if they all happened within this span; a few failures spread over an afternoon
        /// are bad luck, not an outage.
        var failureWindow: TimeInterval = 5 * 60
        /// First cool-down; doubles each time a trial fails, up to `maxCoolDown`.
        var baseCoolDown: TimeInterval = 30
        var maxCoolDown: TimeInterval = 10 * 60
        /// A trial that never reports back (crashed worker) must not keep the breaker shut forever.
        var trialTimeout: TimeInterval = 60

        init() {}
    }

    enum State: Sendable, Equatable {
        case closed
        case open(until: Date)
        /// One trial call is out, sent at `trialSentAt`.
        case halfOpen(trialSentAt: Date)
    }

    var settings: Settings
    private(set) var state: State = .closed
    /// Times of the current run of consecutive failures, newest last, at most `failureThreshold`.
    private(set) var recentFailures: [Date] = []
    /// Cool-downs since the breaker last closed; grows the next one.
    private(set) var openings = 0

    init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// A 5xx or no answer at all (timeout, connection refused) says the carrier is unwell. A 4xx,
    /// including 429, says our request or our pace is wrong, which the rate limiter handles.
    static func countsAsFailure(httpStatus: Int?) -> Bool {
        guard let httpStatus else { return true }
        return (500...599).contains(httpStatus)
    }

    /// nil: call the carrier now. Otherwise: do not call before that date.
    mutating func permit(now: Date) -> Date? {
        switch state {
        case .closed:
            return nil
        case .open(let until):
            if now < until { return until }
            state = .halfOpen(trialSentAt: now)
            return nil
        case .halfOpen(let sentAt):
            let deadline = sentAt.addingTimeInterval(settings.trialTimeout)
            if now < deadline { return deadline }
            state = .halfOpen(trialSentAt: now)
            return nil
        }
    }

    mutating func recordSuccess(now: Date) {
        // Results that land while open come from calls sent before it opened: stale evidence.
        if case .open = state { return }
        state = .closed
        recentFailures = []
        openings = 0
    }

    mutating func recordFailure(now: Date) {
        switch state {
        case .open:
            return
        case .halfOpen:
            open(now: now)
        case .closed:
            recentFailures.append(now)
            if recentFailures.count > settings.failureThreshold { recentFailures.removeFirst() }
            guard recentFailures.count >= max(settings.failureThreshold, 1),
                  let first = recentFailures.first,
                  now.timeIntervalSince(first) <= settings.failureWindow
            else { return }
            open(now: now)
        }
    }

    /// For metrics and logs.
    var stateName: String {
        switch state {
        case .closed: "closed"
        case .open: "open"
        case .halfOpen: "half_open"
        }
    }

    private mutating func open(now: Date) {
        let coolDown = Backoff.step(attempt: openings + 1, base: settings.baseCoolDown, cap: settings.maxCoolDown)
        state = .open(until: now.addingTimeInterval(coolDown))
        openings += 1
        recentFailures = []
    }
}

/// One breaker per carrier, shared by every worker task in the process.
actor CarrierCircuits {
    private let settings: CircuitBreaker.Settings
    private var breakers: [String: CircuitBreaker] = [:]

    init(settings: CircuitBreaker.Settings = CircuitBreaker.Settings()) {
        self.settings = settings
    }

    /// nil: go ahead. Otherwise reschedule the job for that date. A nil while half-open makes the
    /// caller the trial, so it must report back with `recordSuccess` or `recordFailure`.
    func permit(_ carrier: String, now: Date) -> Date? {
        update(carrier) { $0.permit(now: now) }
    }

    func recordSuccess(_ carrier: String, now: Date) {
        update(carrier) { $0.recordSuccess(now: now) }
    }

    func recordFailure(_ carrier: String, now: Date) {
        update(carrier) { $0.recordFailure(now: now) }
    }

    /// "closed", "open" or "half_open".
    func state(_ carrier: String) -> String {
        breakers[carrier.lowercased()]?.stateName ?? "closed"
    }

    private func update<T>(_ carrier: String, _ body: (inout CircuitBreaker) -> T) -> T {
        let key = carrier.lowercased()
        var breaker = breakers[key] ?? CircuitBreaker(settings: settings)
        let result = body(&breaker)
        breakers[key] = breaker
        return result
    }
}
