import Foundation
import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenXML
import Testing

/// `DocumentationMerge`: the XML's documentation completing a model read from the headers.
@Suite("Completing a header model with the XML's documentation")
struct DocumentationMergeTests {
    /// The fixture's model as the XML frontend reads it.
    private func model() throws -> [CAPI] { try XMLFrontend().read(folder: HeaderFixtures.api) }

    /// The model with what the headers do not carry removed, as the header frontend reads it.
    private func undocumented(_ apis: [CAPI]) -> [CAPI] {
        apis.map { api in
            var api = api
            api.files = []
            api.functions = api.functions.map { function in
                var function = function
                function.info = ""
                function.returnInfo = ""
                function.version = nil
                function.module = function.file
                function.args = function.args.enumerated().map { CArg(name: "arg\($0 + 1)", type: $1.type, info: "") }
                return function
            }
            api.enumValues = api.enumValues.map { value in
                var value = value
                value.info = "from the header"
                return value
            }
            api.structs = api.structs.map { item in
                var item = item
                item.fields = item.fields.map {
                    CField(name: $0.name, type: $0.type, info: "", unionMembers: $0.unionMembers)
                }
                return item
            }
            return api
        }
    }

    /// Functions get their documentation, versions and parameter names; other symbols their text.
    @Test func merge() throws {
        let xml = try model()
        #expect(DocumentationMerge.merge(undocumented(xml), documentation: xml) == xml)
    }

    /// Symbols the XML lacks keep what the headers say.
    @Test func unknownSymbols() throws {
        let headers = undocumented(try model())
        #expect(DocumentationMerge.merge(headers, documentation: []) == headers)
    }
}
