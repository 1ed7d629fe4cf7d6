import Foundation

/// The exact minutes a contact confirms, as the audit entry of the confirmation vouches for them: the meeting, the
/// notes, the decisions and each action item in order. One definition, so a later check recomputes the same hash.
public enum MinutesContent {
    public static func fields(_ meeting: Meeting) -> [(String, String)] {
        let minutes = meeting.minutes
        let items = (minutes?.actionItems ?? []).map { "\($0.owner.rawValue)|\($0.dueDate)|\($0.title)" }
        return [
            ("title", meeting.title), ("startsAt", String(AuditChain.millis(meeting.startsAt))),
            ("durationMinutes", String(meeting.durationMinutes)), ("notes", minutes?.notes ?? ""),
            ("decisions", encode(minutes?.decisions ?? [])), ("actionItems", encode(items)),
        ]
    }

    /// A list as JSON text (sorted keys are not needed for an array of strings; escaping is JSONSerialization's).
    static func encode(_ values: [String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: values, options: [.withoutEscapingSlashes]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
