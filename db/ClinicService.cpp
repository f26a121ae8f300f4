#include "db/ClinicService.h"

#include "core/fhir/FhirValue.h"
#include "db/Database.h"
#include "db/Transaction.h"

#include <cctype>
#include <ctime>

namespace backscreen::db {

namespace {

bool isUsername(const std::string& name)
{
    if (name.empty() || name.size() > 64) {
        return false;
    }
    for (char c : name) {
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.'
              || c == '_' || c == '-')) {
            return false;
        }
    }
    return true;
}

const char* operationName(Operation operation)
{
    switch (operation) {
    case Operation::ReadRecords:
        return "read client records";
    case Operation::WriteRecords:
        return "change client records";
    case Operation::ManageUsers:
        return "manage users";
    case Operation::Administer:
        return "administer the database";
    }
    return "do this";
}

} // namespace

bool roleAllows(Role role, Operation operation)
{
    switch (role) {
    case Role::Admin:
        return true;
    case Role::Therapist:
        return operation == Operation::ReadRecords || operation == Operation::WriteRecords;
    case Role::Viewer:
        return operation == Operation::ReadRecords;
    }
    return false;
}

ClinicService::ClinicService(Database& database, ClinicServiceOptions options)
    : m_database(database)
    , m_options(std::move(options))
    , m_hasher(m_options.hashCost)
    , m_users(database)
    , m_clients(database)
    , m_visits(database)
    , m_responses(database)
    , m_screenings(database)
    , m_overrides(database)
    , m_programs(database)
    , m_scores(database)
    , m_audit(database)
{}

std::string ClinicService::formatTime(std::chrono::system_clock::time_point time)
{
    auto milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
    std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    char withMilliseconds[40];
    std::snprintf(withMilliseconds, sizeof withMilliseconds, "%s.%03dZ", text, static_cast<int>(milliseconds));
    return withMilliseconds;
}

std::string ClinicService::now() const
{
    return formatTime(m_options.clock());
}

const UserRecord& ClinicService::require(Operation operation, const std::string& what)
{
    if (!m_user) {
        throw m_database.error(ErrorCode::NotLoggedIn, what, "nobody is logged in; log in first");
    }
    if (!roleAllows(m_user->role, operation)) {
        throw m_database.error(ErrorCode::PermissionDenied,
                               what,
                               "user \"" + m_user->username + "\" has the role " + roleName(m_user->role)
                                   + ", which may not " + operationName(operation));
    }
    return *m_user;
}

void ClinicService::audit(const std::string& action,
                          const std::string& recordType,
                          std::optional<RecordId> recordId,
                          std::optional<RecordId> clientId,
                          const std::string& detail)
{
    AuditEntry entry;
    entry.at = now();
    if (m_user) {
        entry.userId = m_user->id;
        entry.username = m_user->username;
    }
    entry.action = action;
    entry.recordType = recordType;
    entry.recordId = recordId;
    entry.clientId = clientId;
    entry.detail = detail;
    m_audit.append(entry);
}

void ClinicService::validatePassword(const std::string& password) const
{
    if (password.size() < m_options.minimumPasswordLength) {
        throw Error(ErrorCode::PasswordTooWeak,
                    "password: too short; expected at least " + std::to_string(m_options.minimumPasswordLength)
                        + " characters");
    }
}

bool ClinicService::needsSetup()
{
    return m_users.count() == 0;
}

UserRecord ClinicService::createFirstAdmin(const std::string& username,
                                           const std::string& displayName,
                                           const std::string& password)
{
    const std::string operation = "create the first administrator";
    if (!isUsername(username)) {
        throw m_database.error(ErrorCode::RecordInvalid,
                               operation,
                               "username \"" + username + "\" is not valid; expected 1-64 of a-z 0-9 . _ -");
    }
    validatePassword(password);
    std::string hash = m_hasher.hash(password);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    if (m_users.count() != 0) {
        throw m_database.error(ErrorCode::AlreadySetUp, operation, "the database has users already; log in instead");
    }
    UserRecord admin{0, username, displayName, Role::Admin, hash, 0, "", now()};
    admin = m_users.add(admin);
    m_user = admin;
    audit("create", "user", admin.id, std::nullopt, "first administrator");
    transaction.commit();
    return admin;
}

