#include "JsonLogicTrace.h"

#include "core/jsonlogic/JsonLogicProgram.h"

namespace backscreen::core {

JsonLogicTrace::JsonLogicTrace()
{
    // Room for a large screening rule, so tracing one does not grow the vectors step by step.
    m_records.reserve(128);
    m_frames.reserve(128);
}

JsonLogicTrace::~JsonLogicTrace() = default;

void JsonLogicTrace::clear()
{
    m_records.clear();
    m_frames.clear();
}

void JsonLogicTrace::start(std::shared_ptr<const JsonLogicProgram> program)
{
    clear();
    m_program = std::move(program);
}

JsonLogicRead JsonLogicTrace::materialize(const Record& record) const
{
    JsonLogicRead read;
    const JsonLogicNode& node = m_program->nodes[record.node];
    read.path = pathOf(record);
    read.pointer = node.pointer;
    if (!record.value.isUndefined()) {
        read.value = record.value.toJson();
    }
    read.onDecidingPath = record.onPath;
    if (record.frame >= 0) {
        const Frame& frame = m_frames[static_cast<std::size_t>(record.frame)];
        read.hasPredicate = true;
        read.predicatePointer = m_program->nodes[frame.node].pointer;
        read.predicateTruthy = frame.truthy;
    }
    read.decisive = isDecisive(record);
    return read;
}

std::vector<JsonLogicRead> JsonLogicTrace::reads() const
{
    std::vector<JsonLogicRead> result;
    result.reserve(m_records.size());
    for (const Record& record : m_records) {
        result.push_back(materialize(record));
    }
    return result;
}

std::vector<JsonLogicRead> JsonLogicTrace::decisiveReads() const
{
    // Decided from the record before materializing it, so the reads left out cost no strings or values.
    std::vector<JsonLogicRead> result;
    for (const Record& record : m_records) {
        if (isDecisive(record)) {
            result.push_back(materialize(record));
        }
    }
    return result;
}

bool JsonLogicTrace::isDecisive(const Record& record) const
{
    // As materialize: on the deciding path and under a truthy predicate (or none).
    return record.onPath && (record.frame < 0 || m_frames[static_cast<std::size_t>(record.frame)].truthy);
}

std::string JsonLogicTrace::pathOf(const Record& record) const
{
    if (record.hasComputedPath) {
        return record.computedPath.isUndefined() || record.computedPath.isNull() ? std::string()
                                                                                 : record.computedPath.toString();
    }
    return m_program->nodes[record.node].path;
}

std::string_view JsonLogicTrace::pathView(const Record& record, std::string& computed) const
{
    if (record.hasComputedPath) {
        computed = pathOf(record);
        return computed;
    }
    return m_program->nodes[record.node].path;
}

JsonValue JsonLogicTrace::toJson() const
{
    JsonValue::Array entries;
    for (const JsonLogicRead& read : reads()) {
        JsonValue::Object entry;
        entry.emplace_back("path", JsonValue(read.path));
        if (read.value) {
            entry.emplace_back("value", *read.value);
        } else {
            entry.emplace_back("absent", JsonValue(true));
        }
        entry.emplace_back("pointer", JsonValue(read.pointer));
        entry.emplace_back("onDecidingPath", JsonValue(read.onDecidingPath));
        entry.emplace_back("decisive", JsonValue(read.decisive));
        if (read.hasPredicate) {
            entry.emplace_back("predicate", JsonValue(read.predicatePointer));
            entry.emplace_back("predicateTruthy", JsonValue(read.predicateTruthy));
        }
        entries.emplace_back(std::move(entry));
    }
    return JsonValue(JsonValue::Object{{"reads", JsonValue(std::move(entries))}});
}

} // namespace backscreen::core
