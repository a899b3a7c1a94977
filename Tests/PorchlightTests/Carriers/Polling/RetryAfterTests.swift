import Foundation
import Testing
@testable import Porchlight

@Suite struct RetryAfterTests {
    let now = PollingClock.at("2026-11-24T15:00:00Z")

    @Test func a429WithRetryAfter120Waits120Seconds() {
        #expect(RetryAfter.parse("120", now: now) == now.addingTimeInterval(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == now)
    }

    @Test func anHTTPDateIsHonoured() {
        let expected = PollingClock.at("2026-11-24T15:05:30Z")
        #expect(RetryAfter.parse("Tue, 24 Nov 2026 15:05:30 GMT", now: now) == expected)
        #expect(RetryAfter.parse("Tuesday, 24-Nov-26 15:05:30 GMT", now: now) == expected)
        #expect(RetryAfter.parse("Tue Nov 24 15:05:30 2026", now: now) == expected)
        #expect(RetryAfter.parse("Tue Nov  3 15:05:30 2026", now: PollingClock.at("2026-11-03T15:00:00Z"))
            == PollingClock.at("2026-11-03T15:05:30Z"))
    }

    @Test func aDateInThePastMeansNow() {
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == now)
    }

    @Test func absurdWaitsAreCappedAtAnHour() {
        let hour = now.addingTimeInterval(3_600)
        #expect(RetryAfter.parse("86400", now: now) == hour)
        #expect(RetryAfter.parse("999999999999999999999999999999", now: now) == hour)
        #expect(RetryAfter.parse("Fri, 01 Jan 2027 00:00:00 GMT", now: now) == hour)
        #expect(RetryAfter.parse("600", now: now, cap: 300) == now.addingTimeInterval(300))
    }

    @Test func garbageIsIgnoredSoTheCallerUsesItsOwnBackoff() {
        for value in [nil, "", "  ", "soon", "-5", "1.5", "12s", "Tue, 31 Nov 2026 15:05:30 GMT",
                      "Tue, 24 Nov 2026 25:00:00 GMT", "Tue, 24 Foo 2026 15:05:30 GMT",
                      "Tue, 24 Nov 2026 15:05:30 PST", "Tue, 24 Nov 2026 15:05 GMT"] as [String?] {
            #expect(RetryAfter.parse(value, now: now) == nil, "\(value ?? "nil")")
        }
    }

    @Test func leapDaysParse() {
        #expect(RetryAfter.httpDate("Thu, 29 Feb 2028 00:00:00 GMT", now: now) == PollingClock.at("2028-02-29T00:00:00Z"))
        #expect(RetryAfter.httpDate("Thu, 29 Feb 2027 00:00:00 GMT", now: now) == nil)
    }
}
