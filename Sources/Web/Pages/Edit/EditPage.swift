import Domain
import Foundation
import Vapor

/// The flow every edit and remove page shares: GET shows the form with the stored values; POST saves and
/// redirects, or answers the same form with what was posted and the problem next to its field.
enum EditPage {
    static func show(_ req: Request, title: String, _ body: (PageContext) -> HTML) async throws -> Response {
        let c = try await PageContext.make(req)
        return Layout.page(c, title: title, body(c))
    }

    /// Runs `save` with the posted values; it returns where to go next. A refusal re-renders `form` (status 400 or 409).
    static func submit(
        _ req: Request, title: String, form: @escaping (PageContext, FormValues, FormProblem?) -> HTML,
        save: (FormValues) async throws -> String
    ) async throws -> Response {
        let values = try FormValues(req)
        do {
            return Layout.redirect(try await save(values))
        } catch {
            let c = try await PageContext.make(req)
            guard let problem = FormProblem(error, c) else { throw error }
            return Layout.page(c, title: title, status: problem.status, form(c, values, problem))
        }
    }

    /// A budget typed in major units ("12000.50") as minor units; blank is nil.
    static func budgetMinor(_ text: String?) throws -> Int? {
        guard let text = FormInput.optional(text) else { return nil }
        guard let value = Decimal(string: text), value >= 0, value < 1_000_000_000_000 else {
            throw DomainError.validation(field: "budget", rule: .amount)
        }
        return NSDecimalNumber(decimal: value * 100).intValue
    }

    static func budgetText(_ minor: Int?) -> String? {
        minor.map { $0 % 100 == 0 ? String($0 / 100) : String(format: "%d.%02d", $0 / 100, $0 % 100) }
    }

    static func uuid(_ text: String?) -> UUID? { FormInput.optional(text).flatMap(UUID.init(uuidString:)) }
}
