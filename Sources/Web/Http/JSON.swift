import Domain
import Foundation
import Vapor

/// Strict JSON in, camelCase JSON out.
enum JSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(date))
        }
        // Sorted keys: the same answer is the same bytes (a hidden and a missing object must not differ).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func response<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    /// Decodes the body as `T`; a missing, mistyped or unknown value is a 400 that names the field.
    /// The largest body any route accepts; the server refuses larger streamed bodies on its own.
    static let maxBodyBytes = 1_048_576

    static func decode<T: Decodable>(_ type: T.Type, from req: Request) throws -> T {
        if let size = req.body.data?.readableBytes, size > maxBodyBytes { throw Abort(.payloadTooLarge, reason: "the body is larger than 1 MB") }
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let input = data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) ? Data("{}".utf8) : data
        do {
            return try JSONDecoder().decode(T.self, from: input)
        } catch let error as DecodingError {
            throw describe(error)
        } catch let error as DomainError {
            throw error
        } catch {
            throw DomainError.validation(field: "body", rule: .jsonObject)
        }
    }

    /// The top-level keys of the body that are present with `null`: a PATCH clears those optional fields.
    static func nullKeys(from req: Request) -> Set<String> {
        struct Probe: Decodable {
            var isNull: Bool
            init(from decoder: any Decoder) throws { isNull = (try? decoder.singleValueContainer().decodeNil()) ?? false }
        }
        guard let buffer = req.body.data, let object = try? JSONDecoder().decode([String: Probe].self, from: Data(buffer: buffer)) else {
            return []
        }
        return Set(object.filter(\.value.isNull).keys)
    }

    static func describe(_ error: DecodingError) -> DomainError {
        func path(_ codingPath: [any CodingKey], extra: (any CodingKey)? = nil) -> String {
            let keys = (codingPath + (extra.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            let joined = keys.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
            return joined.isEmpty ? "body" : joined
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .validation(field: path(context.codingPath, extra: key), rule: .required)
        case .typeMismatch(let type, let context):
            return .validation(field: path(context.codingPath), rule: .type(describe(type), null: false))
        case .valueNotFound(let type, let context):
            return .validation(field: path(context.codingPath), rule: .type(describe(type), null: true))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .validation(field: "body", rule: .json) }
            return .validation(field: path(context.codingPath), rule: .notAllowed)
        @unknown default:
            return .validation(field: "body", rule: .invalid)
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        default: "of the right type"
        }
    }
}

/// RFC 3339 instants with milliseconds, UTC.
enum RFC3339 {
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
