import Fluent
import Foundation

/// A project's communication plan, as stored; `CommunicationPlanStore` turns it into the Domain value.
public final class CommunicationPlanRecord: Model, @unchecked Sendable {
    public static let schema = "communication_plans"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "report_every") public var reportEvery: String
    @Field(key: "report_weekday") public var reportWeekday: Int
    @Field(key: "report_time") public var reportTime: String
    @OptionalField(key: "meeting_every") public var meetingEvery: String?
    @OptionalField(key: "meeting_weekday") public var meetingWeekday: Int?
    @OptionalField(key: "meeting_time") public var meetingTime: String?
    @OptionalField(key: "meeting_minutes") public var meetingMinutes: Int?
    @OptionalField(key: "meeting_video_link") public var meetingVideoLink: String?
    @Field(key: "response_target_hours") public var responseTargetHours: Int
    /// `[{"topic": "report", "via": ["email"]}, …]`
    @Field(key: "channels_json") public var channelsJSON: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    /// The report occurrence the jobs last drafted for (so each occurrence is drafted once).
    @OptionalField(key: "report_drafted_for") public var reportDraftedFor: Date?
    /// The meeting occurrence the jobs last scheduled.
    @OptionalField(key: "meeting_scheduled_for") public var meetingScheduledFor: Date?
    public init() {}
}
