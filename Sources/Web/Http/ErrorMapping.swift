import Domain
import Foundation
import Vapor

/// Maps every error to one HTTP answer, in one place: JSON under `/api`, a page (or a redirect to
/// sign-in) elsewhere. Unexpected errors are logged and answer a generic 500 that reveals nothing.
struct ErrorMapping: AsyncMiddleware {
    struct Mapped {
        var status: HTTPResponseStatus
        var code: String
        var message: String
        var field: String?
        var retryAfter: Int?
        /// The rule a validation failure broke (pages put it in the viewer's words).
        var rule: ValidationRule?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let mapped = Self.map(error, logger: request.logger)
            if request.surface == .page {
                return await PageErrors.response(for: mapped, request: request)
            }
            return Self.jsonResponse(mapped)
        }
    }

    static func map(_ error: any Error, logger: Logger) -> Mapped {
        switch error {
        case let domain as DomainError:
            switch domain {
            case .notFound: return Mapped(status: .notFound, code: "not_found", message: "not found")
            case .validation(let field, let rule):
                return Mapped(status: .badRequest, code: "validation_failed", message: "\(field) \(rule.message)", field: field, rule: rule)
            case .conflict(let message): return Mapped(status: .conflict, code: "conflict", message: message)
            case .confirmationRequired(let field, let message):
                return Mapped(status: .conflict, code: "confirmation_required", message: message, field: field)
            case .forbidden: return Mapped(status: .forbidden, code: "forbidden", message: "your role does not allow this")
            case .unauthenticated: return Mapped(status: .unauthorized, code: "unauthenticated", message: "sign in first")
            case .gone: return Mapped(status: .gone, code: "gone", message: "this link was already used or has expired")
            case .throttled(let seconds):
                return Mapped(status: .tooManyRequests, code: "throttled", message: "too many attempts; try again later", retryAfter: seconds)
            }
        case let planning as PlanningError:
            // Names no item: this answer may go to a contact who must not learn of hidden items.
            if case .cycle = planning { return Mapped(status: .conflict, code: "conflict", message: "the plan has a dependency cycle") }
            return Mapped(
                status: .badRequest, code: "validation_failed", message: ValidationRule.unschedulable.message, field: "dependsOn",
                rule: .unschedulable)
        case let abort as any AbortError:
            let code: String
            switch abort.status {
            case .notFound: code = "not_found"
            case .payloadTooLarge: code = "too_large"
            case .unsupportedMediaType: code = "unsupported_media_type"
            case .badRequest: code = "validation_failed"
            default: code = abort.status.code >= 500 ? "internal_error" : "bad_request"
            }
            if abort.status.code >= 500 { logger.error("\(abort.reason)") }
            let message = abort.status == .notFound ? "not found" : abort.reason
            return Mapped(status: abort.status, code: code, message: message)
        default:
            logger.error("unexpected error: \(String(reflecting: error))")
            return Mapped(status: .internalServerError, code: "internal_error", message: "something went wrong on our side")
        }
    }

    static func jsonResponse(_ mapped: Mapped) -> Response {
        struct Body: Encodable {
            struct Inner: Encodable {
                var code: String
                var message: String
                var field: String?
                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(code, forKey: .code)
                    try container.encode(message, forKey: .message)
                    try container.encode(field, forKey: .field)
                }
                enum CodingKeys: String, CodingKey { case code, message, field }
            }
            var error: Inner
        }
        let response = JSON.response(Body(error: .init(code: mapped.code, message: mapped.message, field: mapped.field)), status: mapped.status)
        if let retry = mapped.retryAfter { response.headers.replaceOrAdd(name: "Retry-After", value: String(retry)) }
        return response
    }
}
