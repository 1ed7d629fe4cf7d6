import Domain
import Foundation
import Vapor

/// How errors look on pages: signed-out visitors go to sign in, everything else is a short page in their language.
enum PageErrors {
    static func response(for mapped: ErrorMapping.Mapped, request: Request) async -> Response {
        if mapped.status == .unauthorized {
            let next = PageErrors.encodeQueryValue(request.url.path)
            return Layout.redirect((request.url.path.hasPrefix("/portal") ? "/portal/sign-in" : "/signin") + "?next=" + next)
        }
        guard let c = try? await PageContext.make(request) else {
            return Response(status: mapped.status, body: .init(string: mapped.message))
        }
        if mapped.code == "confirmation_required", request.method == .POST, let values = try? FormValues(request) {
            return ConfirmationPage.response(c, mapped, values: values, action: request.url.path)
        }
        let message: String
        switch mapped.status {
        case .notFound: message = c.t("error.notFound")
        case .forbidden: message = c.t("error.forbidden")
        case .gone: message = c.t("error.gone")
        case .conflict: message = c.t("error.conflict", mapped.message)
        case .tooManyRequests: message = c.t("error.throttled")
        case .badRequest:
            message = ValidationText.sentence(
                field: mapped.field, rule: mapped.rule, language: c.language, catalogue: c.req.tandem.catalogue)
        default: message = c.t("error.server")
        }
        let response = Layout.page(
            c, title: c.t("error.title"), status: mapped.status,
            """
            <section class="card error" role="alert"><h1>\(c.t("error.title"))</h1><p>\(message)</p>\
            <p><a href="/">\(c.t("error.back"))</a></p></section>
            """)
        if let retry = mapped.retryAfter { response.headers.replaceOrAdd(name: "Retry-After", value: String(retry)) }
        return response
    }

    static func encodeQueryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
