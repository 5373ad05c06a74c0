import XCTest
@testable import Markdown
