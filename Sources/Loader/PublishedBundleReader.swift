import Foundation
import GuideModel
import JSON
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads the last published bundle (`guide.json` or a language file) from a
/// path or an `http(s)://` URL, for `guide check` to compare the content with.
public enum PublishedBundleReader {
    /// Why it could not be read.
    public enum Failure: Error, Equatable {
        /// The file is missing, unreadable, not JSON or not a bundle (a mistake in the setting).
        case unreadable(String)
        /// The network did not answer (offline, DNS, refused, timed out): nothing to say about the setting.
        case unreachable(String)

        public var message: String {
            switch self {
            case .unreadable(let message), .unreachable(let message): return message
            }
        }
    }

    /// How long to wait for a URL.
    static let timeout: TimeInterval = 20

    /// Whether `location` is a URL rather than a path.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("https://") || location.hasPrefix("http://")
    }

    /// Reads `location`: a URL, an absolute path, or a path relative to `folder`.
    public static func read(
        _ location: String, relativeTo folder: URL,
        origin: PublishedBundle.Origin
    ) -> Result<PublishedBundle, Failure> {
        let bytes: [UInt8]
        switch isURL(location) ? fetch(location) : file(location, relativeTo: folder) {
        case .failure(let failure): return .failure(failure)
        case .success(let data): bytes = data
        }
        do {
            let value = try JSONParser.parse(bytes)
            return .success(try PublishedBundle(value, location: location, origin: origin))
        } catch let error as PublishedBundleError {
            return .failure(.unreadable("\(location) is not a bundle this guide can compare with: \(error)"))
        } catch {
            return .failure(.unreadable("\(location) is not valid JSON: \(error)"))
        }
    }

    private static func file(_ location: String, relativeTo folder: URL) -> Result<[UInt8], Failure> {
        let url = location.hasPrefix("/") ? URL(fileURLWithPath: location) : folder.appendingPathComponent(location)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(.unreadable("\(location) does not exist (\(url.standardizedFileURL.path))"))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.unreadable("\(location) cannot be read"))
        }
        return .success([UInt8](data))
    }

    private static func fetch(_ location: String) -> Result<[UInt8], Failure> {
        guard let url = URL(string: location) else { return .failure(.unreadable("\(location) is not a valid URL")) }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        final class Outcome: Sendable { let value = Mutex<Result<[UInt8], Failure>?>(nil) }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                let failure = Failure.unreachable("\(location) could not be fetched: \(error.localizedDescription)")
                outcome.value.withLock { $0 = .failure(failure) }
            } else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                let failure = Failure.unreadable("\(location) answered HTTP \(http.statusCode)")
                outcome.value.withLock { $0 = .failure(failure) }
            } else {
                let bytes = [UInt8](data ?? Data())
                outcome.value.withLock { $0 = .success(bytes) }
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            return .failure(.unreachable("\(location) did not answer within \(Int(timeout)) seconds"))
        }
        return outcome.value.withLock { $0 } ?? .failure(.unreachable("\(location) could not be fetched"))
    }
}
