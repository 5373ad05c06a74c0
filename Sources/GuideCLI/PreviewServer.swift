#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for `guide serve`: GET and HEAD
/// only, one request per connection, each handled on its own queue.
final class PreviewServer: @unchecked Sendable {
    struct Request {
        var method: String
        /// The path, percent-decoded, without the query.
        var path: String
    }

    struct Response {
        var status: Int
        var contentType: String
        var body: Data
        var headers: [(String, String)] = []

        static func text(_ status: Int, _ text: String) -> Response {
            Response(status: status, contentType: "text/plain; charset=utf-8", body: Data(text.utf8))
        }
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// Binds 127.0.0.1:`port` (0 picks a free port; `port` then says which).
    init(port: UInt16) throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw EnvironmentError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = errno == EADDRINUSE ? "port \(port) is in use; choose another with --port, or --port 0 for any free port"
                                             : "cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(errno)))"
            close(fd)
            throw EnvironmentError(reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        listener = fd
    }

    /// Accepts connections on a thread of its own until `stop()`.
    func start(_ handler: @escaping @Sendable (Request) -> Response) {
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if isStopped { break }
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    usleep(10_000)
                    continue
                }
                DispatchQueue.global().async { Self.serve(client, handler) }
            }
            finished.signal()
        }
        thread.name = "guide serve: accept"
        thread.start()
    }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    /// Stops accepting and waits (briefly) for the accept loop to end.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        _ = finished.wait(timeout: .now() + 2)
    }

    private static func serve(_ client: Int32, _ handler: (Request) -> Response) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while received.count < 65_536 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { return }
            received += buffer[0..<n]
            if received.count >= 4, received.indices.dropLast(3).contains(where: { received[$0..<($0 + 4)].elementsEqual(end) }) { break }
        }
        let head = String(decoding: received, as: UTF8.self)
        let parts = head.prefix { $0 != "\r" && $0 != "\n" }.split(separator: " ")
        let response: Response
        var method = "GET"
        if parts.count >= 2 {
            method = String(parts[0])
            let target = String(parts[1].prefix { $0 != "?" && $0 != "#" })
            if method != "GET" && method != "HEAD" {
                response = .text(405, "Method not allowed\n")
            } else if let path = target.removingPercentEncoding, path.hasPrefix("/") {
                response = handler(Request(method: method, path: path))
            } else {
                response = .text(400, "Bad request\n")
            }
        } else {
            response = .text(400, "Bad request\n")
        }
        var header = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        header += "Content-Type: \(response.contentType)\r\nContent-Length: \(response.body.count)\r\n"
        header += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n"
        for (name, value) in response.headers { header += "\(name): \(value)\r\n" }
        header += "\r\n"
        var bytes = Data(header.utf8)
        if method != "HEAD" { bytes += response.body }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let n = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let n = send(client, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if n <= 0 { return }
                offset += n
            }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }
}
