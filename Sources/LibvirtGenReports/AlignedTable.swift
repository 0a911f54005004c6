/// Text tables for the CLI's reports (`coverage`, `schemas`).
public enum AlignedTable {
    /// Rows as columns padded to their widest cell: the first `textColumns` left-aligned, the
    /// rest (numbers) right-aligned.
    public static func lines(_ rows: [[String]], textColumns: Int) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = first.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i < textColumns ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }
}
