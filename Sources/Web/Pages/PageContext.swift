import Domain
import Foundation
import Vapor

/// What every page needs: who is looking, in which language, and the form token.
struct PageContext {
    let req: Request
    let identity: Identity
    let language: Language
    let csrfToken: String
    /// Set when an anonymous visitor gets their first double-submit CSRF cookie.
    let newCSRFCookie: String?
    let languageFromQuery: Language?
    let catalogue: Catalogue

    static let languageCookie = "tandem_lang"

    static func make(_ req: Request) async throws -> PageContext {
        let identity = try await Credentials.identity(of: req, surface: .page)
        let fromQuery = req.query[String.self, at: "lang"].flatMap { Language(rawValue: $0) }
        let language: Language
        switch identity.principal {
        case .member, .contact:
            // Members chose a UI language; a contact always sees their own.
            language = identity.language
        case .anonymous:
            language =
                fromQuery
                ?? req.cookies[languageCookie].flatMap { Language(rawValue: $0.string) }
                ?? req.headers.first(name: .acceptLanguage).flatMap { Language.preferred(byAcceptLanguage: $0) }
                ?? .en
        }
        let (token, cookie) = CSRF.token(for: req, identity: identity)
        return PageContext(
            req: req, identity: identity, language: language, csrfToken: token, newCSRFCookie: cookie,
            languageFromQuery: fromQuery, catalogue: req.tandem.catalogue)
    }

    func t(_ key: String, _ arguments: String...) -> String {
        catalogue.text(key, language, arguments)
    }

    var csrfField: HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrfToken)\">" }

    /// A POST form with the CSRF token; `body` holds the fields and the submit button.
    func form(action: String, id: String? = nil, cssClass: String? = nil, _ body: HTML) -> HTML {
        let idAttribute: HTML = id.map { " id=\"\($0)\"" } ?? .empty
        let classAttribute: HTML = cssClass.map { " class=\"\($0)\"" } ?? .empty
        return "<form method=\"post\" action=\"\(url: action)\"\(idAttribute)\(classAttribute)>\(csrfField)\(body)</form>"
    }

    /// The calendar date of an instant in the project's time zone (where both sides' dates are read).
    func date(_ date: Date, in timeZone: String) -> String {
        LocalDate(date, in: TimeZone(identifier: timeZone) ?? .gmt).description
    }
}
