import Foundation

/// Decodes any `Decodable` from nothing and writes down every key it asks for: the keys a request type
/// reads. Optionals come back nil, enums as their first case, every other value as a plain default.
final class KeyRecordingDecoder: Decoder {
    private(set) var keys: [String] = []
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    static func keys<T: Decodable>(of type: T.Type) -> [String] {
        let decoder = KeyRecordingDecoder()
        _ = try? T(from: decoder)
        return decoder.keys
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(decoder: self, prefix: codingPath.map(\.stringValue)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Empty(codingPath: codingPath) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(codingPath: codingPath) }

    static func placeholder<T: Decodable>(_ type: T.Type, decoder: KeyRecordingDecoder) throws -> T {
        func firstCase<C: CaseIterable>(_ type: C.Type) -> Any? { C.allCases.first }
        if let cases = T.self as? any CaseIterable.Type, let first = firstCase(cases) as? T { return first }
        if T.self == UUID.self { return UUID() as! T }
        if T.self == Date.self { return Date() as! T }
        return try T(from: decoder)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: KeyRecordingDecoder
        let prefix: [String]
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { [] }

        private func note(_ key: Key) { decoder.keys.append((prefix + [key.stringValue]).joined(separator: ".")) }

        func contains(_ key: Key) -> Bool {
            note(key)
            return true
        }
        func decodeNil(forKey key: Key) throws -> Bool {
            note(key)
            return true
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            note(key)
            decoder.codingPath.append(key)
            defer { decoder.codingPath.removeLast() }
            return try KeyRecordingDecoder.placeholder(T.self, decoder: decoder)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            note(key)
            return nil
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            note(key)
            return KeyedDecodingContainer(Keyed<NestedKey>(decoder: decoder, prefix: prefix + [key.stringValue]))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            note(key)
            return Empty(codingPath: codingPath)
        }
        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
    }

    struct Empty: UnkeyedDecodingContainer {
        var codingPath: [any CodingKey]
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }
        mutating func decodeNil() throws -> Bool { true }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: codingPath, debugDescription: "empty"))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.valueNotFound(NestedKey.self, .init(codingPath: codingPath, debugDescription: "empty"))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { self }
        mutating func superDecoder() throws -> any Decoder { KeyRecordingDecoder() }
    }

    struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey]
        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { false }
        func decode(_ type: String.Type) throws -> String { "" }
        func decode(_ type: Double.Type) throws -> Double { 0 }
        func decode(_ type: Float.Type) throws -> Float { 0 }
        func decode(_ type: Int.Type) throws -> Int { 0 }
        func decode(_ type: Int8.Type) throws -> Int8 { 0 }
        func decode(_ type: Int16.Type) throws -> Int16 { 0 }
        func decode(_ type: Int32.Type) throws -> Int32 { 0 }
        func decode(_ type: Int64.Type) throws -> Int64 { 0 }
        func decode(_ type: UInt.Type) throws -> UInt { 0 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try KeyRecordingDecoder.placeholder(T.self, decoder: KeyRecordingDecoder()) }
    }
}