UserRecord ClinicService::login(const std::string& username, const std::string& password)
{
    const std::string operation = "log in as \"" + username + "\"";
    m_user.reset();
    std::optional<UserRecord> user = m_users.findByUsername(username);
    if (!user) {
        // Spend the same time as a real check so the answer's speed does not tell which names exist.
        static const std::string dummy = PasswordHasher(m_options.hashCost).hash("not a password");
        m_hasher.verify(dummy, password);
        throw m_database.error(ErrorCode::LoginFailed, operation, "unknown user or wrong password");
    }
    const std::string at = now();
    bool lockExpired = !user->lockedUntil.empty() && at >= user->lockedUntil;
    if (!user->lockedUntil.empty() && !lockExpired) {
        throw m_database.error(ErrorCode::AccountLocked,
                               operation,
                               "too many failed logins; the account is locked until " + user->lockedUntil
                                   + " (UTC); try again later or ask an administrator");
    }
    Transaction transaction(m_database, TransactionKind::Write, operation);
    if (!m_hasher.verify(user->passwordHash, password)) {
        std::int64_t failures = (lockExpired ? 0 : user->failedAttempts) + 1;
        std::string lockedUntil;
        if (failures >= m_options.maxFailedLogins) {
            lockedUntil = formatTime(m_options.clock() + m_options.lockout);
            failures = 0;
        }
        m_users.setLoginFailures(user->id, failures, lockedUntil);
        AuditEntry entry{0,
                         at,
                         user->id,
                         user->username,
                         "login-failed",
                         "user",
                         user->id,
                         std::nullopt,
                         lockedUntil.empty() ? "" : "locked until " + lockedUntil};
        m_audit.append(entry);
        transaction.commit();
        throw m_database.error(ErrorCode::LoginFailed, operation, "unknown user or wrong password");
    }
    m_users.setLoginFailures(user->id, 0, "");
    user->failedAttempts = 0;
    user->lockedUntil.clear();
    m_user = user;
    audit("login", "user", user->id, std::nullopt);
    transaction.commit();
    return *user;
}

void ClinicService::logout()
{
    m_user.reset();
}

UserRecord ClinicService::addUser(const std::string& username,
                                  const std::string& displayName,
                                  Role role,
                                  const std::string& password)
{
    const std::string operation = "add user \"" + username + "\"";
    require(Operation::ManageUsers, operation);
    if (!isUsername(username)) {
        throw m_database.error(ErrorCode::RecordInvalid,
                               operation,
                               "username \"" + username + "\" is not valid; expected 1-64 of a-z 0-9 . _ -");
    }
    validatePassword(password);
    std::string hash = m_hasher.hash(password);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    if (m_users.findByUsername(username)) {
        throw m_database.error(ErrorCode::UsernameTaken, operation, "a user with that name exists");
    }
    UserRecord user = m_users.add({0, username, displayName, role, hash, 0, "", now()});
    audit("create", "user", user.id, std::nullopt, std::string("role ") + roleName(role));
    transaction.commit();
    return user;
}

void ClinicService::changePassword(const std::string& username, const std::string& newPassword)
{
    const std::string operation = "change the password of \"" + username + "\"";
    if (!m_user) {
        require(Operation::ReadRecords, operation);
    }
    if (m_user->username != username) {
        require(Operation::ManageUsers, operation);
    }
    validatePassword(newPassword);
    std::string hash = m_hasher.hash(newPassword);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    auto user = m_users.findByUsername(username);
    if (!user) {
        throw m_database.error(ErrorCode::RecordNotFound, operation, "no such user");
    }
    m_users.setPasswordHash(user->id, hash);
    audit("change-password", "user", user->id, std::nullopt);
    transaction.commit();
}

std::vector<UserRecord> ClinicService::listUsers()
{
    require(Operation::ManageUsers, "list users");
    return m_users.list();
}

ClientRecord ClinicService::addClient(const ClientRecord& client)
{
    const std::string operation = "add client";
    const UserRecord& user = require(Operation::WriteRecords, operation);
    if (ClientRepository::nameKey(client.familyName).empty()) {
        throw m_database.error(ErrorCode::RecordInvalid, operation, "the family name is empty");
    }
    if (!core::isCalendarDate(client.birthDate)) {
        throw m_database.error(ErrorCode::RecordInvalid,
                               operation,
                               "date of birth \"" + client.birthDate + "\" is not a date; expected YYYY-MM-DD");
    }
    Transaction transaction(m_database, TransactionKind::Write, operation);
    ClientRecord added = m_clients.add(client, now(), user.id);
    audit("create", "client", added.id, added.id);
    transaction.commit();
    return added;
}

