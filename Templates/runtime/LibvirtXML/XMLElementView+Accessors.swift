/// The accessors generated properties are written with: each reads from and writes to `xml`,
/// leaving everything else in it as it was.
///
/// Each is compiled once, generic, and called as it is: never specialized for a view or value
/// type, nor inlined. An optimized build would otherwise copy each of them for every view and
/// value type its properties use, thousands of copies that made the optimizer the bulk of a
/// release build of this module (90 s of 170 s; 54 s of 121 s without them, on two cores). A
/// property access makes one unspecialized generic call; parsing and writing do not use these.
extension XMLElementView {
    /// The attribute `name` read as a value (nil when missing or not spelling one).
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func attribute<Value: XMLValue>(_ name: String) -> Value? {
        xml.attribute(name).flatMap(Value.init(xmlText:))
    }

    /// Sets or (with nil) removes the attribute `name`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setAttribute<Value: XMLValue>(_ name: String, _ value: Value?) {
        xml.setAttribute(name, value?.xmlText)
    }

    /// The attribute `name` read as a boolean spelled `spelling`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func boolean(attribute name: String, _ spelling: XMLBooleanSpelling) -> Bool? {
        xml.attribute(name).flatMap { spelling.value(of: $0) }
    }

    /// Sets or (with nil) removes the boolean attribute `name`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setBoolean(attribute name: String, _ value: Bool?, _ spelling: XMLBooleanSpelling) {
        xml.setAttribute(name, value.map(spelling.word))
    }

    /// The element's own text read as a value.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func text<Value: XMLValue>() -> Value? {
        Value(xmlText: xml.text)
    }

    /// Replaces the element's text (keeping its child elements), or removes it with nil.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setText<Value: XMLValue>(_ value: Value?) {
        xml.children.removeAll { if case .text = $0 { true } else if case .cdata = $0 { true } else { false } }
        if let value { xml.children.insert(.text(value.xmlText), at: 0) }
    }

    /// The element's own text read as a boolean spelled `spelling`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func booleanText(_ spelling: XMLBooleanSpelling) -> Bool? {
        spelling.value(of: xml.text)
    }

    /// Replaces the element's boolean text, or removes it with nil.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setBooleanText(_ value: Bool?, _ spelling: XMLBooleanSpelling) {
        setText(value.map(spelling.word))
    }

    /// The text of the first child element `name` read as a value.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func value<Value: XMLValue>(child name: String) -> Value? {
        xml.firstElement(named: name).flatMap { Value(xmlText: $0.text) }
    }

    /// Sets the text of the first child element `name` (adding it where the schema places it), or
    /// removes that element with nil.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setValue<Value: XMLValue>(child name: String, _ value: Value?) {
        var elements = xml.elements(named: name)
        if let value {
            if elements.isEmpty { elements = [RawXMLElement(name: name)] }
            elements[0].setText(value.xmlText)
        } else if !elements.isEmpty {
            elements.removeFirst()
        }
        xml.replaceElements(named: name, with: elements, order: Self.schema.order)
    }

    /// The text of the first child element `name` read as a boolean spelled `spelling`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func boolean(child name: String, _ spelling: XMLBooleanSpelling) -> Bool? {
        xml.firstElement(named: name).flatMap { spelling.value(of: $0.text) }
    }

    /// Sets or (with nil) removes the boolean child element `name`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setBoolean(child name: String, _ value: Bool?, _ spelling: XMLBooleanSpelling) {
        setValue(child: name, value.map(spelling.word))
    }

    /// The texts of the child elements `name` read as values (those that spell one).
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func values<Value: XMLValue>(children name: String) -> [Value] {
        xml.elements(named: name).compactMap { Value(xmlText: $0.text) }
    }

    /// Replaces the child elements `name` with one per value.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setValues<Value: XMLValue>(children name: String, _ values: [Value]) {
        xml.replaceElements(
            named: name, with: values.map { RawXMLElement(name: name, children: [.text($0.xmlText)]) }, order: Self.schema.order)
    }

    /// Whether the child element `name` is there.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func flag(child name: String) -> Bool {
        xml.firstElement(named: name) != nil
    }

    /// Adds (empty, where the schema places it) or removes the child element `name`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setFlag(child name: String, _ value: Bool) {
        guard value != flag(child: name) else { return }
        xml.replaceElements(named: name, with: value ? [RawXMLElement(name: name)] : [], order: Self.schema.order)
    }

    /// A view of the first child element `name`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func view<View: XMLElementView>(child name: String) -> View? {
        xml.firstElement(named: name).map(View.init(xml:))
    }

    /// Replaces (or adds, where the schema places it) the first child element `name` with the
    /// view's element, or removes it with nil.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setView<View: XMLElementView>(child name: String, _ view: View?) {
        var others = xml.elements(named: name).dropFirst().map { $0 }
        if var element = view?.xml {
            element.name = name
            others.insert(element, at: 0)
        }
        xml.replaceElements(named: name, with: others, order: Self.schema.order)
    }

    /// Sets the element's variant: its selecting attribute to the value, and what the variants
    /// model to what the element holds of it; with nil, removes both.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setVariant(_ variant: (value: String, element: RawXMLElement)?) {
        guard let variants = Self.schema.variants else { return }
        xml.setAttribute(variants.attribute, variant?.value)
        xml.attributes.removeAll { variants.attributes.contains($0.name) }
        xml.attributes += variant?.element.attributes.filter { variants.attributes.contains($0.name) } ?? []
        for name in Self.schema.order where variants.children.contains(name) {
            xml.replaceElements(named: name, with: variant?.element.elements(named: name) ?? [], order: Self.schema.order)
        }
    }

    /// Views of the child elements `name`.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    func views<View: XMLElementView>(children name: String) -> [View] {
        xml.elements(named: name).map(View.init(xml:))
    }

    /// Replaces the child elements `name` with the views' elements.
    @_semantics("optimize.sil.specialize.generic.never") @inline(never)
    mutating func setViews<View: XMLElementView>(children name: String, _ views: [View]) {
        xml.replaceElements(named: name, with: views.map { view in
            var element = view.xml
            element.name = name
            return element
        }, order: Self.schema.order)
    }
}

extension XMLBooleanSpelling {
    /// The boolean `text` spells, or nil.
    func value(of text: String) -> Bool? {
        switch text {
        case words.true: true
        case words.false: false
        default: nil
        }
    }

    /// The word for `value`.
    func word(_ value: Bool) -> String {
        value ? words.true : words.false
    }
}
