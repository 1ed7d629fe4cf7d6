/// Lets one write transaction run at a time in this process.
///
/// Why: SQLite transactions begin DEFERRED, so two connections that both read and then write
/// deadlock and one gets SQLITE_BUSY at once, whatever the busy timeout. Queuing writers in
/// process turns that into a short wait. PostgreSQL needs no gate (it locks rows itself).
public actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
