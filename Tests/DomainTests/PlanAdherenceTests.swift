import Domain
import Foundation
import Testing

@Suite struct PlanAdherenceTests {
    static func at(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }
    static let plan = CommunicationPlan(
        reportCadence: Cadence(every: .week, weekday: 1, hour: 9, minute: 0),
        meetings: .init(cadence: Cadence(every: .week, weekday: 3, hour: 10, minute: 0), durationMinutes: 30, videoLink: nil),
        responseTargetHours: 24, channels: [], updatedAt: at("2026-11-01T00:00:00Z"))

    func adherence(now: String, history: CommunicationHistory) -> PlanAdherence {
        PlanAdherence.compute(
            plan: Self.plan, timeZone: TimeZone(identifier: "UTC")!, start: LocalDate("2026-11-01")!, since: Self.at("2026-11-01T00:00:00Z"),
            now: Self.at(now), history: history)
    }

    @Test func reportsAreKeptWithinTheirGraceDayAndEarlyOnesCount() {
        // Mondays 09:00: 11-02, 11-09, 11-16, 11-23. The first on time (same afternoon), the second missed, the third
        // published the Friday before (early: counts), the fourth still inside its grace day at "now".
        let history = CommunicationHistory(
            publishedReports: [Self.at("2026-11-02T15:00:00Z"), Self.at("2026-11-13T16:00:00Z")])
        let figures = adherence(now: "2026-11-23T12:00:00Z", history: history)
        #expect(figures.reports.due == 3)
        #expect(figures.reports.onTime == 2)
        #expect(figures.reports.missed == 1)
        #expect(figures.reports.pending)
        #expect(figures.reports.nextDueAt == Self.at("2026-11-30T09:00:00Z"))
    }

    @Test func oneReportKeepsOneOccurrenceOnly() {
        // A report published late on Tuesday 11:00 (after the grace of 11-02) belongs to the next occurrence's window.
        let history = CommunicationHistory(publishedReports: [Self.at("2026-11-03T11:00:00Z")])
        let figures = adherence(now: "2026-11-10T12:00:00Z", history: history)
        #expect(figures.reports.due == 2)
        #expect(figures.reports.onTime == 1)
    }

    @Test func meetingsAreHeldWithinHalfAPeriod() {
        // Wednesdays 10:00: 11-04, 11-11, 11-18. One held on Thursday 11-05, none the week after, one on 11-17.
        let history = CommunicationHistory(meetings: [Self.at("2026-11-05T10:00:00Z"), Self.at("2026-11-17T09:00:00Z")])
        let meetings = try! #require(adherence(now: "2026-11-19T00:00:00Z", history: history).meetings)
        #expect(meetings.due == 3)
        #expect(meetings.held == 2)
    }

    @Test func waitingQuestionsAreLongestFirstAndMarkedOverTheTarget() {
        let history = CommunicationHistory(
            teamMedianHours: 30, customerMedianHours: 5,
            openQuestions: [
                (askedBy: "Li", askedAt: Self.at("2026-11-10T08:00:00Z"), excerpt: "When?"),
                (askedBy: "Wang", askedAt: Self.at("2026-11-09T00:00:00Z"), excerpt: "Why?"),
            ])
        let figures = adherence(now: "2026-11-10T12:00:00Z", history: history)
        #expect(figures.waiting.map(\.askedBy) == ["Wang", "Li"])
        #expect(figures.waiting.map(\.overTarget) == [true, false])
        #expect(figures.waiting.first?.hoursWaiting == 36)
        #expect(figures.replies.teamWithinTarget == false)
        #expect(figures.replies.customerWithinTarget == true)
    }
}

@Suite struct CommunicationDueTests {
    static func at(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }
    let utc = TimeZone(identifier: "UTC")!
    let start = LocalDate("2026-11-01")!

    @Test func afterDowntimeOnlyTheLatestMissedReportIsDrafted() {
        let plan = PlanAdherenceTests.plan
        // Mondays 09:00; the server was down from 11-01 to 11-24: only 11-23 is drafted.
        let due = CommunicationDue.reportToDraft(
            plan, timeZone: utc, start: start, agreedAt: Self.at("2026-11-01T00:00:00Z"), draftedFor: nil, now: Self.at("2026-11-24T10:00:00Z"))
        #expect(due == Self.at("2026-11-23T09:00:00Z"))
        #expect(
            CommunicationDue.reportToDraft(
                plan, timeZone: utc, start: start, agreedAt: Self.at("2026-11-01T00:00:00Z"), draftedFor: due, now: Self.at("2026-11-24T10:01:00Z"))
                == nil, "drafted once")
        #expect(
            CommunicationDue.reportToDraft(
                plan, timeZone: utc, start: start, agreedAt: Self.at("2026-11-23T10:00:00Z"), draftedFor: nil, now: Self.at("2026-11-24T10:00:00Z"))
                == nil, "an occurrence before the plan was agreed is not drafted")
    }

    @Test func meetingsAreScheduledAWeekAheadOnce() {
        let plan = PlanAdherenceTests.plan
        // Wednesdays 10:00; on Tuesday 11-10 the meeting of 11-11 is scheduled (and 11-18 not yet).
        let next = CommunicationDue.meetingToSchedule(plan, timeZone: utc, start: start, scheduledFor: nil, now: Self.at("2026-11-10T12:00:00Z"))
        #expect(next == Self.at("2026-11-11T10:00:00Z"))
        #expect(
            CommunicationDue.meetingToSchedule(plan, timeZone: utc, start: start, scheduledFor: next, now: Self.at("2026-11-10T12:01:00Z")) == nil)
        var noMeetings = plan
        noMeetings.meetings = nil
        #expect(
            CommunicationDue.meetingToSchedule(noMeetings, timeZone: utc, start: start, scheduledFor: nil, now: Self.at("2026-11-10T12:00:00Z"))
                == nil)
    }
}

@Suite struct MetricRulesTests {
    @Test func satisfactionIsTheAverageRating() {
        #expect(MetricRules.satisfaction([]).average == nil)
        #expect(MetricRules.satisfaction([5, 4, 3]) == (4, 3))
    }

    @Test func theChartWritesEveryValueAndEscapesLabels() {
        let svg = MetricBarChart.svg(
            [MetricBar(label: "A <b>", value: 50, valueText: "50 %", max: 100, target: 80, tone: .warn)], title: "Figures", desc: "d",
            idPrefix: "f")
        #expect(svg.contains("A &lt;b&gt;"))
        #expect(svg.contains(">50 %<"))
        #expect(svg.contains("class=\"target\""))
        #expect(svg.contains("width=\"128\""), "half of the 256-wide track")
    }
}
