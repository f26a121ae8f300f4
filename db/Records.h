#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// The plain records the repositories take and return. No POCO Data type ever leaves db/: ids are 64-bit
/// integers, times are UTC text "YYYY-MM-DDTHH:MM:SS.mmmZ", dates "YYYY-MM-DD", and clinical payloads
/// (FHIR responses, screening results, programs, scores) are JSON text exactly as the caller produced it.
namespace backscreen::db {

using RecordId = std::int64_t;

enum class Role
{
    Admin,
    Therapist,
    Viewer,
};

/// "admin", "therapist" or "viewer".
const char* roleName(Role role);

/// The role named by `name` ("admin", "therapist", "viewer"), or nothing.
std::optional<Role> parseRole(const std::string& name);

struct UserRecord
{
    RecordId id = 0;
    std::string username;
    std::string displayName;
    Role role = Role::Viewer;
    /// The libsodium crypto_pwhash_str string (Argon2id, salt and parameters included).
    std::string passwordHash;
    std::int64_t failedAttempts = 0;
    /// Empty when the account is not locked.
    std::string lockedUntil;
    std::string createdAt;
};

struct ClientRecord
{
    RecordId id = 0;
    std::string familyName;
    std::string givenName;
    std::string birthDate;
    std::string contact;
    std::string notes;
    bool archived = false;
    /// Optimistic concurrency: 1 when created, +1 on every saved change. A save names the version it
    /// edited and is refused when the database holds another.
    std::int64_t version = 0;
    std::string createdAt;
    RecordId createdBy = 0;
    std::string updatedAt;
    RecordId updatedBy = 0;
};

struct VisitRecord
{
    RecordId id = 0;
    RecordId clientId = 0;
    std::string visitDate;
    /// e.g. "initial", "follow-up".
    std::string kind;
    std::string notes;
    std::string createdAt;
    RecordId createdBy = 0;
};

/// A FHIR QuestionnaireResponse exactly as stored, with the Questionnaire it answers.
struct QuestionnaireResponseRecord
{
    RecordId id = 0;
    RecordId visitId = 0;
    std::string questionnaireCanonical;
    std::string questionnaireVersion;
    std::string responseJson;
    std::string createdAt;
    RecordId createdBy = 0;
};

/// One screening run. `resultJson` is the screening engine's full result (findings with rule ids, ruleset
/// ids and versions), `answersJson` the answer snapshot it ran on; triage, programBlocked and the ruleset
/// versions are copied out of it into indexed columns.
struct ScreeningRecord
{
    RecordId id = 0;
    RecordId visitId = 0;
    std::string triage;
    bool programBlocked = false;
    /// JSON text, e.g. {"red-flags":"1.0.0"}.
    std::string rulesetVersions;
    std::string resultJson;
    std::string answersJson;
    RecordId createdBy = 0;
    std::string createdAt;
};

/// A therapist's override or clearance of one finding: which rule, who, when, why (a structured reason
/// code plus free text), and the input snapshot the decision was made on.
struct OverrideRecord
{
    RecordId id = 0;
    RecordId screeningResultId = 0;
    std::string ruleId;
    /// e.g. "override", "clearance".
    std::string kind;
    std::string reasonCode;
    std::string reasonText;
    std::string inputSnapshotJson;
    std::string createdAt;
    RecordId createdBy = 0;
    /// A clearance: who did the medical review and on which date (YYYY-MM-DD), as documented; "" when not
    /// given (rows from before schema version 2, or the CLI without --reviewer).
    std::string reviewedBy;
    std::string reviewedOn;
};

/// One saved version of a home program. Every save adds a version; older ones are kept.
struct HomeProgramVersionRecord
{
    RecordId programId = 0;
    RecordId clientId = 0;
    std::int64_t version = 0;
    /// The visit the version was made at, when there is one.
    std::optional<RecordId> visitId;
    std::string contentJson;
    std::string createdAt;
    RecordId createdBy = 0;
};

struct OutcomeScoreRecord
{
    RecordId id = 0;
    RecordId visitId = 0;
    std::string instrumentId;
    std::string instrumentVersion;
    std::string scoreJson;
    std::string responseJson;
    std::string createdAt;
    RecordId createdBy = 0;
};

struct AuditEntry
{
    RecordId id = 0;
    std::string at;
    std::optional<RecordId> userId;
    std::string username;
    /// "read", "create", "update", "archive", "search", "login", "login-failed", "backup", ...
    std::string action;
    /// "client", "visit", "screening", "program", "user", "database", ...
    std::string recordType;
    std::optional<RecordId> recordId;
    std::optional<RecordId> clientId;
    std::string detail;
};

/// Everything stored about one client, as the history view loads it.
struct ClientHistory
{
    ClientRecord client;
    std::vector<VisitRecord> visits;
    std::vector<QuestionnaireResponseRecord> responses;
    std::vector<ScreeningRecord> screenings;
    std::vector<OverrideRecord> overrides;
    std::vector<HomeProgramVersionRecord> programVersions;
    std::vector<OutcomeScoreRecord> outcomeScores;
};

} // namespace backscreen::db
