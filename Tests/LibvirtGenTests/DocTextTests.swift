import Foundation
@testable import LibvirtGenCore
import Testing

/// Conversion of libvirt's documentation markup into Swift documentation text (DESIGN §5 rule 15):
/// `@param` → the Swift parameter, `%NULL` → `nil`, known C symbols → their Swift declaration.
@Suite("Documentation markup")
struct DocTextTests {
    /// A converter knowing a few C symbols.
    static let docs = DocText(symbols: [
        "virDomainGetInfo": "Domain.info()",
        "virDomainPtr": "Domain",
        "VIR_DOMAIN_RUNNING": "Domain.State.running",
        "virConnectListAllDomains": "Connection.allDomains(options:)",
    ])

    /// The C-to-Swift parameter names of a made-up function.
    static let parameters = ["flags": "options", "xmlDesc": "xml", "name": "name"]

    /// Input text and its conversion.
    static let conversions: [(String, String)] = [
        // Parameters: mapped ones take their Swift name, others keep theirs.
        ("extra @flags for the call", "extra `options` for the call"),
        ("the @xmlDesc to define", "the `xml` to define"),
        ("the @name.", "the `name`."),
        ("an @unknown parameter", "an `unknown` parameter"),
        ("(@flags)", "(`options`)"),
        // Constants.
        ("returns %NULL on error", "returns `nil` on error"),
        ("%TRUE or %FALSE", "`true` or `false`"),
        ("the %VIR_UNKNOWN constant", "the %VIR_UNKNOWN constant"),
        // Known C symbols become Swift symbols, with or without a call's parentheses.
        ("see virDomainGetInfo() for details", "see `Domain.info()` for details"),
        ("see virDomainGetInfo for details", "see `Domain.info()` for details"),
        ("a virDomainPtr object", "a `Domain` object"),
        ("state VIR_DOMAIN_RUNNING,", "state `Domain.State.running`,"),
        ("virConnectListAllDomains()", "`Connection.allDomains(options:)`"),
        // Unknown names and parts of longer words are left alone.
        ("call virNoSuchFunction() first", "call virNoSuchFunction() first"),
        ("myvirDomainGetInfo() and virDomainGetInfoX()", "myvirDomainGetInfo() and virDomainGetInfoX()"),
        ("free() the result", "free() the result"),
        // Markup at the very end of the string.
        ("pass @flags", "pass `options`"),
        ("or %NULL", "or `nil`"),
        ("see virDomainGetInfo()", "see `Domain.info()`"),
        ("see virDomainGetInfo", "see `Domain.info()`"),
        // A lone sign and a percentage are not markup.
        ("a @ sign", "a @ sign"),
        ("100% sure", "100% sure"),
        ("", ""),
        // Non-ASCII letters are word characters: a symbol glued to one is part of a longer word;
        // other non-ASCII text passes through unchanged.
        ("évirDomainGetInfo() and virDomainGetInfoé", "évirDomainGetInfo() and virDomainGetInfoé"),
        ("voilà: virDomainGetInfo() — @flags ✓", "voilà: `Domain.info()` — `options` ✓"),
        ("@naïve and %NULL·", "`naïve` and `nil`·"),
        // A digit (ASCII or not) does not start a symbol.
        ("٣virDomainGetInfo 3virDomainGetInfo", "٣virDomainGetInfo 3virDomainGetInfo"),
    ]

    /// Each input converts as expected.
    @Test(arguments: conversions)
    func convert(text: String, converted: String) {
        #expect(Self.docs.convert(text, parameters: Self.parameters) == converted)
    }

    /// Without a parameter map, `@flags` keeps its C name.
    @Test func unmappedParameter() {
        #expect(DocText().convert("pass @flags") == "pass `flags`")
    }

