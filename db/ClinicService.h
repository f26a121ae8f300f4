#pragma once

#include "db/AuditLogRepository.h"
#include "db/ClientRepository.h"
#include "db/Database.h"
#include "db/HomeProgramRepository.h"
#include "db/OutcomeScoreRepository.h"
#include "db/OverrideRepository.h"
#include "db/PasswordHasher.h"
#include "db/QuestionnaireResponseRepository.h"
#include "db/Records.h"
#include "db/ScreeningRepository.h"
#include "db/UserRepository.h"
#include "db/VisitRepository.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backscreen::db {

/// What an operation does, for the role check.
enum class Operation
{
    /// Read a client's records (and search clients).
    ReadRecords,
    /// Create or change clients and their records.
    WriteRecords,
    /// Add users, reset others' passwords, list users.
    ManageUsers,
    /// Back up, restore, read the audit log.
    Administer,
};

/// Whether `role` may do `operation`: viewers read, therapists read and write records, admins do all.
bool roleAllows(Role role, Operation operation);

struct ClinicServiceOptions
{
    PasswordHashCost hashCost = PasswordHashCost::interactive();
    /// The time seam: tests pass a clock they move by hand (lock-out expiry).
    std::function<std::chrono::system_clock::time_point()> clock = [] { return std::chrono::system_clock::now(); };
    int maxFailedLogins = 5;
    std::chrono::minutes lockout{15};
    std::size_t minimumPasswordLength = 8;
};

/// The layer the app and the CLI call: logs a user in, enforces roles, runs each operation in one
/// transaction and writes an audit row for every read or change of a client's record in that same
/// transaction (so there is no change without its audit row and no audit row for a change that failed).
/// Every method but needsSetup, createFirstAdmin and login needs a logged-in user (NotLoggedIn), and throws
/// PermissionDenied when the role does not allow it.
class ClinicService
{
public:
    explicit ClinicService(Database& database, ClinicServiceOptions options = {});

    Database& database() { return m_database; }

    // Accounts -------------------------------------------------------------------------------------------

    /// True while the database has no users: the first run must create the administrator.
    bool needsSetup();
    /// Creates the first administrator (only when there are no users: AlreadySetUp otherwise) and logs in
    /// as it. There is no default password.
    UserRecord
    createFirstAdmin(const std::string& username, const std::string& displayName, const std::string& password);
    /// Checks the password (Argon2id); after maxFailedLogins failures in a row the account is locked for
    /// `lockout` (AccountLocked, naming the time). Unknown users and wrong passwords give the same
    /// LoginFailed.
    UserRecord login(const std::string& username, const std::string& password);
    void logout();

    const std::optional<UserRecord>& currentUser() const { return m_user; }

    UserRecord
    addUser(const std::string& username, const std::string& displayName, Role role, const std::string& password);
    /// Admins may change anyone's password; others only their own.
    void changePassword(const std::string& username, const std::string& newPassword);
    std::vector<UserRecord> listUsers();

    // Clients --------------------------------------------------------------------------------------------

    ClientRecord addClient(const ClientRecord& client);
    /// `client.version` is the version that was loaded; see ClientRepository::update.
    ClientRecord updateClient(const ClientRecord& client);
    ClientRecord readClient(RecordId clientId);
    std::vector<ClientRecord>
    searchClientsByName(const std::string& prefix, bool includeArchived = false, std::size_t limit = 50);
    std::vector<ClientRecord>
    searchClientsByBirthDate(const std::string& birthDate, bool includeArchived = false, std::size_t limit = 50);
    std::vector<ClientRecord>
    listClients(bool includeArchived = false, std::size_t limit = 1000, std::size_t offset = 0);
    /// Everything stored about a client, read in one consistent transaction.
    ClientHistory clientHistory(RecordId clientId);

    // A client's records ---------------------------------------------------------------------------------

    VisitRecord addVisit(const VisitRecord& visit);
    QuestionnaireResponseRecord saveQuestionnaireResponse(const QuestionnaireResponseRecord& response);
    /// Saves the in-progress draft of a visit's questionnaire response as ONE row: `response.id` 0 adds it
    /// (audit "create"), otherwise the row `response.id` is updated in place (audit "update", detail
    /// "draft"), in one transaction with its audit row. The row must belong to `response.visitId` and still
    /// be the newest response of the visit: a draft never overwrites a completed or amended version saved
    /// after it (RecordStale; nothing changes). Completed and amended versions are added with
    /// saveQuestionnaireResponse as before.
    QuestionnaireResponseRecord saveDraftResponse(const QuestionnaireResponseRecord& response);
    ScreeningRecord saveScreening(const ScreeningRecord& screening);
    OverrideRecord saveOverride(const OverrideRecord& entry);

