import XCTest
@testable import JSON