    /// Names of any first letter and length in the map are found, the shortest, the longest and
    /// a non-ASCII one included, in a map given at creation or set later; a word of another
    /// first letter or length is left alone.
    @Test func symbolsOfEveryShape() {
        let symbols = ["x": "X.x", "éclair": "Pastry.eclair", "virA": "A.a", "VIR_A_LONGER_NAME": "A.Longer.name"]
        var later = DocText()
        later.symbols = symbols
        for docs in [DocText(symbols: symbols), later] {
            #expect(docs.convert("x and éclair, virA() or VIR_A_LONGER_NAME; y virAB VIR_A_LONGER_NAMES")
                == "`X.x` and `Pastry.eclair`, `A.a` or `A.Longer.name`; y virAB VIR_A_LONGER_NAMES")
        }
    }

    /// Without a symbol map, C symbols stay as written.
    @Test func emptySymbolMap() {
        #expect(DocText().convert("see virDomainGetInfo()") == "see virDomainGetInfo()")
    }

    /// `lines` splits on newlines, drops trailing whitespace, and leading and trailing blank lines.
    @Test func linesAreTrimmed() {
        let text = "\n\n  First line.   \nSecond line\t\n\n   Indented @flags.  \n\n\n"
        #expect(Self.docs.lines(text, parameters: Self.parameters) == [
            "  First line.", "Second line", "", "   Indented `options`.",
        ])
    }

    /// Two C names that map to one Swift declaration, joined by a separator, collapse to one mention;
    /// different names, and text without such a pair, are left alone.
    @Test(arguments: [
        ("`Connection(uri:)`/`Connection(uri:)` opens", "`Connection(uri:)` opens"),
        ("see `a()`, `a()` and `b()`", "see `a()` and `b()`"),
        ("`a()` or `a()`", "`a()`"),
        ("`a()` and `a()`.", "`a()`."),
        ("`a()` or `b()`", "`a()` or `b()`"),
        ("plain text, no code", "plain text, no code"),
    ])
    func repeatsCollapse(text: String, collapsed: String) {
        #expect(DocText.collapsingRepeats(text) == collapsed)
    }

    /// The naming pass's converter yields no text, so a declaration keeps only its C symbol line.
    @Test func skippedConverterYieldsNoText() {
        #expect(DocText.skipped.convert("see virDomainGetInfo() @flags").isEmpty)
        #expect(DocText.skipped.lines("Gets info.").isEmpty)
        #expect(DocText.skipped.document("Gets info.", cName: "virDomainGetInfo", since: nil).lines
            == ["C symbol: `virDomainGetInfo`."])
    }

    /// Carriage returns, NEL and the Unicode line and paragraph separators all become `\n`, once
    /// for `\r\n`; text without them comes back unchanged.
    @Test(arguments: [
        ("a\r\nb\rc\u{85}d\u{2028}e\u{2029}f", "a\nb\nc\nd\ne\nf"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("café — “quoted” ✓\n", "café — “quoted” ✓\n"),
        ("plain", "plain"),
    ])
    func lineBreaksUnify(text: String, unified: String) {
        #expect(DocText.unifyingLineBreaks(text) == unified)
    }

    /// The byte search finds a pattern anywhere, including at either end, and nothing that is not
    /// there; ignoring ASCII case, it finds a word in any letter case (and only then).
    @Test func byteSearch() {
        #expect("`a()`/`a()`".containsBytes("`/`"))
        #expect("`/`".containsBytes("`/`"))
        #expect("x` or `".containsBytes("` or `"))
        #expect(!"`a()` / `b()`".containsBytes("`/`"))
        #expect(!"`".containsBytes("`/`"))
        #expect("anything".containsBytes(""))
        #expect("virDomainFREE should".containsBytes("free", ignoringASCIICase: true))
        #expect("Freed by the caller".containsBytes("free", ignoringASCIICase: true))
        #expect(!"a fre e".containsBytes("free", ignoringASCIICase: true))
        #expect(!"fr".containsBytes("free", ignoringASCIICase: true))
        #expect("anything".containsBytes("", ignoringASCIICase: true))
        #expect(!"virDomainFREE".containsBytes("free"))
    }

    /// The byte trimming gives what Foundation's `trimmingCharacters(in:)` gives, non-ASCII
    /// spaces (which it hands to Foundation), combining marks after a trimmed space and `\r\n` included.
    @Test(arguments: [
        "", " ", " \t ", "  text ", "\ttext\t", " a b ", "\u{A0}text\u{A0}", " \u{2003}x\u{3000} ", " \u{301}x",
        "x \u{301}", "\r\n x \r\n", "\n\u{B}\u{C} y\u{85}", "café ", " ,;text;, .", ",\u{301}x,", "é, ", "\u{2028}z\u{2029}",
    ])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimming(asciiCharacters: " ,;.") == text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;.")))
    }

    /// The split at ASCII separators gives the parts the character split gives: ASCII text as
    /// bytes, other text as characters, where CR LF and a separator joined to a combining mark are
    /// no separators; empty parts kept or omitted alike.
    @Test(arguments: [
        "", "a", "a\nb", "\n", "a\n\nb\n", "x\r\ny\nz", "\r\n", "\n\u{301}é\nü", "a\r\n\nb",
        "VIR__DOMAIN_", "current-memory", "x-\u{301}y", "café-menu.a:b", "__",
    ])
    func splitAtASCIIMatchesCharacterSplit(text: String) {
        let separators: [Character] = ["\n", "_", "-", ".", ":"]
        for omitting in [true, false] {
            #expect(text.splitting(omittingEmptySubsequences: omitting) { "\n_-.:".utf8.contains($0) }
                == text.split(omittingEmptySubsequences: omitting, whereSeparator: separators.contains).map(String.init))
        }
    }

    /// The byte scans give what byte-by-byte loops give: a count of line feeds, the first one from
    /// each index, whether a byte is there, whether the text is ASCII, around the eight-byte steps
    /// and at the very ends.
    @Test(arguments: [
        "", "\n", "a", "abcdefg", "abcdefgh", "abcdefghi", "é", "abcdefgé", "abcdefghé", "abcdefghijklmnoé", "\r",
        "a\nb\n\nc", "\n\n\n", "x\r\ny\n", "ünï\ncödé\n", "0123456789abcdef\n",
    ])
    func byteScansMatchLoops(text: String) {
        let bytes = Array(text.utf8)
        var copy = text
        copy.withUTF8 { buffer in
            #expect(buffer.occurrences(of: UInt8(ascii: "\n")) == bytes.filter { $0 == UInt8(ascii: "\n") }.count)
            for start in 0...bytes.count {
                #expect(buffer.firstIndex(of: UInt8(ascii: "\n"), from: start)
                    == bytes.indices.first { $0 >= start && bytes[$0] == UInt8(ascii: "\n") })
            }
        }
        for byte in [UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0xC3] {
            #expect(text.containsByte(byte) == bytes.contains(byte))
        }
        #expect(text.isASCII == bytes.allSatisfy { $0 < 0x80 })
    }

    /// The text search answers as Foundation's `contains`: canonically equivalent characters match
    /// (a Kelvin sign for `K`, a Greek question mark for `;`, a varia for a backquote), a combining
    /// mark joined to the last character unmatches, plain bytes match, and absent ones do not.
    @Test(arguments: [
        ("is NULL here", "NULL"), ("NULL\u{301} x", "NULL"), ("\u{212A}elvin", "Kelvin"), ("a\u{37E}b", "a;b"),
        ("x\u{1FEF}y", "x`y"), ("e\u{301}", "é"), ("é", "e\u{301}"), ("nothing", "NULL"), ("", ""), ("abc", ""),
        ("call virDomainOpen", "Open"), ("Ⓚ", "K"),
    ])
    func textSearchMatchesFoundation(text: String, other: String) {
        #expect(text.containsText(other) == text.contains(other))
    }

    /// A text's paragraphs are the parts Foundation's `components(separatedBy: "\n\n")` gives:
    /// empty parts kept, three line feeds leaving one, a line feed before a combining mark a
    /// separator, and a CR LF pair's line feed none.
    @Test(arguments: [
        "", "a", "\n\n", "\n\n\n", "a\n\nb", "\n\na\n\n", "a\n\n\n\nb", "é\n\n\u{301}ü\n", "a\r\n\nb", "a\n\r\n\nb",
    ])
    func paragraphsMatchFoundation(text: String) {
        #expect(text.paragraphs == text.components(separatedBy: "\n\n"))
    }

    /// Blank input has no lines.
    @Test(arguments: ["", "\n", "  \n\t\n  "])
    func blankHasNoLines(text: String) {
        #expect(Self.docs.lines(text).isEmpty)
    }

    /// A declaration's documentation ends with the C symbol, and the version where the description
    /// gives one, after a blank line when there is text and without one when there is none.
    @Test func document() {
        #expect(Self.docs.document("Gets info.", cName: "virDomainGetInfo", since: "0.0.3").lines == [
            "Gets info.", "", "C symbol: `virDomainGetInfo`.", "Available since libvirt 0.0.3.",
        ])
        #expect(Self.docs.document("", cName: "virDomainGetInfo", since: nil).lines == ["C symbol: `virDomainGetInfo`."])
    }

    /// In the lowered package, documentation names the Swift `options` parameter rather than `flags`.
    @Test func generatedDocsNameSwiftParameters() throws {
        let doc = try Reference.function("virConnectListAllDomains").doc.lines
        #expect(doc.contains { $0.contains("`options`") })
        #expect(!doc.contains { $0.contains("@flags") || $0.contains("`flags`") })
        #expect(doc.contains("C symbol: `virConnectListAllDomains`."))
        #expect(doc.contains { $0.hasPrefix("Available since libvirt ") })
    }

    /// Documentation links C functions to their Swift declarations across the package.
    @Test func generatedDocsLinkSymbols() throws {
        let doc = try Reference.function("virDomainGetState").doc.lines.joined(separator: "\n")
        #expect(!doc.contains("%NULL"))
        let all = try Reference.package().modules.flatMap(\.files).flatMap(\.functions).flatMap(\.doc.lines)
        #expect(all.contains { $0.contains("`Domain.xmlDescription(options:)`") })
        #expect(!all.contains { $0.contains("virDomainGetXMLDesc()") })
    }
}

