import Foundation

/// The rules for uploaded files, as plain functions: when an object may take new files, how a name is shown,
/// which content type is kept, and the `Content-Disposition` a download is sent with.
public enum FileRules {
    /// An accepted deliverable is what the customer accepted: it takes no new files.
    public static func canAttach(to status: DeliverableStatus) throws {
        if status == .accepted { throw DomainError.conflict("an accepted deliverable cannot get new files") }
    }

    /// A signed-off (or later superseded) scope version is what was signed: it takes no new files.
    public static func canAttach(to status: ScopeStatus, signedOffAt: Date?) throws {
        if signedOffAt != nil || status == .signedOff {
            throw DomainError.conflict("a signed-off scope version cannot get new files")
        }
    }

    /// The uploader's name for display: the last path component (browsers on Windows send `C:\…\name`),
    /// without control characters, bidi overrides or leading dots, at most 200 characters; "file" when nothing is left.
    public static func displayName(_ raw: String?) -> String {
        let last = (raw ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let bidi: Set<Unicode.Scalar> = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
        var scalars = String.UnicodeScalarView()
        for scalar in last.unicodeScalars where !(scalar.properties.generalCategory == .control || bidi.contains(scalar)) {
            scalars.append(scalar)
        }
        var name = String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
        while name.hasPrefix(".") { name.removeFirst() }
        name = String(name.prefix(200)).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "file" : name
    }

    /// The content type as given when it is a plain `type/subtype` (parameters dropped), else `application/octet-stream`.
    public static func contentType(_ given: String?) -> String {
        let bare = (given ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let token = "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}"
        guard bare.range(of: "^\(token)/\(token)$", options: .regularExpression) != nil else { return "application/octet-stream" }
        return bare
    }

    /// `attachment; filename="…"; filename*=UTF-8''…`: the quoted form is a plain-ASCII fallback (no quotes,
    /// backslashes or control characters), the RFC 5987 form carries the real name percent-encoded.
    public static func attachmentDisposition(name: String) -> String {
        let fallback = String(
            String.UnicodeScalarView(
                displayName(name).unicodeScalars.map { scalar in
                    scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\" ? scalar : "_"
                }))
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = displayName(name).addingPercentEncoding(withAllowedCharacters: allowed) ?? "file"
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// A size for people: bytes, KB or MB (powers of 1024, one decimal).
    public static func sizeText(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let kb = Double(bytes) / 1024
        if kb < 1024 { return String(format: "%.1f KB", kb) }
        return String(format: "%.1f MB", kb / 1024)
    }
}

/// The `name` and `filename` of a multipart part's `Content-Disposition: form-data; name="file"; filename="a.pdf"`.
public struct FormDataDisposition: Sendable, Equatable {
    public var name: String?
    public var filename: String?

    public init(name: String?, filename: String?) {
        self.name = name
        self.filename = filename
    }

    /// Reads quoted (with `\` escapes) or bare parameter values; `filename*=UTF-8''…` wins over `filename`.
    public static func parse(_ header: String) -> FormDataDisposition {
        var parameters: [String: String] = [:]
        var rest = Substring(header)
        // Skip the disposition type.
        guard let firstSemicolon = rest.firstIndex(of: ";") else { return FormDataDisposition(name: nil, filename: nil) }
        rest = rest[rest.index(after: firstSemicolon)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                rest = rest.drop { $0 != ";" }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if parameters[key] == nil { parameters[key] = value }
        }
        var filename = parameters["filename"]
        if let extended = parameters["filename*"], extended.lowercased().hasPrefix("utf-8''"),
            let decoded = String(extended.dropFirst(7)).removingPercentEncoding
        {
            filename = decoded
        }
        return FormDataDisposition(name: parameters["name"], filename: filename)
    }
}
