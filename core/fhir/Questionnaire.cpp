#include "Questionnaire.h"

#include <array>
#include <utility>

namespace backscreen::core {

namespace {

struct TypeName
{
    ItemType type;
    const char* code;
};

constexpr std::array<TypeName, 16> typeNames = {{
    {ItemType::Group, "group"},
    {ItemType::Display, "display"},
    {ItemType::Boolean, "boolean"},
    {ItemType::Decimal, "decimal"},
    {ItemType::Integer, "integer"},
    {ItemType::Date, "date"},
    {ItemType::DateTime, "dateTime"},
    {ItemType::Time, "time"},
    {ItemType::String, "string"},
    {ItemType::Text, "text"},
    {ItemType::Url, "url"},
    {ItemType::Choice, "choice"},
    {ItemType::OpenChoice, "open-choice"},
    {ItemType::Attachment, "attachment"},
    {ItemType::Reference, "reference"},
    {ItemType::Quantity, "quantity"},
}};

} // namespace

const char* itemTypeName(ItemType type)
{
    for (const auto& entry : typeNames) {
        if (entry.type == type) {
            return entry.code;
        }
    }
    return "unknown";
}

std::optional<ItemType> itemTypeFromName(std::string_view code)
{
    for (const auto& entry : typeNames) {
        if (code == entry.code) {
            return entry.type;
        }
    }
    return std::nullopt;
}

bool isAnswerable(ItemType type)
{
    return type != ItemType::Group && type != ItemType::Display && type != ItemType::Unknown;
}

std::vector<FhirValueKind> answerKindsFor(ItemType type)
{
    switch (type) {
    case ItemType::Boolean:
        return {FhirValueKind::Boolean};
    case ItemType::Decimal:
        return {FhirValueKind::Decimal};
    case ItemType::Integer:
        return {FhirValueKind::Integer};
    case ItemType::Date:
        return {FhirValueKind::Date};
    case ItemType::DateTime:
        return {FhirValueKind::DateTime};
    case ItemType::Time:
        return {FhirValueKind::Time};
    case ItemType::String:
    case ItemType::Text:
        return {FhirValueKind::String};
    case ItemType::Url:
        return {FhirValueKind::Uri};
    case ItemType::Choice:
        return {FhirValueKind::Coding};
    case ItemType::OpenChoice:
        return {FhirValueKind::Coding, FhirValueKind::String};
    case ItemType::Attachment:
        return {FhirValueKind::Attachment};
    case ItemType::Reference:
        return {FhirValueKind::Reference};
    case ItemType::Quantity:
        return {FhirValueKind::Quantity};
    case ItemType::Group:
    case ItemType::Display:
    case ItemType::Unknown:
        return {};
    }
    return {};
}

const char* enableWhenOperatorName(EnableWhenOperator op)
{
    switch (op) {
    case EnableWhenOperator::Exists:
        return "exists";
    case EnableWhenOperator::Equal:
        return "=";
    case EnableWhenOperator::NotEqual:
        return "!=";
    case EnableWhenOperator::Greater:
        return ">";
    case EnableWhenOperator::Less:
        return "<";
    case EnableWhenOperator::GreaterOrEqual:
        return ">=";
    case EnableWhenOperator::LessOrEqual:
        return "<=";
    }
    return "=";
}

std::string QuestionnaireItem::subject() const
{
    return "item \"" + linkId + "\"";
}

const QuestionnaireItem* Questionnaire::find(std::string_view linkId) const
{
    std::size_t index = indexOf(linkId);
    return index == QuestionnaireItem::npos ? nullptr : &m_items[index];
}

std::size_t Questionnaire::indexOf(std::string_view linkId) const
{
    auto found = m_byLinkId.find(std::string(linkId));
    return found == m_byLinkId.end() ? QuestionnaireItem::npos : found->second;
}

std::string Questionnaire::canonical() const
{
    return version.empty() ? url : url + "|" + version;
}

bool Questionnaire::matchesReference(std::string_view reference) const
{
    if (reference.empty()) {
        return false;
    }
    std::size_t bar = reference.find('|');
    std::string_view base = reference.substr(0, bar);
    if (!url.empty() && base == url) {
        return bar == std::string_view::npos || reference.substr(bar + 1) == version || version.empty();
    }
    return !id.empty() && base == "Questionnaire/" + id;
}

std::size_t Questionnaire::addItem(QuestionnaireItem item)
{
    m_items.push_back(std::move(item));
    return m_items.size() - 1;
}

void Questionnaire::indexLinkIds()
{
    m_byLinkId.clear();
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_byLinkId.emplace(m_items[i].linkId, i);
    }
}

JsonValue Questionnaire::itemToJson(std::size_t index) const
{
    const QuestionnaireItem& item = m_items[index];
    JsonValue::Array children;
    for (std::size_t child : item.children) {
        children.push_back(itemToJson(child));
    }
    JsonValue::Object members;
    bool wroteChildren = false;
    if (item.json.isObject()) {
        for (const auto& [key, value] : item.json.asObject()) {
            if (key == "item" && value.isArray()) {
                members.emplace_back(key, JsonValue(children));
                wroteChildren = true;
            } else {
                members.emplace_back(key, value);
            }
        }
    }
    if (!wroteChildren && !children.empty()) {
        members.emplace_back("item", JsonValue(std::move(children)));
    }
    return JsonValue(std::move(members));
}

JsonValue Questionnaire::toJson() const
{
    JsonValue::Array roots;
    for (std::size_t root : m_roots) {
        roots.push_back(itemToJson(root));
    }
    JsonValue::Object members;
    bool wroteItems = false;
    if (json.isObject()) {
        for (const auto& [key, value] : json.asObject()) {
            if (key == "item" && value.isArray()) {
                members.emplace_back(key, JsonValue(roots));
                wroteItems = true;
            } else {
                members.emplace_back(key, value);
            }
        }
    }
    if (!wroteItems && !roots.empty()) {
        members.emplace_back("item", JsonValue(std::move(roots)));
    }
    return JsonValue(std::move(members));
}

} // namespace backscreen::core