/// Return descriptions rewritten for Swift: no failure values on throwing declarations, nothing
/// about freeing, `true`/`false` for booleans.
@Suite("Swift return descriptions")
struct SwiftReturnsTextTests {
    /// Examples from libvirt 9.0.0, as C says them and as the Swift declaration does.
    @Test(arguments: [
        ("a 0 terminated UTF-8 encoded XML instance, or NULL in case of error. The caller must free() the returned value.",
         true, false, "a 0 terminated UTF-8 encoded XML instance."),
        ("the number of pools found, or -1 on error", true, false, "the number of pools found"),
        ("the hostname which must be freed by the caller, or NULL if there was an error.", true, false, "the hostname."),
        ("a `StoragePool` object, or NULL if no matching pool is found", true, false, "a `StoragePool` object"),
        ("1 if running, 0 if inactive, -1 on error", true, true, "`true` if running, `false` if inactive"),
        ("the domain or NULL.", true, false, "the domain."),
        ("-1 in case of error", true, false, nil),
    ] as [(String, Bool, Bool, String?)])
    func rewrite(c: String, throwing: Bool, boolean: Bool, swift: String?) {
        #expect(SwiftReturnsText.rewrite(c, failureIsSilent: throwing, boolean: boolean) == swift)
    }

    /// A declaration that cannot throw keeps what C says about failure (it can happen there).
    @Test func nonThrowingKeepsFailureValues() {
        #expect(SwiftReturnsText.rewrite("the volume key, or NULL on error", failureIsSilent: false, boolean: false)
                == "the volume key, or NULL on error")
    }

    /// Where Swift returns the list C counts into an array, the text names the list and drops
    /// the caveat about an array too small (the bindings grow it until the list fits); a count
    /// the Swift declaration returns keeps its words.
    @Test(arguments: [
        ("the number of names provided in the array or -1 in case of error. Note that this command is inherently "
            + "racy; a domain can be defined between a call to X and this call; you are only guaranteed that all "
            + "currently defined domains were listed if the return is less than @maxids.",
         "the names. Note that this command is inherently racy; a domain can be defined between a call to X and this call."),
        ("the number of capability names listed in @names, or -1 in case of error", "the capability names"),
        ("the number of domain snapshots found or -1 in case of error", "the domain snapshots"),
    ])
    func collection(c: String, swift: String) {
        #expect(SwiftReturnsText.rewrite(c, failureIsSilent: true, boolean: false, collection: true) == swift)
        #expect(SwiftReturnsText.rewrite(c, failureIsSilent: true, boolean: false)?.hasPrefix("the number of") == true)
    }

    /// Return values as libvirt 9.0.0 describes them, with success qualifiers, freeing and
    /// lifetime clauses, and a status that only says 0 means success.
    @Test(arguments: [
        ("XML description of the computed CPU (caller frees).", "XML description of the computed CPU."),
        ("the new string, the string must be freed by the caller.", "the new string."),
        ("the metadata string on success (caller must free).", "the metadata string."),
        ("a node device object if successful", "a node device object"),
        ("the number of nodes successfully adjusted or -1 in case of an error.", "the number of nodes successfully adjusted."),
        ("strings if success, NULL in failure.", "strings."),
        ("NULL if not found, a pointer to the domain otherwise", "the domain"),
        ("a pointer to the name or NULL, the string need not be deallocated its lifetime will be the same as the domain object.",
         "the name."),
        ("-1 in case of failure, 0 in case of success.", nil),
        ("0 in case of success, -1 in case of failure.", nil),
    ] as [(String, String?)])
    func returnValue(c: String, swift: String?) {
        #expect(SwiftReturnsText.rewrite(c, failureIsSilent: true, boolean: false) == swift)
    }

    /// Out-arguments' descriptions as the value Swift returns: no pointer, storage, allocation or
    /// count-only mode; nothing where only storage or a C type name is left.
    @Test(arguments: [
        ("pointer to a `Domain.Info` structure allocated by the user", "a `Domain.Info` structure"),
        ("pointer to variable to store the array containing snapshot objects or NULL if the list is not required "
            + "(just returns number of snapshots)", "snapshot objects"),
        ("Pointer to a variable to store the array containing the network filter objects or NULL if the list is not "
            + "required (just returns number of network filters).", "the network filter objects"),
        ("pointer to a list of typed parameters which will be allocated to store all returned parameters", "typed parameters"),
        ("pointer to pointer of interface parameter objects", "interface parameter objects"),
        ("pointer to an array of pointers pointing to interface objects", "interface objects"),
        ("pointer to an array to be filled with FDs", "FDs"),
        ("pointer to client limits object (return value, allocated automatically)", "client limits object"),
        ("pointer to a variable to store a string containing all currently defined logging outputs on daemon "
            + "(allocated automatically) or NULL if just the number of defined outputs is required",
         "all currently defined logging outputs on daemon"),
        ("pointer to an array of `Domain.IOThreadInfo` structures (OUT)", "`Domain.IOThreadInfo` structures"),
        ("returns the libvirt library version used on the connection (OUT)", "the libvirt library version used on the connection"),
        ("return value for the version of the running hypervisor (OUT)", "the version of the running hypervisor"),
        ("Pointer to a variable to store the NULL-terminated array of the CPU models supported for the specified "
            + "architecture. Pass NULL if only the list length is needed.",
         "the CPU models supported for the specified architecture"),
        ("pointer that will be filled with an array of typed parameters", "typed parameters"),
        ("pointer at which to store info", nil),
        ("pointer to a VIR_UUID_BUFLEN bytes array", nil),
        ("pointer to the array of unsigned long long", nil),
        ("pass NULL; for historical purposes duplicates @libVer if non-NULL", nil),
        ("returned state of the domain (one of virDomainState); it is allowed to be NULL", "returned state of the domain (one of virDomainState)"),
    ] as [(String, String?)])
    func outputValue(c: String, swift: String?) {
        #expect(SwiftReturnsText.outputValue(c) == swift)
    }

    /// No `- Returns:` line of the reference bindings speaks of pointers, allocation, freeing,
    /// NULL or the direction of an argument.
    @Test func referenceReturnsSpeakSwift() throws {
        let docs = try Reference.package().modules.flatMap(\.files).flatMap(\.functions).flatMap(\.doc.lines)
        let returns = docs.filter { $0.hasPrefix("- Returns:") }
        #expect(returns.count > 150)
        let cWords = ["pointer", "allocated", "freed", "freeing", "frees", "NULL", "(OUT)", "in case of success"]
        #expect(returns.filter { line in cWords.contains { line.range(of: $0, options: .caseInsensitive) != nil } } == [])
    }

    /// A result Swift makes optional names `nil` where C names its failure value.
    @Test func optionalResultSaysNil() {
        #expect(SwiftReturnsText.rewrite(
            "the domain ID number or (unsigned int) -1 in case of error", failureIsSilent: false, optional: true, boolean: false)
            == "the domain ID number or `nil` in case of error")
        #expect(SwiftReturnsText.rewrite(
            "the name of the device's parent, or NULL if an error occurred or when the device has no parent.",
            failureIsSilent: false, optional: true, boolean: false)
            == "the name of the device's parent, or `nil` if an error occurred or when the device has no parent.")
    }

    /// `on success, -1 otherwise` is a failure value too.
    @Test func successOtherwise() {
        #expect(SwiftReturnsText.rewrite("the number of thawed filesystems on success, -1 otherwise.", failureIsSilent: true, boolean: false)
                == "the number of thawed filesystems.")
    }
}

