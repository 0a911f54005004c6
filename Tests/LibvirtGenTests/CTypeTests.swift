import LibvirtGenModel
import Testing

/// C type strings parsed once, where the C model holds them: base name, pointers, constness and
/// array bound, and kept in step when a frontend changes the text.
@Suite("C types")
struct CTypeTests {
    @Test("type strings parse into base, pointers, constness and bound", arguments: [
        ("const char *", CType(base: "char", pointers: 1, isConst: true)),
        ("virDomainPtr", CType(base: "virDomainPtr", pointers: 0, isConst: false)),
        ("unsigned long long int", CType(base: "unsigned long long", pointers: 0, isConst: false)),
        ("char **", CType(base: "char", pointers: 2, isConst: false)),
        ("char field[VIR_UUID_BUFLEN]", CType(base: "char", pointers: 0, isConst: false, arrayBound: "VIR_UUID_BUFLEN")),
        ("struct _virDomainInfo", CType(base: "_virDomainInfo", pointers: 0, isConst: false)),
    ])
    func parse(text: String, expected: CType) {
        #expect(CType.parse(text) == expected)
    }

    @Test("arguments, fields, results and typedefs carry their parsed type, updated with the text")
    func parsedOnce() {
        var arg = CArg(name: "names", type: "char **", info: "")
        #expect(arg.cType == CType(base: "char", pointers: 2, isConst: false))
        arg.type = "const char *"
        #expect(arg.cType == CType(base: "char", pointers: 1, isConst: true))

        var field = CField(name: "uuid", type: "char uuid[16]", info: "")
        #expect(field.cType.arrayBound == "16")
        field.type = "int"
        #expect(field.cType == CType(base: "int", pointers: 0, isConst: false))

        var function = CFunction(
            name: "f", file: "", module: "", version: nil, info: "", returnType: "void", returnInfo: "", args: [arg],
            acls: [], location: SourceLocation(file: "f.xml", line: 1))
        function.returnType = "virDomainPtr"
        #expect(function.returnCType.base == "virDomainPtr")

        let typedef = CTypedef(
            name: "virDomainPtr", file: "", type: "virDomain *", version: nil, info: "",
            location: SourceLocation(file: "f.xml", line: 1))
        #expect(typedef.cType == CType(base: "virDomain", pointers: 1, isConst: false))
    }
}
