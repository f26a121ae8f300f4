#include "QuestionnaireValidator.h"

#include "core/json/JsonPointer.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace backscreen::core {

namespace {

bool contains(const std::vector<FhirValueKind>& kinds, FhirValueKind kind)
{
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

void addNumericPartner(std::vector<FhirValueKind>& kinds)
{
    if (contains(kinds, FhirValueKind::Integer) && !contains(kinds, FhirValueKind::Decimal)) {
        kinds.push_back(FhirValueKind::Decimal);
    } else if (contains(kinds, FhirValueKind::Decimal) && !contains(kinds, FhirValueKind::Integer)) {
        kinds.push_back(FhirValueKind::Integer);
    }
}

std::string kindList(const std::vector<FhirValueKind>& kinds, const char* prefix)
{
    std::string text;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) {
            text += i + 1 == kinds.size() ? " or " : ", ";
        }
        text += std::string(prefix) + fhirValueKindName(kinds[i]);
    }
    return text.empty() ? std::string("none") : text;
}

bool isIdentifierName(const std::string& name)
{
    if (name.empty() || name.size() > 255 || name.front() < 'A' || name.front() > 'Z') {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

class Checker
{
public:
    Checker(const Questionnaire& questionnaire, const std::string& source)
        : m_questionnaire(questionnaire)
        , m_source(source)
    {}

    std::vector<Diagnostic> run()
    {
        if (!m_questionnaire.name.empty() && !isIdentifierName(m_questionnaire.name)) {
            add(ErrorCode::FhirNameNotIdentifier,
                Severity::Warning,
                JsonPointer::appendKey(m_questionnaire.pointer, "name"),
                {},
                "que-0: name \"" + m_questionnaire.name
                    + "\" is not usable as an identifier; expected an upper-case letter followed by letters, "
                      "digits or _");
        }
        std::unordered_map<std::string, std::size_t> seen;
        const auto& items = m_questionnaire.items();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const QuestionnaireItem& item = items[i];
            if (!item.linkId.empty()) {
                auto [first, inserted] = seen.emplace(item.linkId, i);
                if (!inserted) {
                    add(ErrorCode::FhirDuplicateLinkId,
                        Severity::Error,
                        JsonPointer::appendKey(item.pointer, "linkId"),
                        item.subject(),
                        "que-2: linkId \"" + item.linkId + "\" is already used by the item at "
                            + items[first->second].pointer + "; expected each linkId once");
                }
            }
            checkInvariants(item);
            checkEnableWhen(i);
            checkValueTypes(item);
        }
        checkCycles();
        return std::move(m_diagnostics);
    }

private:
    void add(ErrorCode code, Severity severity, std::string pointer, std::string subject, std::string message)
    {
        m_diagnostics.push_back({code, severity, m_source, std::move(pointer), std::move(subject), std::move(message)});
    }

    bool has(const QuestionnaireItem& item, std::string_view key) const { return item.json.find(key) != nullptr; }

    bool hasNonEmpty(const QuestionnaireItem& item, std::string_view key) const
    {
        const JsonValue* member = item.json.find(key);
        return member != nullptr && !(member->isArray() && member->size() == 0);
    }

    void checkInvariants(const QuestionnaireItem& item)
    {
        const std::string subject = item.subject();
        const std::string& p = item.pointer;
        bool display = item.type == ItemType::Display;
        if (item.type == ItemType::Group && item.children.empty()) {
            add(ErrorCode::FhirGroupWithoutItems,
                Severity::Error,
                p,
                subject,
                "que-1: a group item has no nested items; expected at least one");
        }
        if (display && hasNonEmpty(item, "item")) {
            add(ErrorCode::FhirDisplayWithItems,
                Severity::Error,
                JsonPointer::appendKey(p, "item"),
                subject,
                "que-1: a display item has nested items; expected none");
        }
        if (display && hasNonEmpty(item, "code")) {
            add(ErrorCode::FhirDisplayWithCode,
                Severity::Error,
                JsonPointer::appendKey(p, "code"),
                subject,
                "que-3: a display item has a code; expected none");
        }
        bool hasOptions = hasNonEmpty(item, "answerOption");
        bool hasValueSet = has(item, "answerValueSet");
        if (hasOptions && hasValueSet) {
            add(ErrorCode::FhirOptionsAndValueSet,
                Severity::Error,
                JsonPointer::appendKey(p, "answerValueSet"),
                subject,
                "que-4: the item has both answerOption and answerValueSet; expected one of them");
        }
        static const std::vector<ItemType> optionTypes = {ItemType::Choice,
                                                          ItemType::OpenChoice,
                                                          ItemType::Decimal,
                                                          ItemType::Integer,
                                                          ItemType::Date,
                                                          ItemType::Time,
                                                          ItemType::String,
                                                          ItemType::Quantity};
        if ((hasOptions || hasValueSet) && item.type != ItemType::Unknown
            && std::find(optionTypes.begin(), optionTypes.end(), item.type) == optionTypes.end()) {
            add(ErrorCode::FhirOptionsNotAllowed,
                Severity::Error,
                JsonPointer::appendKey(p, hasOptions ? "answerOption" : "answerValueSet"),
                subject,
                std::string("que-5: a ") + itemTypeName(item.type)
                    + " item has answer choices; expected them only on choice, open-choice, decimal, integer, "
                      "date, time, string and quantity items");
        }
        if (display && (has(item, "required") || has(item, "repeats"))) {
            add(ErrorCode::FhirDisplayRequiredOrRepeats,
                Severity::Error,
                JsonPointer::appendKey(p, has(item, "required") ? "required" : "repeats"),
                subject,
                "que-6: a display item has required or repeats; expected neither");
        }
        for (const EnableWhenCondition& condition : item.enableWhen) {
            if (condition.op == EnableWhenOperator::Exists && condition.answerKind
                && *condition.answerKind != FhirValueKind::Boolean) {
                add(ErrorCode::FhirExistsNeedsBoolean,
                    Severity::Error,
                    condition.pointer,
                    subject,
                    std::string("que-7: enableWhen with operator exists has answer")
                        + fhirValueKindName(*condition.answerKind) + "; expected answerBoolean");
            }
        }
        if ((item.type == ItemType::Group || display) && hasNonEmpty(item, "initial")) {
            add(ErrorCode::FhirInitialNotAllowed,
                Severity::Error,
                JsonPointer::appendKey(p, "initial"),
                subject,
                std::string("que-8: a ") + itemTypeName(item.type) + " item has an initial value; expected none");
        }
        if (display && has(item, "readOnly")) {
            add(ErrorCode::FhirDisplayReadOnly,
                Severity::Error,
                JsonPointer::appendKey(p, "readOnly"),
                subject,
                "que-9: a display item has readOnly; expected none");
        }
        static const std::vector<ItemType> lengthTypes = {ItemType::Boolean,
                                                          ItemType::Decimal,
                                                          ItemType::Integer,
                                                          ItemType::String,
                                                          ItemType::Text,
                                                          ItemType::Url,
                                                          ItemType::OpenChoice};
        if (has(item, "maxLength") && item.type != ItemType::Unknown
            && std::find(lengthTypes.begin(), lengthTypes.end(), item.type) == lengthTypes.end()) {
            add(ErrorCode::FhirMaxLengthNotAllowed,
                Severity::Error,
                JsonPointer::appendKey(p, "maxLength"),
                subject,
                std::string("que-10: a ") + itemTypeName(item.type)
                    + " item has maxLength; expected it only on boolean, decimal, integer, string, text, url and "
                      "open-choice items");
        }
        if (hasOptions && hasNonEmpty(item, "initial")) {
            add(ErrorCode::FhirOptionsWithInitial,
                Severity::Error,
                JsonPointer::appendKey(p, "initial"),
                subject,
                "que-11: the item has both answerOption and initial; expected answerOption.initialSelected instead");
        }
        if (item.enableWhen.size() > 1 && item.enableBehavior == EnableBehavior::Unspecified) {
            add(ErrorCode::FhirEnableBehaviorMissing,
                Severity::Error,
                p,
                subject,
                "que-12: the item has " + std::to_string(item.enableWhen.size())
                    + " enableWhen conditions but no enableBehavior; expected all or any");
        }
        if (!item.repeats && item.initialKinds.size() > 1) {
            add(ErrorCode::FhirMultipleInitial,
                Severity::Error,
                JsonPointer::appendKey(p, "initial"),
                subject,
                "que-13: a non-repeating item has " + std::to_string(item.initialKinds.size())
                    + " initial values; expected at most one");
        }
    }

    bool isDescendant(std::size_t candidate, std::size_t ancestor) const
    {
        const auto& items = m_questionnaire.items();
        for (std::size_t at = items[candidate].parent; at != QuestionnaireItem::npos; at = items[at].parent) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    void checkEnableWhen(std::size_t index)
    {
        const QuestionnaireItem& item = m_questionnaire.items()[index];
        const std::string subject = item.subject();
        for (const EnableWhenCondition& condition : item.enableWhen) {
            std::string questionPointer = JsonPointer::appendKey(condition.pointer, "question");
            if (condition.question.empty()) {
                continue; // the parser reported the missing question
            }
            if (condition.target == QuestionnaireItem::npos) {
                add(ErrorCode::FhirEnableWhenUnknownItem,
                    Severity::Error,
                    questionPointer,
                    subject,
                    "enableWhen refers to \"" + condition.question
                        + "\", which no item has as linkId; expected the linkId of an earlier question");
                continue;
            }
            const QuestionnaireItem& target = m_questionnaire.items()[condition.target];
            if (condition.target == index) {
                add(ErrorCode::FhirEnableWhenSelf,
                    Severity::Error,
                    questionPointer,
                    subject,
                    "enableWhen refers to the item itself; expected another, earlier question");
                continue;
            }
            if (!isAnswerable(target.type)) {
                add(ErrorCode::FhirEnableWhenNotAnswerable,
                    Severity::Error,
                    questionPointer,
                    subject,
                    "enableWhen refers to \"" + condition.question + "\", a " + itemTypeName(target.type)
                        + " item that takes no answer; expected a question");
                continue;
            }
            if (condition.target > index && !isDescendant(condition.target, index)) {
                add(ErrorCode::FhirEnableWhenLaterItem,
                    Severity::Warning,
                    questionPointer,
                    subject,
                    "enableWhen refers to \"" + condition.question
                        + "\", which comes later in the form; expected an earlier question so that answers flow "
                          "forward");
            }
            if (!condition.answerKind || condition.op == EnableWhenOperator::Exists) {
                continue;
            }
            std::vector<FhirValueKind> kinds = QuestionnaireValidator::enableWhenKindsFor(target);
            if (!contains(kinds, *condition.answerKind)) {
                add(ErrorCode::FhirEnableWhenTypeMismatch,
                    Severity::Warning,
                    JsonPointer::appendKey(condition.pointer,
                                           std::string("answer") + fhirValueKindName(*condition.answerKind)),
                    subject,
                    std::string("enableWhen compares the ") + itemTypeName(target.type) + " item \""
                        + condition.question + "\" with answer" + fhirValueKindName(*condition.answerKind)
                        + ", so the condition can never be true; expected " + kindList(kinds, "answer"));
            }
        }
    }

    void checkValueTypes(const QuestionnaireItem& item)
    {
        if (!isAnswerable(item.type)) {
            return;
        }
        const std::string subject = item.subject();
        std::vector<FhirValueKind> accepted = QuestionnaireValidator::acceptedAnswerKinds(item);
        std::string initialPointer = JsonPointer::appendKey(item.pointer, "initial");
        for (std::size_t i = 0; i < item.initialKinds.size(); ++i) {
            FhirValueKind kind = item.initialKinds[i];
            if (!contains(accepted, kind)) {
                add(ErrorCode::FhirInitialTypeMismatch,
                    Severity::Error,
                    JsonPointer::appendKey(JsonPointer::appendIndex(initialPointer, i),
                                           std::string("value") + fhirValueKindName(kind)),
                    subject,
                    std::string("a ") + itemTypeName(item.type) + " item has an initial value" + fhirValueKindName(kind)
                        + "; expected " + kindList(accepted, "value"));
            }
        }
        if (item.type == ItemType::Choice || item.type == ItemType::OpenChoice) {
            return;
        }
        std::vector<FhirValueKind> own = answerKindsFor(item.type);
        addNumericPartner(own);
        for (const AnswerOption& option : item.answerOptions) {
            if (!contains(own, option.value.kind())) {
                add(ErrorCode::FhirOptionTypeMismatch,
                    Severity::Error,
                    JsonPointer::appendKey(option.pointer, option.value.memberName("value")),
                    subject,
                    std::string("a ") + itemTypeName(item.type) + " item has an answerOption value"
                        + fhirValueKindName(option.value.kind()) + "; expected " + kindList(own, "value"));
            }
        }
    }

    // Enabledness flows along parent links and enableWhen targets; a cycle would make it undefined.
    void checkCycles()
    {
        const auto& items = m_questionnaire.items();
        enum class Mark : unsigned char
        {
            New,
            Active,
            Done,
        };
        std::vector<Mark> marks(items.size(), Mark::New);
        auto dependencies = [&](std::size_t index) {
            std::vector<std::size_t> targets;
            if (items[index].parent != QuestionnaireItem::npos) {
                targets.push_back(items[index].parent);
            }
            for (const EnableWhenCondition& condition : items[index].enableWhen) {
                if (condition.target != QuestionnaireItem::npos && condition.target != index) {
                    targets.push_back(condition.target);
                }
            }
            return targets;
        };
        for (std::size_t start = 0; start < items.size(); ++start) {
            if (marks[start] != Mark::New) {
                continue;
            }
            // Iterative depth-first search, so a long chain cannot overflow the stack.
            std::vector<std::pair<std::size_t, std::vector<std::size_t>>> stack;
            stack.emplace_back(start, dependencies(start));
            marks[start] = Mark::Active;
            while (!stack.empty()) {
                auto& [node, pending] = stack.back();
                if (pending.empty()) {
                    marks[node] = Mark::Done;
                    stack.pop_back();
                    continue;
                }
                std::size_t next = pending.back();
                pending.pop_back();
                if (marks[next] == Mark::Active) {
                    const QuestionnaireItem& item = items[node];
                    add(ErrorCode::FhirEnableWhenCycle,
                        Severity::Error,
                        JsonPointer::appendKey(item.pointer, "enableWhen"),
                        item.subject(),
                        "enableWhen makes the item depend on \"" + items[next].linkId
                            + "\", which depends on it in turn; expected conditions without a cycle");
                } else if (marks[next] == Mark::New) {
                    marks[next] = Mark::Active;
                    auto nextDependencies = dependencies(next);
                    stack.emplace_back(next, std::move(nextDependencies));
                }
            }
        }
    }

    const Questionnaire& m_questionnaire;
    const std::string& m_source;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace

std::vector<Diagnostic> QuestionnaireValidator::validate(const Questionnaire& questionnaire, const std::string& source)
{
    return Checker(questionnaire, source).run();
}

std::vector<FhirValueKind> QuestionnaireValidator::acceptedAnswerKinds(const QuestionnaireItem& item)
{
    std::vector<FhirValueKind> kinds;
    if ((item.type == ItemType::Choice || item.type == ItemType::OpenChoice) && !item.answerOptions.empty()) {
        for (const AnswerOption& option : item.answerOptions) {
            if (!contains(kinds, option.value.kind())) {
                kinds.push_back(option.value.kind());
            }
        }
        if (item.type == ItemType::OpenChoice && !contains(kinds, FhirValueKind::String)) {
            kinds.push_back(FhirValueKind::String);
        }
        return kinds;
    }
    return answerKindsFor(item.type);
}

std::vector<FhirValueKind> QuestionnaireValidator::enableWhenKindsFor(const QuestionnaireItem& target)
{
    std::vector<FhirValueKind> kinds = acceptedAnswerKinds(target);
    addNumericPartner(kinds);
    return kinds;
}

} // namespace backscreen::core