ClientRecord ClinicService::updateClient(const ClientRecord& client)
{
    const std::string operation = "save client " + std::to_string(client.id);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    if (ClientRepository::nameKey(client.familyName).empty()) {
        throw m_database.error(ErrorCode::RecordInvalid, operation, "the family name is empty");
    }
    if (!core::isCalendarDate(client.birthDate)) {
        throw m_database.error(ErrorCode::RecordInvalid,
                               operation,
                               "date of birth \"" + client.birthDate + "\" is not a date; expected YYYY-MM-DD");
    }
    Transaction transaction(m_database, TransactionKind::Write, operation);
    ClientRecord saved = m_clients.update(client, now(), user.id);
    audit("update", "client", saved.id, saved.id, "version " + std::to_string(saved.version));
    transaction.commit();
    return saved;
}

ClientRecord ClinicService::readClient(RecordId clientId)
{
    const std::string operation = "read client " + std::to_string(clientId);
    require(Operation::ReadRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    auto client = m_clients.find(clientId);
    if (!client) {
        throw m_database.error(ErrorCode::RecordNotFound, operation, "no such client");
    }
    audit("read", "client", clientId, clientId);
    transaction.commit();
    return *client;
}

std::vector<ClientRecord>
ClinicService::searchClientsByName(const std::string& prefix, bool includeArchived, std::size_t limit)
{
    require(Operation::ReadRecords, "search clients");
    Transaction transaction(m_database, TransactionKind::Write, "search clients");
    auto found = m_clients.searchByNamePrefix(prefix, includeArchived, limit);
    audit("search",
          "client",
          std::nullopt,
          std::nullopt,
          "name prefix \"" + prefix + "\", " + std::to_string(found.size()) + " found");
    transaction.commit();
    return found;
}

std::vector<ClientRecord>
ClinicService::searchClientsByBirthDate(const std::string& birthDate, bool includeArchived, std::size_t limit)
{
    require(Operation::ReadRecords, "search clients");
    Transaction transaction(m_database, TransactionKind::Write, "search clients");
    auto found = m_clients.searchByBirthDate(birthDate, includeArchived, limit);
    audit("search",
          "client",
          std::nullopt,
          std::nullopt,
          "date of birth " + birthDate + ", " + std::to_string(found.size()) + " found");
    transaction.commit();
    return found;
}

std::vector<ClientRecord> ClinicService::listClients(bool includeArchived, std::size_t limit, std::size_t offset)
{
    require(Operation::ReadRecords, "list clients");
    Transaction transaction(m_database, TransactionKind::Write, "list clients");
    auto found = m_clients.list(includeArchived, limit, offset);
    audit("list", "client", std::nullopt, std::nullopt, std::to_string(found.size()) + " listed");
    transaction.commit();
    return found;
}

ClientHistory ClinicService::clientHistory(RecordId clientId)
{
    const std::string operation = "read the history of client " + std::to_string(clientId);
    require(Operation::ReadRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    ClientHistory history;
    auto client = m_clients.find(clientId);
    if (!client) {
        throw m_database.error(ErrorCode::RecordNotFound, operation, "no such client");
    }
    history.client = *client;
    history.visits = m_visits.listForClient(clientId);
    history.responses = m_responses.listForClient(clientId);
    history.screenings = m_screenings.listForClient(clientId);
    history.overrides = m_overrides.listForClient(clientId);
    history.programVersions = m_programs.listForClient(clientId);
    history.outcomeScores = m_scores.listForClient(clientId);
    audit("read", "client-history", clientId, clientId);
    transaction.commit();
    return history;
}

RecordId ClinicService::clientOfVisit(RecordId visitId, const std::string& operation)
{
    auto visit = m_visits.find(visitId);
    if (!visit) {
        throw m_database.error(ErrorCode::RecordNotFound, operation, "no visit " + std::to_string(visitId));
    }
    return visit->clientId;
}

VisitRecord ClinicService::addVisit(const VisitRecord& visit)
{
    const std::string operation = "add a visit to client " + std::to_string(visit.clientId);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    if (!core::isCalendarDate(visit.visitDate)) {
        throw m_database.error(ErrorCode::RecordInvalid,
                               operation,
                               "visit date \"" + visit.visitDate + "\" is not a date; expected YYYY-MM-DD");
    }
    Transaction transaction(m_database, TransactionKind::Write, operation);
    if (!m_clients.find(visit.clientId)) {
        throw m_database.error(ErrorCode::RecordNotFound, operation, "no such client");
    }
    VisitRecord toAdd = visit;
    toAdd.createdAt = now();
    toAdd.createdBy = user.id;
    VisitRecord added = m_visits.add(toAdd);
    audit("create", "visit", added.id, added.clientId);
    transaction.commit();
    return added;
}

QuestionnaireResponseRecord ClinicService::saveQuestionnaireResponse(const QuestionnaireResponseRecord& response)
{
    const std::string operation = "save a questionnaire response for visit " + std::to_string(response.visitId);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    RecordId clientId = clientOfVisit(response.visitId, operation);
    QuestionnaireResponseRecord toAdd = response;
    toAdd.createdAt = now();
    toAdd.createdBy = user.id;
    auto added = m_responses.add(toAdd);
    audit("create",
          "questionnaire-response",
          added.id,
          clientId,
          added.questionnaireCanonical + "|" + added.questionnaireVersion);
    transaction.commit();
    return added;
}

QuestionnaireResponseRecord ClinicService::saveDraftResponse(const QuestionnaireResponseRecord& response)
{
    if (response.id == 0) {
        return saveQuestionnaireResponse(response);
    }
    const std::string operation = "save the draft questionnaire response " + std::to_string(response.id) + " of visit "
                                  + std::to_string(response.visitId);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    RecordId clientId = clientOfVisit(response.visitId, operation);
    QuestionnaireResponseRecord toSave = response;
    toSave.createdAt = now();
    toSave.createdBy = user.id;
    if (!m_responses.replaceNewest(toSave)) {
        throw m_database.error(ErrorCode::RecordStale,
                               operation,
                               "the draft is not the newest response of the visit any more (it was finished or "
                               "changed elsewhere); reopen the visit");
    }
    audit("update",
          "questionnaire-response",
          toSave.id,
          clientId,
          "draft " + toSave.questionnaireCanonical + "|" + toSave.questionnaireVersion);
    transaction.commit();
    return toSave;
}

ScreeningRecord ClinicService::saveScreening(const ScreeningRecord& screening)
{
    const std::string operation = "save a screening result for visit " + std::to_string(screening.visitId);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    RecordId clientId = clientOfVisit(screening.visitId, operation);
    ScreeningRecord toAdd = screening;
    toAdd.createdAt = now();
    toAdd.createdBy = user.id;
    auto added = m_screenings.add(toAdd);
    audit("create", "screening", added.id, clientId, "triage " + added.triage);
    transaction.commit();
    return added;
}

OverrideRecord ClinicService::saveOverride(const OverrideRecord& entry)
{
    const std::string operation = "save an override of rule \"" + entry.ruleId + "\"";
    const UserRecord& user = require(Operation::WriteRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    auto screening = m_screenings.find(entry.screeningResultId);
    if (!screening) {
        throw m_database.error(
            ErrorCode::RecordNotFound, operation, "no screening result " + std::to_string(entry.screeningResultId));
    }
    RecordId clientId = clientOfVisit(screening->visitId, operation);
    OverrideRecord toAdd = entry;
    toAdd.createdAt = now();
    toAdd.createdBy = user.id;
    auto added = m_overrides.add(toAdd);
    audit("create", "override", added.id, clientId, added.kind + " of " + added.ruleId + ": " + added.reasonCode);
    transaction.commit();
    return added;
}

ClinicService::SavedScreening ClinicService::saveScreeningWithResponse(const std::optional<VisitRecord>& newVisit,
                                                                       QuestionnaireResponseRecord response,
                                                                       ScreeningRecord screening)
{
    const std::string operation = "save a screening with its questionnaire response";
    require(Operation::WriteRecords, operation);
    // The calls below open nested transactions, which join this one: all of it commits or none.
    Transaction transaction(m_database, TransactionKind::Write, operation);
    SavedScreening saved;
    if (newVisit) {
        saved.visit = addVisit(*newVisit);
        response.visitId = saved.visit.id;
        screening.visitId = saved.visit.id;
    } else {
        auto visit = m_visits.find(screening.visitId);
        if (!visit) {
            throw m_database.error(
                ErrorCode::RecordNotFound, operation, "no visit " + std::to_string(screening.visitId));
        }
        saved.visit = *visit;
    }
    saved.response = saveQuestionnaireResponse(response);
    saved.screening = saveScreening(screening);
    transaction.commit();
    return saved;
}

std::string ClinicService::userName(RecordId userId)
{
    require(Operation::ReadRecords, "read a user name");
    auto user = m_users.findById(userId);
    return user ? user->username : std::string();
}

HomeProgramVersionRecord ClinicService::createHomeProgram(const HomeProgramVersionRecord& first)
{
    const std::string operation = "create a home program for client " + std::to_string(first.clientId);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    if (!m_clients.find(first.clientId)) {
        throw m_database.error(ErrorCode::RecordNotFound, operation, "no such client");
    }
    HomeProgramVersionRecord toAdd = first;
    toAdd.createdAt = now();
    toAdd.createdBy = user.id;
    auto created = m_programs.create(toAdd);
    audit("create", "program", created.programId, created.clientId, "version 1");
    transaction.commit();
    return created;
}

HomeProgramVersionRecord ClinicService::saveHomeProgram(const HomeProgramVersionRecord& next)
{
    const std::string operation = "save home program " + std::to_string(next.programId);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    HomeProgramVersionRecord toSave = next;
    toSave.createdAt = now();
    toSave.createdBy = user.id;
    auto saved = m_programs.saveVersion(toSave);
    audit("update", "program", saved.programId, saved.clientId, "version " + std::to_string(saved.version));
    transaction.commit();
    return saved;
}

std::vector<HomeProgramVersionRecord> ClinicService::listHomeProgramVersions(RecordId programId)
{
    const std::string operation = "list the versions of home program " + std::to_string(programId);
    require(Operation::ReadRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    auto versions = m_programs.listVersions(programId);
    if (versions.empty()) {
        throw m_database.error(ErrorCode::RecordNotFound, operation, "no such home program");
    }
    audit("read", "program", programId, versions.front().clientId);
    transaction.commit();
    return versions;
}

OutcomeScoreRecord ClinicService::saveOutcomeScore(const OutcomeScoreRecord& score)
{
    const std::string operation = "save an outcome score for visit " + std::to_string(score.visitId);
    const UserRecord& user = require(Operation::WriteRecords, operation);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    RecordId clientId = clientOfVisit(score.visitId, operation);
    OutcomeScoreRecord toAdd = score;
    toAdd.createdAt = now();
    toAdd.createdBy = user.id;
    auto added = m_scores.add(toAdd);
    audit("create", "outcome-score", added.id, clientId, added.instrumentId + "|" + added.instrumentVersion);
    transaction.commit();
    return added;
}

std::pair<VisitRecord, OutcomeScoreRecord> ClinicService::addVisitWithOutcomeScore(const VisitRecord& visit,
                                                                                   const OutcomeScoreRecord& score)
{
    const std::string operation = "add a visit with an outcome score to client " + std::to_string(visit.clientId);
    require(Operation::WriteRecords, operation);
    // The calls below open nested transactions, which join this one: both records commit or neither does.
    Transaction transaction(m_database, TransactionKind::Write, operation);
    VisitRecord addedVisit = addVisit(visit);
    OutcomeScoreRecord scoreToAdd = score;
    scoreToAdd.visitId = addedVisit.id;
    OutcomeScoreRecord addedScore = saveOutcomeScore(scoreToAdd);
    transaction.commit();
    return {addedVisit, addedScore};
}

std::vector<AuditEntry> ClinicService::auditForClient(RecordId clientId)
{
    require(Operation::Administer, "read the audit log");
    return m_audit.listForClient(clientId);
}

std::vector<AuditEntry> ClinicService::recentAudit(std::size_t limit)
{
    require(Operation::Administer, "read the audit log");
    return m_audit.listRecent(limit);
}

void ClinicService::backupTo(const std::filesystem::path& file,
                             const Database::BackupProgress& progress,
                             int pagesPerStep)
{
    require(Operation::Administer, "back up to " + file.string());
    if (progress) {
        m_database.backupTo(file, progress, pagesPerStep);
    } else {
        m_database.backupTo(file);
    }
    Transaction transaction(m_database, TransactionKind::Write, "back up to " + file.string());
    audit("backup", "database", std::nullopt, std::nullopt, file.string());
    transaction.commit();
}

ClientHistory
ClinicService::exportClientHistory(RecordId clientId, const std::string& destination, const ExportWriter& write)
{
    const std::string operation = "export the history of client " + std::to_string(clientId);
    require(Operation::ReadRecords, operation);
    ClientHistory history = clientHistory(clientId);
    // Prepared outside the write transaction: it may run for as long as the user watches its progress.
    const std::function<void()> finish = write ? write(history) : std::function<void()>();
    Transaction transaction(m_database, TransactionKind::Write, operation);
    audit("export", "client-history", clientId, clientId, destination);
    if (finish) {
        finish();
    }
    transaction.commit();
    return history;
}

void ClinicService::restoreFrom(const std::filesystem::path& file)
{
    require(Operation::Administer, "restore from " + file.string());
    UserRecord restorer = *m_user;
    m_database.restoreFrom(file);
    Transaction transaction(m_database, TransactionKind::Write, "restore from " + file.string());
    AuditEntry entry{
        0, now(), std::nullopt, restorer.username, "restore", "database", std::nullopt, std::nullopt, file.string()};
    // The restored database's users may differ; keep the restorer's name, and log in again to continue.
    m_audit.append(entry);
    transaction.commit();
    m_user.reset();
}

} // namespace backscreen::db
