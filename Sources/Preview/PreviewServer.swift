import Foundation
import Glibc
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 for `guide serve`: GET and HEAD
/// only, one request per connection.
///
/// One thread reads every connection without blocking (`poll`), so a client
/// that sends its request slowly, or never, holds no thread: a request is
/// handed to a worker only once its head is complete, and a connection whose
/// head is not complete within `headDeadline` is closed. The `Host` header
/// must name the preview's own address, so a web page elsewhere cannot read
/// the preview through a DNS name that resolves to 127.0.0.1 (DNS rebinding).
public final class PreviewServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        /// The path, percent-decoded, without the query.
        public var path: String
    }

    public struct Response: Sendable {
        public var status: Int
        public var contentType: String
        public var body: Data
        public var headers: [(String, String)] = []

        public init(status: Int, contentType: String, body: Data, headers: [(String, String)] = []) {
            self.status = status
            self.contentType = contentType
            self.body = body
            self.headers = headers
        }

        public static func text(_ status: Int, _ text: String) -> Response {
            Response(status: status, contentType: "text/plain; charset=utf-8", body: Data(text.utf8))
        }
    }

    public let port: UInt16
    /// How long a client may take to send its request's head.
    static let headDeadline: Double = 10
    static let maximumHead = 65_536
    /// Connections beyond this many still waiting for their head are refused.
    static let maximumPending = 256

    private let listener: Int32
    /// Written to wake the loop when `stop()` is called.
    private let wakeWrite: Int32
    private let wakeRead: Int32
    private let stopped = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Binds 127.0.0.1:`port` (0 picks a free port; `port` then says which).
    public init(port: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PreviewServerError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason =
                errno == EADDRINUSE
                ? "port \(port) is in use; choose another with --port, or --port 0 for any free port"
                : "cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(errno)))"
            close(fd)
            throw PreviewServerError(reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        listener = fd
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw PreviewServerError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
    }

    /// The `Host` values a request may carry: the preview's own address.
    var allowedHosts: Set<String> {
        ["127.0.0.1:\(port)", "localhost:\(port)"]
    }

    /// Serves on a thread of its own until `stop()`; `handler` runs on
    /// worker threads, one call per request.
    public func start(_ handler: @escaping @Sendable (Request) -> Response) {
        let thread = Thread { [self] in
            runLoop(handler)
            finished.signal()
        }
        thread.name = "guide serve: connections"
        thread.start()
    }

    /// Stops accepting, closes waiting connections, and waits (briefly) for the loop to end.
    public func stop() {
        stopped.withLock { $0 = true }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        _ = finished.wait(timeout: .now() + 2)
        close(listener)
        close(wakeRead)
        close(wakeWrite)
    }

    /// A connection whose request head is still arriving.
    private struct Pending {
        let descriptor: Int32
        let deadline: Double
        var received: [UInt8] = []
    }

    private func runLoop(_ handler: @escaping @Sendable (Request) -> Response) {
        var pending: [Pending] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while !stopped.withLock({ $0 }) {
            var polled = [
                pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            polled += pending.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
            let now = Self.now()
            let nearest = pending.map(\.deadline).min().map { max(0, Int32(($0 - now) * 1000) + 1) } ?? 1000
            let ready = poll(&polled, nfds_t(polled.count), min(nearest, 1000))
            if ready < 0, errno != EINTR { break }
            if polled[1].revents != 0 { break }
            // Reads first (indices shift once connections are dropped, so by descriptor).
            var finishedHeads: [Int32: [UInt8]] = [:]
            var closed: Set<Int32> = []
            for item in polled.dropFirst(2) where item.revents != 0 {
                guard let index = pending.firstIndex(where: { $0.descriptor == item.fd }) else { continue }
                let count = recv(item.fd, &buffer, buffer.count, 0)
                if count <= 0 {
                    if count < 0, errno == EAGAIN || errno == EINTR { continue }
                    closed.insert(item.fd)
                    continue
                }
                pending[index].received += buffer[0..<count]
                if Self.headEnd(in: pending[index].received) != nil {
                    finishedHeads[item.fd] = pending[index].received
                } else if pending[index].received.count >= Self.maximumHead {
                    Self.respond(item.fd, .text(431, "Request header fields too large\n"), method: "GET")
                    closed.insert(item.fd)
                }
            }
            let later = Self.now()
            for connection in pending where connection.deadline <= later && finishedHeads[connection.descriptor] == nil
            {
                Self.respond(connection.descriptor, .text(408, "Request timeout\n"), method: "GET")
                closed.insert(connection.descriptor)
            }
            for descriptor in closed { close(descriptor) }
            for (descriptor, head) in finishedHeads {
                let allowed = allowedHosts
                DispatchQueue.global().async { Self.serve(descriptor, head: head, allowedHosts: allowed, handler) }
            }
            pending.removeAll { closed.contains($0.descriptor) || finishedHeads[$0.descriptor] != nil }
            if polled[0].revents != 0 { accept(into: &pending) }
        }
        for connection in pending { close(connection.descriptor) }
    }

    /// Accepts every connection waiting on the listener.
    private func accept(into pending: inout [Pending]) {
        while true {
            let client = Glibc.accept(listener, nil, nil)
            if client < 0 { return }
            guard pending.count < Self.maximumPending else {
                close(client)
                continue
            }
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            pending.append(Pending(descriptor: client, deadline: Self.now() + Self.headDeadline))
        }
    }

    /// Parses a complete head, checks it, asks `handler` and writes the answer (on a worker).
    static func serve(
        _ client: Int32, head bytes: [UInt8], allowedHosts: Set<String>,
        _ handler: (Request) -> Response
    ) {
        defer { close(client) }
        // The answer is written blocking, with a time limit: a client that stops reading is dropped.
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) & ~O_NONBLOCK)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let head = HTTPHead(bytes[..<(headEnd(in: bytes) ?? bytes.count)])
        guard let head else { return respond(client, .text(400, "Bad request\n"), method: "GET") }
        guard let host = head.header("host"), allowedHosts.contains(host.lowercased()) else {
            return respond(
                client,
                .text(421, "This preview answers only to its own address, \(allowedHosts.sorted().first ?? "")\n"),
                method: head.method)
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            return respond(client, .text(405, "Method not allowed\n"), method: head.method)
        }
        let target = String(head.target.prefix { $0 != "?" && $0 != "#" })
        guard let path = target.removingPercentEncoding, path.hasPrefix("/") else {
            return respond(client, .text(400, "Bad request\n"), method: head.method)
        }
        respond(client, handler(Request(method: head.method, path: path)), method: head.method)
    }

    static func respond(_ client: Int32, _ response: Response, method: String) {
        var header = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        header += "Content-Type: \(response.contentType)\r\nContent-Length: \(response.body.count)\r\n"
        header += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n"
        for (name, value) in response.headers { header += "\(name): \(value)\r\n" }
        header += "\r\n"
        var bytes = Data(header.utf8)
        if method != "HEAD" { bytes += response.body }
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = send(client, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// The offset just past the blank line that ends a request head.
    static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 421: return "Misdirected Request"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }
}

/// A request line and its header fields (names lower-cased).
struct HTTPHead {
    let method: String
    let target: String
    let fields: [(name: String, value: String)]

    init?(_ bytes: ArraySlice<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: true).makeIterator()
        guard let requestLine = lines.next() else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        method = String(parts[0])
        target = String(parts[1])
        var fields: [(String, String)] = []
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            fields.append(
                (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        self.fields = fields
    }

    /// The value of the one field named `name`; nil when absent or repeated.
    func header(_ name: String) -> String? {
        let matching = fields.filter { $0.name == name }
        return matching.count == 1 ? matching[0].value : nil
    }
}

/// The preview server could not start.
public struct PreviewServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}
