import Foundation

/// A file sent with an e-mail.
struct MailAttachment: Sendable, Equatable {
    var filename: String
    /// The MIME type with its parameters, e.g. `text/calendar; method=REQUEST; charset=UTF-8`.
    var contentType: String
    var data: Data
}

extension MIMEMessage {
    /// One attachment entity: its type (with `name`), `Content-Disposition: attachment` with the file name, and the
    /// bytes in base64 lines of 76 characters. A name that is not plain ASCII is sent as RFC 2231 `filename*` (and as an
    /// RFC 2047 word in `name`, for older readers). A type that is not `type/subtype[; parameters]` in printable ASCII is refused.
    static func attachmentEntity(_ attachment: MailAttachment) throws(Refused) -> [String] {
        let type = attachment.contentType.trimmingCharacters(in: .whitespaces)
        let mediaType = type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let parts = mediaType.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isTokenCharacter) }),
            type.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 })
        else { throw Refused(reason: "attachment type '\(cleanForReason(attachment.contentType))' is not a MIME type") }
        let name = attachment.filename.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 && $0 != "/" && $0 != "\\" }
        let filename = name.isEmpty ? "attachment" : String(String.UnicodeScalarView(name))
        let nameParameters: (name: String, disposition: String)
        if filename.unicodeScalars.allSatisfy({ $0.value < 127 && $0 != "\"" }) {
            nameParameters = ("name=\"\(filename)\"", "filename=\"\(filename)\"")
        } else {
            nameParameters = (
                "name=\"\(encodedWords(filename, firstLineUsed: 0).replacingOccurrences(of: "\r\n ", with: " "))\"",
                "filename*=UTF-8''\(percentEncoded(filename))"
            )
        }
        let base64 = attachment.data.base64EncodedString()
        var body: [String] = []
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 76, limitedBy: base64.endIndex) ?? base64.endIndex
            body.append(String(base64[index..<end]))
            index = end
        }
        return [
            "Content-Type: \(type);\r\n \(nameParameters.name)", "Content-Disposition: attachment;\r\n \(nameParameters.disposition)",
            "Content-Transfer-Encoding: base64", "",
        ] + body
    }

    /// RFC 2231 / 5987 value: UTF-8, every byte but unreserved ones percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        return text.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 32 && scalar.value < 127 && !"()<>@,;:\\\"/[]?={}".unicodeScalars.contains(scalar)
    }
}