/// Option-set parameters are described as sets of options, not C bitmasks.
@Suite("Options parameter descriptions")
struct OptionsParameterTextTests {
    /// libvirt's wordings, as the Swift parameter says them.
    @Test(arguments: [
        ("bitwise-OR of `Domain.ModificationImpact`", "any combination of `Domain.ModificationImpact`"),
        ("bitwise-OR of supported `DomainSnapshot.ListOptions`", "any combination of `DomainSnapshot.ListOptions`"),
        ("optional flags; bitwise-OR of supported `Domain.FDAssociateOptions`",
         "any combination of `Domain.FDAssociateOptions`"),
        ("bitwise OR of `A` and `B`", "any combination of `A` and `B`"),
        ("extra flags; not used yet", "extra flags; not used yet"),
    ])
    func rewrite(c: String, swift: String) {
        #expect(OptionsParameterText.rewrite(c) == swift)
    }

    /// No option-set parameter of the reference bindings speaks of a bitwise OR.
    @Test func referenceHasNoBitmaskWording() throws {
        let parameters = try Reference.package().modules.flatMap(\.files).flatMap(\.functions).flatMap(\.parameters)
        let options = parameters.filter { $0.label == "options" }
        #expect(!options.isEmpty)
        #expect(options.allSatisfy { $0.doc.range(of: "bitwise", options: .caseInsensitive) == nil })
    }

