import Testing
import NetraCore
import NetraAnalytics
@testable import NetraLoad
@testable import NetraReport

/// `events.md` shows every value from the data as text (issue 16, point 5).
@Suite struct MarkdownEscapingTests {
    @Test func namesAddressesAndElectionsFromTheDataAreNeverMarkup() throws {
        let d = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array("id,name,level,parent\nk,Kota <img src=x onerror=alert(1)>,kota,\n".utf8)),
            elections: ("elections.csv", Array("id,name,date,scope\np,\"Pemilu\n# H **x**\",2024-02-14,k\n".utf8)),
            events: (
                "events.csv",
                Array(
                    """
                    id,date,precision,kind,jurisdiction,title,source,source_url
                    a,2024-01-02,day,incident,k,T,S,javascript:alert(5)
                    b,2024-01-03,day,response,k,T,S,https://example.org/x?a=1&b=2
                    c,2024-01-04,day,statement,k,T,S,https://example.org/<x>

                    """.utf8)
            ))
        let month = Month(year: 2024, month: 1)
        let a = Analysis(dataset: d, asOf: month.lastDay)
        let md = BriefingJob.markdown(a, BriefingFigures(a, month: month), .en)
        #expect(!md.contains("<img"))
        #expect(md.contains("Kota &lt;img src=x onerror=alert(1)&gt;"))
        // The election's line break cannot start a heading, nor its stars bold text.
        #expect(!md.contains("\n# H"))
        #expect(md.contains("Pemilu \\# H \\*\\*x\\*\\*"))
        // Only http(s) becomes a link; an address with `<` or `>` is text.
        #expect(!md.contains("<javascript:"))
        #expect(md.contains("javascript:alert(5)"))
        #expect(md.contains("<https://example.org/x?a=1&b=2>"))
        #expect(md.contains("https://example.org/&lt;x&gt;"))
    }
}
