import Foundation

/// One e-mail as Tandem hands it to a transport: already rendered in the recipient's language.
/// `text` is always sent; `html`, when present, makes the message multipart/alternative.
struct MailMessage: Sendable, Equatable {
    var from: String
    var to: [String]
    var subject: String
    var text: String
    var html: String?
    /// Extra headers (e.g. `Message-ID`, `X-Tandem-Delivery`); names and values must be one line each.
    var headers: [String: String] = [:]
    /// Files sent along (a meeting invitation's `.ics`): the message becomes multipart/mixed around the text.
    var attachments: [MailAttachment] = []
}

/// Why a message was not delivered: `transient` ones are retried with back-off, `permanent` ones are not.
enum MailError: Error, Equatable, Sendable {
    case notConfigured
    case transient(String)
    case permanent(String)
}

/// Delivers e-mail. The outbox worker depends on this only; SMTP is one implementation, tests may record.
protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws(MailError)
}

/// The transport when no `TANDEM_SMTP_HOST` is set: every message stays queued with this reason.
struct UnconfiguredMailTransport: MailTransport {
    func send(_ message: MailMessage) async throws(MailError) { throw .notConfigured }
}