    /// What saveScreeningWithResponse stored.
    struct SavedScreening
    {
        VisitRecord visit;
        QuestionnaireResponseRecord response;
        ScreeningRecord screening;
    };

    /// Stores a screening together with the response it screened in one transaction, after adding
    /// `newVisit` first when given (then the visit ids of `response` and `screening` are replaced by the new
    /// visit's). Nothing is stored unless all of it is, each with its audit row.
    SavedScreening saveScreeningWithResponse(const std::optional<VisitRecord>& newVisit,
                                             QuestionnaireResponseRecord response,
                                             ScreeningRecord screening);
    /// The username of `userId`, to show who recorded something (readers may call it; not audited: it reads
    /// no client record); "" when there is no such user.
    std::string userName(RecordId userId);
    HomeProgramVersionRecord createHomeProgram(const HomeProgramVersionRecord& first);
    /// `next.version` is the version that was edited; see HomeProgramRepository::saveVersion.
    HomeProgramVersionRecord saveHomeProgram(const HomeProgramVersionRecord& next);
    std::vector<HomeProgramVersionRecord> listHomeProgramVersions(RecordId programId);
    OutcomeScoreRecord saveOutcomeScore(const OutcomeScoreRecord& score);
    /// Adds a visit and an outcome score at it in one transaction (`score.visitId` is ignored), each with its
    /// audit row, so a failure leaves neither: `outcomes add --new-visit` never leaves a visit without its score.
    std::pair<VisitRecord, OutcomeScoreRecord> addVisitWithOutcomeScore(const VisitRecord& visit,
                                                                        const OutcomeScoreRecord& score);

    // Administration -------------------------------------------------------------------------------------

    std::vector<AuditEntry> auditForClient(RecordId clientId);
    std::vector<AuditEntry> recentAudit(std::size_t limit);
    /// Backs the database up to `file` and audits it ("backup") once the copy is complete. Without `progress`
    /// this is Database::backupTo(file) (VACUUM INTO); with it, Database::backupTo(file, progress, pagesPerStep)
    /// (online backup API, progress and cancel; a cancelled backup is not audited).
    void
    backupTo(const std::filesystem::path& file, const Database::BackupProgress& progress = {}, int pagesPerStep = 64);
    void restoreFrom(const std::filesystem::path& file);
    /// What an export writes: given the history, it prepares the export (however long that takes, e.g. with
    /// a progress dialog) and returns the step that makes it final, such as QSaveFile::commit.
    using ExportWriter = std::function<std::function<void()>(const ClientHistory&)>;

    /// Everything stored about a client for an export to `destination` (a file the user chose), with an
    /// audit row "export" naming the destination: nothing leaves the machine unaudited. `write`, when given,
    /// prepares the export outside any transaction, so other users and workstations are not held up while it
    /// runs; the step it returns runs inside the short transaction that adds the audit row. If either throws,
    /// there is no row (the export did not happen) and the exception passes on.
    ClientHistory
    exportClientHistory(RecordId clientId, const std::string& destination, const ExportWriter& write = {});

    /// "YYYY-MM-DDTHH:MM:SS.mmmZ" in UTC.
    static std::string formatTime(std::chrono::system_clock::time_point time);

private:
    const UserRecord& require(Operation operation, const std::string& what);
    std::string now() const;
    void audit(const std::string& action,
               const std::string& recordType,
               std::optional<RecordId> recordId,
               std::optional<RecordId> clientId,
               const std::string& detail = {});
    RecordId clientOfVisit(RecordId visitId, const std::string& operation);
    void validatePassword(const std::string& password) const;

    Database& m_database;
    ClinicServiceOptions m_options;
    PasswordHasher m_hasher;
    UserRepository m_users;
    ClientRepository m_clients;
    VisitRepository m_visits;
    QuestionnaireResponseRepository m_responses;
    ScreeningRepository m_screenings;
    OverrideRepository m_overrides;
    HomeProgramRepository m_programs;
    OutcomeScoreRepository m_scores;
    AuditLogRepository m_audit;
    std::optional<UserRecord> m_user;
};

} // namespace backscreen::db
