import XCTest
@testable import Schema
