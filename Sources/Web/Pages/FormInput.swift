import Domain
import Foundation
import Vapor

/// Reads HTML form posts with the same strictness as the JSON API: a bad field is a 400 that names it.
enum FormInput {
    static func decode<T: Decodable>(_ type: T.Type, from req: Request) throws -> T {
        if let size = req.body.data?.readableBytes, size > JSON.maxBodyBytes { throw Abort(.payloadTooLarge, reason: "the form is larger than 1 MB") }
        do {
            return try req.content.decode(T.self, as: .urlEncodedForm)
        } catch let error as DecodingError {
            throw JSON.describe(error)
        } catch {
            throw DomainError.validation(field: "form", rule: .unreadable)
        }
    }

    /// One entry per non-empty line of a textarea.
    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// An HTML checkbox is present ("on") when ticked and absent otherwise.
    static func checked(_ value: String?) -> Bool { value != nil && value != "false" }

    static func optional(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
