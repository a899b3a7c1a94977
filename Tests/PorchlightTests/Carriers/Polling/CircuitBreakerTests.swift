import Foundation
import Testing
@testable import Porchlight

@Suite struct CircuitBreakerTests {
    let now = PollingClock.at("2026-11-24T15:00:00Z")

    func failFiveTimes(_ circuits: CarrierCircuits, _ carrier: String = "ups") async {
        for second in 0..<5 {
            let at = now.addingTimeInterval(Double(second))
            #expect(await circuits.permit(carrier, now: at) == nil)
            await circuits.recordFailure(carrier, now: at)
        }
    }

    @Test func afterFiveFailuresTheBreakerOpensAndOnlyOneRequestGoesThroughAfterTheCoolDown() async {
        let circuits = CarrierCircuits()
        await failFiveTimes(circuits)
        #expect(await circuits.state("ups") == "open")
        let reopen = now.addingTimeInterval(4 + 30)
        #expect(await circuits.permit("ups", now: now.addingTimeInterval(10)) == reopen)

        #expect(await circuits.permit("ups", now: reopen) == nil)
        #expect(await circuits.state("ups") == "half_open")
        let others = await (0..<10).asyncMap { _ in await circuits.permit("ups", now: reopen.addingTimeInterval(1)) }
        #expect(others.allSatisfy { $0 != nil })

        await circuits.recordSuccess("ups", now: reopen.addingTimeInterval(2))
        #expect(await circuits.state("ups") == "closed")
        #expect(await circuits.permit("ups", now: reopen.addingTimeInterval(3)) == nil)
    }

    @Test func aFailedTrialOpensItAgainForLonger() async {
        let circuits = CarrierCircuits()
        await failFiveTimes(circuits)
        var at = now.addingTimeInterval(4)
        for coolDown in [30.0, 60, 120, 240, 480, 600, 600] {
            at = at.addingTimeInterval(coolDown)
            #expect(await circuits.permit("ups", now: at.addingTimeInterval(-1)) == at)
            #expect(await circuits.permit("ups", now: at) == nil)
            await circuits.recordFailure("ups", now: at)
        }
    }

    @Test func clientErrorsAndRateLimitsDoNotCountAsCarrierFailures() {
        #expect(CircuitBreaker.countsAsFailure(httpStatus: nil))
        #expect(CircuitBreaker.countsAsFailure(httpStatus: 500))
        #expect(CircuitBreaker.countsAsFailure(httpStatus: 503))
        #expect(!CircuitBreaker.countsAsFailure(httpStatus: 404))
        #expect(!CircuitBreaker.countsAsFailure(httpStatus: 429))
        #expect(!CircuitBreaker.countsAsFailure(httpStatus: 200))
    }

    @Test func failuresSpreadOverAnAfternoonDoNotOpenIt() {
        var breaker = CircuitBreaker()
        for minute in stride(from: 0, to: 300, by: 10) {
            breaker.recordFailure(now: now.addingTimeInterval(Double(minute) * 60))
        }
        #expect(breaker.stateName == "closed")
    }

    @Test func aSuccessInBetweenResetsTheCount() {
        var breaker = CircuitBreaker()
        for second in 0..<4 { breaker.recordFailure(now: now.addingTimeInterval(Double(second))) }
        breaker.recordSuccess(now: now.addingTimeInterval(5))
        for second in 6..<10 { breaker.recordFailure(now: now.addingTimeInterval(Double(second))) }
        #expect(breaker.stateName == "closed")
        breaker.recordFailure(now: now.addingTimeInterval(10))
        #expect(breaker.stateName == "open")
    }

    @Test func aTrialThatNeverReportsBackDoesNotKeepTheCarrierShut() {
        var breaker = CircuitBreaker()
        for second in 0..<5 { breaker.recordFailure(now: now.addingTimeInterval(Double(second))) }
        let reopen = now.addingTimeInterval(34)
        #expect(breaker.permit(now: reopen) == nil)
        #expect(breaker.permit(now: reopen.addingTimeInterval(10)) == reopen.addingTimeInterval(60))
        #expect(breaker.permit(now: reopen.addingTimeInterval(60)) == nil)
        #expect(breaker.stateName == "half_open")
    }

    @Test func lateAnswersFromBeforeItOpenedAreIgnored() {
        var breaker = CircuitBreaker()
        for second in 0..<5 { breaker.recordFailure(now: now.addingTimeInterval(Double(second))) }
        breaker.recordSuccess(now: now.addingTimeInterval(6))
        breaker.recordFailure(now: now.addingTimeInterval(7))
        #expect(breaker.state == .open(until: now.addingTimeInterval(34)))
    }

    @Test func eachCarrierHasItsOwnBreaker() async {
        let circuits = CarrierCircuits()
        await failFiveTimes(circuits, "UPS")
        #expect(await circuits.state("ups") == "open")
        #expect(await circuits.state("fedex") == "closed")
        #expect(await circuits.permit("fedex", now: now.addingTimeInterval(5)) == nil)
    }
}

private extension Sequence {
    func asyncMap<T>(_ transform: (Element) async -> T) async -> [T] {
        var results: [T] = []
        for element in self { results.append(await transform(element)) }
        return results
    }
}
