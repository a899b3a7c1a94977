import Foundation

/// Draws `porchlight import`'s progress on stderr: a line redrawn at most ten times a second on a terminal
/// (a plain line every few seconds when stderr is a file), with rejected rows printed above it as they come.
actor ImportProgressPrinter {
    private let world: World
    private let started: Date
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var lastDrawn: Date?
    private var lastRows = -1
    private var lineShown = false
    private var warningsShown = 0

    init(world: World) {
        self.world = world
        started = world.now()
    }

    var elapsed: TimeInterval { world.now().timeIntervalSince(started) }

    func progress(_ run: ImportRun) {
        // Warnings (ignored columns) as soon as they are known, so a long import can be stopped and the file fixed.
        for warning in run.warnings.dropFirst(warningsShown) { clearLine(); write("Warning: \(warning)\n") }
        warningsShown = run.warnings.count
        let now = world.now()
        let interval: TimeInterval = isTerminal ? 0.1 : 5
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < interval, run.status == .running { return }
        guard isTerminal || run.counts.rowsDone != lastRows else { return }
        lastDrawn = now
        lastRows = run.counts.rowsDone
        let line = ImportReport.progressLine(run, elapsed: now.timeIntervalSince(started))
        if isTerminal {
            write("\r\u{1B}[K" + line)
            lineShown = true
        } else {
            write(line + "\n")
        }
    }

    func rowRejected(_ error: ImportRowError) {
        clearLine()
        write(ImportReport.describe(error) + "\n")
    }

    /// Leaves the last progress line in place and moves below it, so the summary starts on a line of its own.
    func finish() {
        if lineShown { write("\n") }
        lineShown = false
    }

    private func clearLine() {
        guard lineShown else { return }
        write("\r\u{1B}[K")
        lineShown = false
        lastDrawn = nil
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
