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

    /// The fields of an `application/x-www-form-urlencoded` body in the order posted (repeated names kept),
    /// without the CSRF token: what a refused form shows again.
    static func fields(ofForm body: String) -> [(name: String, value: String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first, !name.isEmpty, name != CSRF.field else { return nil }
            return (name, parts.count > 1 ? parts[1] : "")
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
