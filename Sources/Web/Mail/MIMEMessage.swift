import Foundation

/// Turns a `MailMessage` into the bytes of an RFC 5322 / MIME message: 7-bit only (encoded-word headers,
/// quoted-printable UTF-8 parts), CRLF line ends, `multipart/alternative` when there is HTML.
/// Header injection is impossible by construction: addresses are validated, the subject has its line breaks
/// turned into spaces before it is encoded, and extra headers with a line break (or a bad name) are refused.
enum MIMEMessage {
    struct Refused: Error, Equatable {
        var reason: String
    }

    /// Headers the message builds itself; `MailMessage.headers` may not set them (recipients come from `to` only).
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "mime-version", "content-type", "content-transfer-encoding", "sender",
        "reply-to-all", "return-path",
    ]

    /// The whole message (headers, blank line, body), CRLF-terminated lines, not yet dot-stuffed.
    static func render(_ message: MailMessage, date: Date = Date(), boundarySeed: UUID = UUID()) throws(Refused) -> String {
        let from = try parseMailbox(message.from)
        guard !message.to.isEmpty else { throw Refused(reason: "the message has no recipient") }
        for recipient in message.to { try validateAddress(recipient) }

        var headers: [(String, String)] = []
        var extraNames: Set<String> = []
        for (name, value) in message.headers.sorted(by: { $0.key < $1.key }) {
            guard isHeaderName(name) else { throw Refused(reason: "header name '\(cleanForReason(name))' is not allowed") }
            guard !reservedHeaders.contains(name.lowercased()) else {
                throw Refused(reason: "header \(name) is set by the message itself")
            }
            guard !value.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw Refused(reason: "header \(name) contains a line break")
            }
            extraNames.insert(name.lowercased())
            headers.append((name, isPlainASCII(value) ? value : encodedWords(value, firstLineUsed: name.count + 2)))
        }
        var lines: [String] = []
        lines.append("From: \(from.header)")
        lines.append("To: \(message.to.joined(separator: ", "))")
        lines.append(subjectHeader(message.subject))
        if !extraNames.contains("date") { lines.append("Date: \(rfc5322Date(date))") }
        if !extraNames.contains("message-id") { lines.append("Message-ID: <\(UUID().uuidString.lowercased())@\(from.domain)>") }
        for (name, value) in headers { lines.append("\(name): \(value)") }
        lines.append("MIME-Version: 1.0")

        let seed = boundarySeed.uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        if message.attachments.isEmpty {
            lines.append(contentsOf: textEntity(message, seed: seed))
        } else {
            // `=_` never occurs in quoted-printable or base64 text, so these boundaries cannot occur in a part.
            let boundary = "=_tandem_mixed_" + seed
            let attachments = try message.attachments.map { attachment throws(Refused) in try attachmentEntity(attachment) }
            lines.append("Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("This is a multi-part message in MIME format.")
            lines.append("--\(boundary)")
            lines.append(contentsOf: textEntity(message, seed: seed))
            for attachment in attachments {
                lines.append("--\(boundary)")
                lines.append(contentsOf: attachment)
            }
            lines.append("--\(boundary)--")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The text (and HTML) as one entity: its own headers, a blank line and its body.
    private static func textEntity(_ message: MailMessage, seed: String) -> [String] {
        guard let html = message.html else {
            return ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", quotedPrintable(message.text)]
        }
        let boundary = "=_tandem_" + seed
        return [
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"", "", "This is a multi-part message in MIME format.",
            "--\(boundary)",
        ] + part(message.text, type: "text/plain") + ["--\(boundary)"] + part(html, type: "text/html") + ["--\(boundary)--"]
    }

    private static func part(_ body: String, type: String) -> [String] {
        [
            "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
            quotedPrintable(body),
        ]
    }

    // MARK: addresses

    struct Mailbox: Equatable {
        var address: String
        var header: String
        var domain: String
    }

    /// `addr@example.com` or `Display Name <addr@example.com>` (the name may be any UTF-8: it is encoded).
    static func parseMailbox(_ text: String) throws(Refused) -> Mailbox {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains(where: { $0.isNewline || $0 == "\0" }) else { throw Refused(reason: "the sender contains a line break") }
        var address = trimmed
        var name = ""
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        }
        try validateAddress(address)
        let domain = String(address[address.index(after: address.firstIndex(of: "@")!)...])
        guard !name.isEmpty else { return Mailbox(address: address, header: address, domain: domain) }
        let shown: String
        if isPlainASCII(name) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            shown = "\"\(escaped)\""
        } else {
            shown = encodedWords(name, firstLineUsed: 6)
        }
        return Mailbox(address: address, header: "\(shown) <\(address)>", domain: domain)
    }

    /// A bare address: printable ASCII, no spaces, quotes, angle brackets or commas, exactly one `@` with text
    /// on both sides, at most 254 characters. (No SMTPUTF8: non-ASCII addresses are refused.)
    static func validateAddress(_ address: String) throws(Refused) {
        let shown = cleanForReason(address)
        guard !address.isEmpty, address.utf8.count <= 254 else { throw Refused(reason: "'\(shown)' is not an e-mail address") }
        guard address.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && !"<>()[]\\,;:\"".unicodeScalars.contains($0) })
        else { throw Refused(reason: "'\(shown)' is not an e-mail address") }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            throw Refused(reason: "'\(shown)' is not an e-mail address")
        }
    }

    /// For reasons shown in logs: control characters become `?`.
    static func cleanForReason(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(200).map { $0.value < 32 || $0.value == 127 ? "?" : $0 }))
    }

    private static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != ":" }
    }

    private static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 } && !text.contains("=?")
    }

    // MARK: headers

    /// `Subject: …`; line breaks become spaces; plain when short printable ASCII, otherwise UTF-8 base64
    /// encoded-words of at most 75 characters, folded onto continuation lines.
    static func subjectHeader(_ subject: String) -> String {
        let oneLine = subject.split(omittingEmptySubsequences: true, whereSeparator: { $0.isNewline || $0 == "\0" })
            .joined(separator: " ")
        if isPlainASCII(oneLine), oneLine.count + 9 <= 78 { return "Subject: \(oneLine)" }
        return "Subject: " + encodedWords(oneLine, firstLineUsed: 9)
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words, each whole characters (never a split UTF-8 sequence), joined by folds.
    static func encodedWords(_ text: String, firstLineUsed: Int) -> String {
        // 39 bytes are 52 base64 characters, a 64-character word: a line with `Subject: ` stays within 78.
        let maxBytes = 39
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > maxBytes {
                words.append(chunk)
                chunk = []
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    // MARK: bodies

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text: every line break becomes CRLF, lines are at most 76
    /// characters (soft breaks `=`), `=`, control and non-ASCII bytes and a space or tab before a line end are encoded.
    /// A line starting with `.` stays as it is: the SMTP client dot-stuffs.
    static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var current: [UInt8] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let token: [UInt8] = literal ? [byte] : [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                // Keep room for the soft-break `=` unless this token ends the line.
                let limit = last ? 76 : 75
                if current.count + token.count > limit {
                    output.append(String(decoding: current + [61], as: UTF8.self))
                    current = []
                }
                current.append(contentsOf: token)
            }
            output.append(String(decoding: current, as: UTF8.self))
        }
        return output.joined(separator: "\r\n")
    }

    /// The DATA payload: a line starting with `.` gets another one (RFC 5321 §4.5.2); ends with CRLF.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }
}
