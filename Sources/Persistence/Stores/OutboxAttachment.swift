import Foundation

/// A file sent with an outbox e-mail: its name, MIME type (e.g. `text/calendar; method=REQUEST; charset=UTF-8`)
/// and bytes.
public struct OutboxAttachment: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    public var data: Data

    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}
