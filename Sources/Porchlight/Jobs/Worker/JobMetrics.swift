import CoreMetrics
import Foundation

/// Counters for work done, labelled by type, written to whichever metrics backend the app uses.
struct JobMetrics: Sendable {
    let factory: any MetricsFactory

    func completed(_ type: String, seconds: Duration) {
        Counter(label: "porchlight_jobs_completed_total", dimensions: [("type", type)], factory: factory).increment()
        Timer(label: "porchlight_job_duration_seconds", dimensions: [("type", type)], factory: factory)
            .recordNanoseconds(seconds.components.seconds * 1_000_000_000 + seconds.components.attoseconds / 1_000_000_000)
    }

    func failed(_ type: String) {
        Counter(label: "porchlight_jobs_failed_total", dimensions: [("type", type)], factory: factory).increment()
    }

    func messageSent(_ type: String) {
        Counter(label: "porchlight_messages_sent_total", dimensions: [("type", type)], factory: factory).increment()
    }

    func messageSkipped(_ type: String, reason: String) {
        Counter(label: "porchlight_messages_skipped_total", dimensions: [("type", type), ("reason", reason)],
                factory: factory).increment()
    }
}
