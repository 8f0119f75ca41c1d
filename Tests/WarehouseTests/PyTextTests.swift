import Testing
@testable import Warehouse

@Suite struct PyTextTests {
    @Test func whitespaceIsPythons() {
        #expect(Py.isSpace("\u{85}"))
        #expect(!Py.isSpace("\u{200B}"))
        #expect(!Py.isSpace("\u{FEFF}"))
    }
    @Test func lowerUsesFullMapping() {
        #expect(String(py: Py.lower("İ".py)) == "i\u{307}")
        #expect(String(py: Py.upper("ß".py)) == "SS")
        #expect(String(py: Py.lower("ΑΣ".py)) == "ας")
    }
    @Test func rounding() {
        #expect(Rounding.py(46.875, 2) == 46.88)
        #expect(Rounding.py(2.675, 2) == 2.67)
        #expect(Rounding.np(2.675, 2) == 2.68)
        #expect(Rounding.np(0.8250000000000001, 2) == 0.82)
        #expect(Rounding.py(0.8250000000000001, 2) == 0.83)
    }
}
