import Foundation
import Glibc
import XCTest

/// `guide serve` against clients that misbehave: slow or idle connections
/// hold no one else back, and requests naming another host (a web page
/// reaching the preview through DNS rebinding) are refused. How much slow
/// clients add to a request is measured by Benchmarks/serve_slow_clients.py.
final class ServeConnectionTests: XCTestCase {
    /// A raw TCP connection to 127.0.0.1:`port`.
    final class Connection {
        let descriptor: Int32

        init(port: UInt16) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(descriptor) }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// Everything the server sends until it closes the connection.
        func readAll() -> String {
            var data: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count <= 0 { break }
                data += buffer[0..<count]
            }
            return String(decoding: data, as: UTF8.self)
        }

        /// Whether the server has closed the connection (without waiting).
        var isClosedByServer: Bool {
            var byte: UInt8 = 0
            let count = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT | MSG_PEEK))
            return count == 0
        }
    }

    func port(of server: ServeProcess) -> UInt16 {
        UInt16(server.base.port ?? 0)
    }

    func testSlowClientsHoldNoOneBack() throws {
        let copy = try SampleCopy()
        let server = try ServeProcess(copy)
        defer { server.stop() }
        let port = port(of: server)

        // Sixteen connections that send their request one byte at a time, slowly.
        let slow = try (0..<16).map { _ in try Connection(port: port) }
        let request = "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"
        for connection in slow { connection.send(String(request.prefix(3))) }
        Thread.sleep(forTimeInterval: 1.5)
        for connection in slow { connection.send(String(request.dropFirst(3).prefix(1))) }

        // A normal request is answered while all of them are still waiting.
        let normal = try Connection(port: port)
        normal.send(request)
        let answer = normal.readAll()
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 200 OK"), answer)
        XCTAssertTrue(
            slow.allSatisfy { !$0.isClosedByServer }, "the slow connections were still open when it was answered")

        // One that never finishes its head is closed after the server's deadline, with 408.
        let idle = slow[0]
        let closed = idle.readAll()
        XCTAssertTrue(closed.hasPrefix("HTTP/1.1 408"), closed)
    }

    func testRequestsForAnotherHostAreRefused() throws {
        let copy = try SampleCopy()
        let server = try ServeProcess(copy)
        defer { server.stop() }
        let port = port(of: server)
        func get(host: String?) throws -> String {
            let connection = try Connection(port: port)
            connection.send("GET /en/ HTTP/1.1\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + "\r\n")
            return connection.readAll()
        }
        XCTAssertTrue(try get(host: "127.0.0.1:\(port)").hasPrefix("HTTP/1.1 200"))
        XCTAssertTrue(try get(host: "localhost:\(port)").hasPrefix("HTTP/1.1 200"))
        for host in ["attacker.example:\(port)", "127.0.0.1", "127.0.0.1:1", "rebind.127.0.0.1.nip.io:\(port)", ""] {
            let answer = try get(host: host)
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 421"), "Host \(host): \(answer)")
            XCTAssertFalse(answer.contains("<html"), "no page for Host \(host)")
        }
        XCTAssertTrue(try get(host: nil).hasPrefix("HTTP/1.1 421"), "no Host at all")
    }
}