    /// A description's `a bitwise-or of values from`, wrapped or not, reads as a combination.
    @Test func rewriteDescription() {
        #expect(OptionsParameterText.rewriteDescription(
            "should be either VIR_DOMAIN_AFFECT_CURRENT, or a bitwise-or of\nvalues from VIR_DOMAIN_AFFECT_LIVE")
            == "should be either VIR_DOMAIN_AFFECT_CURRENT, or a combination of\nvalues from VIR_DOMAIN_AFFECT_LIVE")
        #expect(OptionsParameterText.rewriteDescription("no mask here") == "no mask here")
    }

    /// No function description of the reference bindings speaks of a bitwise OR.
    @Test func referenceDescriptionsHaveNoBitmaskWording() throws {
        let docs = try Reference.package().modules.flatMap(\.files).flatMap(\.functions).flatMap(\.doc.lines)
        #expect(docs.filter { $0.range(of: "bitwise", options: .caseInsensitive) != nil } == [])
    }
}

/// Descriptions without the C caller's memory management: Swift frees what the bindings return.
@Suite("Swift descriptions")
struct SwiftDescriptionTextTests {
    /// A paragraph that only tells the caller to free goes with its blank line; a freeing sentence
    /// inside a paragraph goes, the rest keeps its line breaks; a freeing clause goes.
    @Test func dropsFreeing() {
        #expect(SwiftDescriptionText.rewrite(
            "Try to find a domain.\n\nvirDomainFree should be used to free the resources after the\ndomain object is no longer needed.")
            == "Try to find a domain.")
        #expect(SwiftDescriptionText.rewrite(
            "On return @params will be allocated, and @nparams will be updated to say\nhow many parameters are present. "
                + "@params should be freed by the caller\non success.\n\nNext.")
            == "On return @params will be allocated, and @nparams will be updated to say\nhow many parameters are present.\n\nNext.")
        #expect(SwiftDescriptionText.rewrite(
            "This API requires the VM to run. The caller is responsible for calling\nvirTypedParamsFree to free memory returned in @params.")
            == "This API requires the VM to run.")
        #expect(SwiftDescriptionText.rewrite("@result will be filled with the output of the\n@cmd, and the caller must free this string.")
            == "@result will be filled with the output of the\n@cmd.")
    }

    /// Text without freeing, indented lists and C code examples come out unchanged.
    @Test func keepsTheRest() {
        let text = "Lists things:\n  - first. Second.\n\n  for (i = 0; i < n; i++)\n      free(names[i]);\n  free(names);"
        #expect(SwiftDescriptionText.rewrite(text) == text)
    }

    /// No function description of the reference bindings tells the caller to free.
    @Test func referenceDescriptionsDoNotFree() throws {
        let docs = try Reference.package().modules.flatMap(\.files).flatMap(\.functions).flatMap(\.doc.lines)
        let phrases = ["should be used to free", "should be freed by the caller", "must free", "to free memory"]
        #expect(docs.filter { line in phrases.contains { line.contains($0) } } == [])
    }
}
