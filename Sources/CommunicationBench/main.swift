import Domain
import Fluent
import Foundation
import Persistence
import TestSupport
import Vapor
import VaporTesting
@testable import Web

// The communication loop's benchmarks (issue 9), in-process on a temporary SQLite file:
//
// - `comms_tick_1000`: one scheduler tick (`JobRegistry.runDue`: the communication-plans job, then the outbox job) over
//   1,000 projects whose plans have nothing due (each report already drafted for the latest occurrence); goal < 20 ms.
// - `comms_plans_1000`: the communication-plans job alone (`CommunicationJobs.runDue`) on the same data.
// - `outbox_webhook_1000`: `OutboxDelivery.deliverDue` delivering 1,000 queued IM rows (a signed generic webhook) to an
//   HTTP receiver on 127.0.0.1 inside this process; goal ≥ 200 messages/s.
//
// It needs `-enable-testing` in a release build (`@testable import Web`: the jobs are internal): `scripts/bench` builds
// with `-Xswiftc -enable-testing`. The data is filled through the JSON API in memory (no sockets) and the actions.

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func milliseconds(_ elapsed: Duration) -> Double {
    Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

func summary(_ samples: [Double]) -> (median: Double, p99: Double) {
    let sorted = samples.sorted()
    let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
    return (sorted[sorted.count / 2], p99)
}

func report(_ name: String, _ result: (median: Double, p99: Double), extra: String = "") {
    print("\(name): median \(String(format: "%.2f", result.median)) ms p99 \(String(format: "%.2f", result.p99)) ms\(extra)")
}

func iso(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

/// 1,000 projects of one customer, each with the World's plan: a weekly report on Friday 17:00 Shanghai (09:00Z).
func fillProjects(_ world: World, count: Int) async throws -> [UUID] {
    let plan = #"{"reportCadence": {"every": "week", "weekday": 5, "time": "17:00"}, "responseTargetHours": 24, "channels": []}"#
    var projects = [world.projectA]
    while projects.count < count {
        let created = try await world.client.json(
            .POST, "/api/v1/projects", token: world.ownerToken,
            body: [
                "customerId": world.customerA.uuidString, "name": "Bench project \(projects.count)", "timeZone": "Asia/Shanghai",
                "startDate": "2026-12-01", "goals": ["Launch"],
            ])
        guard created.status == .created, let id = created.string("id").flatMap(UUID.init(uuidString:)) else {
            throw BenchFailure("creating a project failed: \(created.status) \(created.body)")
        }
        let saved = try await world.client.json(.PUT, "/api/v1/projects/\(id)/communication-plan", token: world.ownerToken, raw: plan)
        guard saved.status.code < 300 else { throw BenchFailure("saving a plan failed: \(saved.status) \(saved.body)") }
        projects.append(id)
    }
    return projects
}

func benchTick(_ app: Application, _ clock: TestClock, _ world: World) async throws -> Date {
    let started = ContinuousClock.now
    let projects = try await fillProjects(world, count: 1_000)
    // The first occurrence after the plans were agreed: every report is drafted (and the team told) once.
    let occurrence = iso("2026-12-04T09:05:00Z")
    clock.advance(by: occurrence.timeIntervalSince(clock.now))
    let first = try await JobRegistry.runDue(at: clock.now, app: app)
    let plans = try await CommunicationPlanStore.plansForJobs(on: app.db)
    let drafted = plans.filter { $0.stored.reportDraftedFor != nil }.count
    guard plans.count == projects.count, drafted == projects.count else {
        throw BenchFailure("expected \(projects.count) drafted plans, found \(drafted) of \(plans.count) (first tick: \(first))")
    }
    let queued = try await OutboxRecord.query(on: app.db).count()
    print(
        "# filled \(projects.count) projects with plans, drafted \(drafted) reports (\(queued) outbox rows, all waiting: no SMTP) in "
            + String(format: "%.1f", milliseconds(ContinuousClock.now - started) / 1000) + " s")

    // Each tick a minute after the last, so both jobs are due (claimed, run, finished) every time.
    let timer = ContinuousClock()
    var ticks: [Double] = []
    var busy: [String] = []
    for run in 0..<43 {
        clock.advance(by: 60)
        let at = clock.now
        var ran: [String] = []
        let elapsed = try await timer.measure { ran = try await JobRegistry.runDue(at: at, app: app) }
        busy += ran
        if run >= 3 { ticks.append(milliseconds(elapsed)) }
    }
    guard busy.isEmpty else { throw BenchFailure("a tick found work: \(busy)") }
    report("comms_tick_1000", summary(ticks), extra: " (\(ticks.count) ticks, 1000 plans, nothing due)")

    var plansOnly: [Double] = []
    for run in 0..<43 {
        let at = clock.now.addingTimeInterval(Double(run))
        var done = 0
        let elapsed = try await timer.measure { done = try await CommunicationJobs.runDue(at: at, in: app.context()) }
        guard done == 0 else { throw BenchFailure("the plans job did \(done) things") }
        if run >= 3 { plansOnly.append(milliseconds(elapsed)) }
    }
    report("comms_plans_1000", summary(plansOnly), extra: " (CommunicationJobs.runDue alone)")
    return clock.now
}

func benchOutbox(_ app: Application, _ clock: TestClock, _ world: World, receiver: WebhookReceiver) async throws {
    app.tandem.config.webhookAllowPrivate = true
    app.tandem.webhooks = NIOWebhookTransport(allowPrivate: true)
    let created = try await world.client.json(
        .POST, "/api/v1/projects/\(world.projectA)/integrations", token: world.ownerToken,
        body: ["kind": "webhook", "url": "http://127.0.0.1:\(receiver.port)/hooks/tandem", "secret": "bench-secret"])
    guard created.status == .created else { throw BenchFailure("adding the webhook failed: \(created.status) \(created.body)") }

    func queue(_ count: Int, round: Int) async throws {
        let ctx = app.context()
        for batch in stride(from: 0, to: count, by: 100) {
            try await ctx.write { db in
                for index in batch..<min(batch + 100, count) {
                    try await ProjectIM.enqueue(
                        IMPost(
                            title: "周报 #\(index)：本周完成 12 项", lines: ["**完成**：支付联调", "- 下周：上线准备", "- 等待您确认：设计稿"],
                            link: "https://tandem.test/portal/reports/\(index)", linkText: "打开报告"),
                        projectID: world.projectA, idempotencyKey: "bench-\(round)-\(index)", on: db, in: ctx)
                }
            }
        }
    }

    var rates: [Double] = []
    for round in 0..<4 {
        clock.advance(by: 60)
        let count = round == 0 ? 100 : 1_000
        try await queue(count, round: round)
        let before = receiver.received.count
        let at = clock.now
        var tally = OutboxDelivery.Tally()
        let elapsed = try await ContinuousClock().measure { tally = try await OutboxDelivery.deliverDue(at: at, in: app.context()) }
        let arrived = receiver.received.count - before
        guard tally.sent == count, tally.total == count, arrived == count else {
            throw BenchFailure("round \(round): \(tally), \(arrived) arrived of \(count)")
        }
        let seconds = milliseconds(elapsed) / 1000
        if round > 0 { rates.append(Double(count) / seconds) }
        print("# outbox round \(round): \(count) sent in " + String(format: "%.3f", seconds) + " s")
    }
    let sorted = rates.sorted()
    print(
        "outbox_webhook_1000: " + String(format: "%.0f", sorted[sorted.count / 2]) + " messages/s (middle of \(rates.count) rounds of 1000; "
            + sorted.map { String(format: "%.0f", $0) }.joined(separator: " / ") + " messages/s)")
}

func benchMain() async throws {
    unsetenv("DATABASE_URL")  // always a SQLite file here, never a PostgreSQL test database
    let directory = NSTemporaryDirectory() + "tandem-commsbench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    print(
        "# CommunicationBench: SQLite file in \(directory); load average "
            + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " "))
    let receiver = try await WebhookReceiver.start()
    do {
        // The in-memory client is VaporTesting's; outside a test it would warn on every request.
        try await VaporTestingContext.$emitWarningIfCurrentTestInfoIsUnavailable.withValue(false) {
            try await withTestApp(sqliteFile: directory + "/tandem.sqlite", dataDirectory: directory) { app, clock in
                let world = try await World.make(app)
                _ = try await benchTick(app, clock, world)
                try await benchOutbox(app, clock, world, receiver: receiver)
            }
        }
    } catch {
        await receiver.stop()
        throw error
    }
    await receiver.stop()
}

try await benchMain()
