import Foundation

/// How a project's team and customer agreed to keep in touch: when reports come, when they meet, how fast questions
/// are answered, and which channels carry which topic.
public struct CommunicationPlan: Sendable, Equatable {
    public struct Meetings: Sendable, Equatable {
        public var cadence: Cadence
        public var durationMinutes: Int
        public var videoLink: String?

        public init(cadence: Cadence, durationMinutes: Int, videoLink: String?) {
            self.cadence = cadence
            self.durationMinutes = durationMinutes
            self.videoLink = videoLink
        }
    }

    /// What a message is about, for choosing its channels.
    public enum Topic: String, CaseIterable, Sendable {
        case report, urgent, approval, meeting, general
    }

    public struct Route: Sendable, Equatable {
        public var topic: Topic
        public var via: [ContactChannel]

        public init(topic: Topic, via: [ContactChannel]) {
            self.topic = topic
            self.via = via
        }
    }

    public var reportCadence: Cadence
    public var meetings: Meetings?
    public var responseTargetHours: Int
    public var channels: [Route]
    public var updatedAt: Date

    public init(reportCadence: Cadence, meetings: Meetings?, responseTargetHours: Int, channels: [Route], updatedAt: Date) {
        self.reportCadence = reportCadence
        self.meetings = meetings
        self.responseTargetHours = responseTargetHours
        self.channels = channels
        self.updatedAt = updatedAt
    }

    /// The channels agreed for `topic`; e-mail when the plan names none (e-mail always reaches a contact).
    public func channels(for topic: Topic) -> [ContactChannel] {
        channels.first { $0.topic == topic }?.via ?? [.email]
    }

    public static let responseTargetRange = 1...720
    public static let meetingMinutesRange = 5...600

    /// What a new plan starts from on the form: a weekly report on Friday at 17:00, replies within one working day,
    /// e-mail for everything.
    public static func suggested(at now: Date) -> CommunicationPlan {
        CommunicationPlan(
            reportCadence: Cadence(every: .week, weekday: 5, hour: 17, minute: 0), meetings: nil, responseTargetHours: 24,
            channels: Topic.allCases.map { Route(topic: $0, via: [.email]) }, updatedAt: now)
    }
}
