import Foundation
import Testing
@testable import Porchlight

@Suite("Demo carrier")
struct CarrierJourneyTests {
    struct FixedRNG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test("Every simulated parcel reaches Delivered along a plausible path", arguments: 0..<20)
    func reachesDelivered(seed: Int) {
        var rng = FixedRNG(state: UInt64(seed))
        let journey = CarrierJourney(destination: "Brooklyn, NY")
        var history: [CarrierJourney.Step] = []
        while let step = journey.next(after: history, using: &rng), history.count < 40 {
            history.append(step)
        }
        #expect(history.last?.status == .delivered)
        #expect(history.first?.status == .infoReceived)
        #expect(history.filter { $0.status == .attemptFail }.count <= 1)
        for step in history {
            if let substatus = step.substatus { #expect(Substatus(substatus).belongs(to: step.status)) }
        }
    }

    @Test("Scripted histories end at the requested stage")
    func scripted() {
        let journey = CarrierJourney(destination: "Austin, TX")
        for target in ShipmentStatus.allCases {
            let steps = journey.scripted(until: target)
            let derived = ShipmentStatusDerivation.derive(steps.enumerated().map { index, step in
                ShipmentEvent(id: UUID(), status: step.status, substatus: step.substatus,
                              occurredAt: .t0.addingTimeInterval(Double(index) * 3600), recordedAt: .t0,
                              message: step.message, location: step.location, carrierCode: nil)
            })
            #expect(derived.status == (target == .expired ? .delivered : target))
        }
    }
}
