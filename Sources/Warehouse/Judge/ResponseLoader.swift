extension Warehouse {
    /// The stored responses of one run, in file order, with their instruction and sample.
    func storedResponses(run: Int) throws -> [StoredResponse] {
        let s = try db.statement("""
            SELECT r.response_id, r.item_index, r.ordinal, v.key, i.slot, r.kind, r.text,
                   i.prefix, i.suffix, i.wrap, i.json_key, i.separator, i.subtask_order,
                   s.reference, s.emotion, s.gender, s.task_field
            FROM response r
            JOIN instruction i USING (instruction_id)
            JOIN variant v USING (variant_id)
            JOIN sample s ON s.sample_id = i.sample_id
            WHERE r.run_id = ?
            ORDER BY r.item_index, r.ordinal
            """).bind([.integer(Int64(run))])
        var out: [StoredResponse] = []
        while try s.step() {
            out.append(StoredResponse(
                responseID: s.int(0), itemIndex: s.int(1), ordinal: s.int(2), variantKey: s.string(3) ?? "", slot: s.string(4) ?? "",
                kind: s.string(5) ?? "", text: s.string(6), prefix: s.string(7), suffix: s.string(8), wrap: s.string(9),
                jsonKey: s.string(10), separator: s.string(11), subtaskOrder: s.string(12), reference: s.string(13) ?? "",
                emotion: s.string(14), gender: s.string(15), taskField: s.string(16)))
        }
        return out
    }
}
