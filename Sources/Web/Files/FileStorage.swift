import Crypto
import Foundation
import NIOCore
import Vapor

/// The bytes of uploaded files under `<data dir>/files`: each is named by its SHA-256 (`ab/abcdef…`), so a name
/// a person chose is never part of a path, and the same bytes are kept once. An upload is written to
/// `files/incoming/<random>` while it streams in and moved into place only once complete and accepted; a refused
/// or broken upload removes its incoming file. On PostgreSQL the instances share this directory.
struct FileStorage: Sendable {
    let root: String

    init(root: String) { self.root = root }

    var incomingDirectory: String { (root as NSString).appendingPathComponent("incoming") }

    /// Where the bytes with this hash are kept; nil for anything that is not 64 lower-case hex digits.
    func path(sha256: String) -> String? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return (root as NSString).appendingPathComponent("\(sha256.prefix(2))/\(sha256)")
    }

    /// A new, empty incoming file.
    func makeIncoming() throws -> IncomingFile {
        try FileManager.default.createDirectory(atPath: incomingDirectory, withIntermediateDirectories: true)
        let path = (incomingDirectory as NSString).appendingPathComponent(UUID().uuidString.lowercased())
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw Abort(.internalServerError, reason: "cannot write to \(incomingDirectory)") }
        return IncomingFile(path: path, handle: handle)
    }

    /// Moves a complete upload to its content address (or drops it when those bytes are kept already).
    func keep(_ file: IncomingFile, sha256: String, on pool: NIOThreadPool) async throws {
        guard let target = path(sha256: sha256) else { throw Abort(.internalServerError, reason: "bad hash") }
        try await pool.runIfActive {
            let manager = FileManager.default
            if manager.fileExists(atPath: target) {
                try? manager.removeItem(atPath: file.path)
                return
            }
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            do {
                try manager.moveItem(atPath: file.path, toPath: target)
            } catch  where manager.fileExists(atPath: target) {
                // Another upload of the same bytes got there first.
                try? manager.removeItem(atPath: file.path)
            }
        }
    }
}

/// An upload being written: hashed and counted as the bytes arrive, written in chunks off the request's executor.
/// Used by one task at a time (the request that streams it in).
final class IncomingFile: @unchecked Sendable {
    let path: String
    private let handle: FileHandle
    private var hasher = SHA256()
    private var pending = Data()
    private(set) var size: Int64 = 0
    private var closed = false

    static let flushSize = 1 << 20

    init(path: String, handle: FileHandle) {
        self.path = path
        self.handle = handle
    }

    func append(_ buffer: ByteBuffer, on pool: NIOThreadPool) async throws {
        size += Int64(buffer.readableBytes)
        pending.append(contentsOf: buffer.readableBytesView)
        if pending.count >= Self.flushSize { try await flush(on: pool) }
    }

    /// Writes what is left, closes the file and answers the SHA-256 (lower-case hex).
    func finish(on pool: NIOThreadPool) async throws -> String {
        try await flush(on: pool)
        let handle = handle
        try await pool.runIfActive {
            try handle.synchronize()
            try handle.close()
        }
        closed = true
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Removes the incoming file (after a refusal or a broken upload).
    func discard() {
        if !closed { try? handle.close() }
        closed = true
        try? FileManager.default.removeItem(atPath: path)
    }

    private func flush(on pool: NIOThreadPool) async throws {
        guard !pending.isEmpty else { return }
        let chunk = pending
        pending = Data()
        hasher.update(data: chunk)
        let handle = handle
        try await pool.runIfActive { try handle.write(contentsOf: chunk) }
    }
}
