#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

/// The FHIR types an answer, an initial value, an answerOption or an enableWhen answer can have, named after
/// the [x] suffix that carries them (valueBoolean, answerCoding, initialDate, ...).
enum class FhirValueKind
{
    Boolean,
    Decimal,
    Integer,
    Date,
    DateTime,
    Time,
    String,
    Uri,
    Coding,
    Quantity,
    Reference,
    Attachment,
};

/// The [x] suffix of `kind`, e.g. "Coding".
const char* fhirValueKindName(FhirValueKind kind);

/// The kind for an [x] suffix ("Boolean" → Boolean); nullopt for a suffix FHIR R4 does not define here.
std::optional<FhirValueKind> fhirValueKindFromName(std::string_view suffix);

/// Where a diagnostic found while reading a value goes, and what it names.
struct FhirDiagnosticContext
{
    std::vector<Diagnostic>& diagnostics;
    const std::string& source;
    std::string subject;

    void add(ErrorCode code, Severity severity, const std::string& pointer, std::string message) const;
};

/// One typed FHIR value, read from JSON and keeping that JSON for writing back. Numbers keep their text
/// ("2.50"), Codings their system, code and display.
class FhirValue
{
public:
    /// Reads `json` as a value of `kind` at `pointer`. A wrong JSON type or malformed text (a date that is not
    /// YYYY, YYYY-MM or YYYY-MM-DD, an integer with a fraction) is reported to `context` and gives nullopt.
    static std::optional<FhirValue> fromJson(FhirValueKind kind,
                                             const JsonValue& json,
                                             const std::string& pointer,
                                             const FhirDiagnosticContext& context);

    /// A value built in code (the app, tests): no source JSON, so it writes its canonical JSON form.
    static FhirValue boolean(bool value);
    static FhirValue integer(long long value);
    static FhirValue decimal(double value);
    static FhirValue text(FhirValueKind kind, std::string value);
    static FhirValue coding(std::string system, std::string code, std::string display = {});

    /// Finds the members of `object` named `prefix` + a type suffix (e.g. "value" → valueString). Reports an
    /// unknown suffix or more than one such member as FhirElementType; returns the first valid one, if any.
    struct Choice
    {
        FhirValueKind kind;
        std::string key;
        const JsonValue* json;
    };

    static std::optional<Choice> findChoice(const JsonValue& object,
                                            std::string_view prefix,
                                            const std::string& pointer,
                                            const FhirDiagnosticContext& context);

    FhirValueKind kind() const { return m_kind; }

    /// The JSON this value was read from, or its canonical JSON when built in code.
    const JsonValue& json() const { return m_json; }

    bool asBool() const { return m_boolean; }

    /// Decimal, Integer and Quantity (its value).
    double number() const { return m_number; }

    /// Date, DateTime, Time, String, Uri text; Reference's reference; Coding's and Quantity's code.
    const std::string& text() const { return m_text; }

    /// Coding's and Quantity's system.
    const std::string& system() const { return m_system; }

    /// Coding's display and Quantity's unit.
    const std::string& display() const { return m_display; }

    bool isNumeric() const { return m_kind == FhirValueKind::Decimal || m_kind == FhirValueKind::Integer; }

    /// FHIR equality as enableWhen and option membership use it: numbers by value (integer 2 = decimal 2.0),
    /// Codings by system and code where a Coding without a system matches on its code alone (see
    /// docs/fhir.md), Quantities by value and code, text kinds by text. Values of unrelated kinds differ.
    bool equals(const FhirValue& other) const;

    /// Order for <, >, <=, >=: numbers, quantities with the same code, and text kinds (dates and times compare
    /// as ISO text, which orders correctly at equal precision). nullopt when the two cannot be ordered.
    std::optional<int> compare(const FhirValue& other) const;

    /// The value as the JsonLogic rules read it: bool, number (keeping its text), string, a Coding's code, a
    /// Quantity's value, a Reference's reference; an Attachment gives its JSON.
    JsonValue toFlatJson() const;

    /// "valueCoding"-style member name for this value under `prefix`.
    std::string memberName(std::string_view prefix) const;

    /// A short text for messages: `"2.50"`, `http://loinc.org|LA6562-8`, `true`.
    std::string describe() const;

private:
    FhirValueKind m_kind = FhirValueKind::String;
    JsonValue m_json;
    bool m_boolean = false;
    double m_number = 0.0;
    std::string m_text;
    std::string m_system;
    std::string m_display;
};

/// Format checks for FHIR primitive text, shared by the JSON reader and the flat-answer validator.
bool isFhirDate(std::string_view text);
bool isFhirDateTime(std::string_view text);
bool isFhirTime(std::string_view text);
/// A whole calendar date, YYYY-MM-DD, that exists (month lengths and leap years): a FHIR date with month and
/// day, as stored for birth dates, visits and clinical reviews.
bool isCalendarDate(std::string_view text);

/// The JSON type name used in messages ("string", "number", "object", ...).
const char* jsonTypeName(const JsonValue& value);

} // namespace backscreen::core
