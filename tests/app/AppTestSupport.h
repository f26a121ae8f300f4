#pragma once

#include "app/gui/ClinicSession.h"
#include "app/gui/DemoSeeder.h"
#include "app/gui/HomeProgramStarter.h"
#include "core/common/DataLocator.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/json/JsonReader.h"
#include "core/screening/ScreeningEngine.h"
#include "db/AuditLogRepository.h"
#include "db/ClinicService.h"
#include "db/Database.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

/// GoogleTest prints a QString in a failure message as text instead of as a list of UTF-16 code units.
inline void PrintTo(const QString& value, std::ostream* out)
{
    *out << '"' << value.toStdString() << '"';
}

namespace backscreen::app::test {

/// The intake Questionnaire, loaded once.
inline const core::Questionnaire& intakeQuestionnaire()
{
    static const core::QuestionnaireLoadResult result = core::QuestionnaireLoader::loadIntakeForm();
    EXPECT_TRUE(result.ok());
    return *result.questionnaire;
}

/// The screening engine over forms/, loaded once.
inline const core::ScreeningEngine& screeningEngine()
{
    static const core::ScreeningEngineLoadResult result = core::ScreeningEngine::loadDefault();
    EXPECT_TRUE(result.ok());
    return *result.engine;
}

/// A fresh temporary directory per test holding the SQLite file and the QSettings of the test, so no test
/// sees another's database or remembered window geometry.
class AppTestEnvironment
{
public:
    AppTestEnvironment()
    {
        EXPECT_TRUE(m_directory.isValid());
        QSettings::setPath(
            QSettings::NativeFormat, QSettings::UserScope, m_directory.filePath(QStringLiteral("settings")));
        QSettings::setPath(
            QSettings::IniFormat, QSettings::UserScope, m_directory.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("BackscreenTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tests_app"));
    }

    std::filesystem::path databasePath() const
    {
        return std::filesystem::path(m_directory.path().toStdString()) / "clinic.sqlite";
    }

    /// A session on a new database in the temporary directory; minimal password hashing (tests only).
    std::unique_ptr<ClinicSession> openSession(bool demo = false) const
    {
        db::ClinicServiceOptions options;
        options.hashCost = db::PasswordHashCost::minimal();
        return std::make_unique<ClinicSession>(db::DatabaseLocation::parse(databasePath().string()), demo, options);
    }

    /// A session on a database seeded like the demo, signed in as the demo therapist.
    std::unique_ptr<ClinicSession> openDemoSession() const
    {
        auto session = openSession(true);
        std::vector<core::Diagnostic> problems;
        const auto programs = HomeProgramStarter::loadDefault(problems);
        EXPECT_NE(programs, nullptr);
        DemoSeeder::seed(session->service(),
                         core::formsDirectory() / "examples",
                         intakeQuestionnaire(),
                         screeningEngine(),
                         programs.get());
        return session;
    }

    QString filePath(const QString& name) const { return m_directory.filePath(name); }

    /// The audit log about one client, read through a second connection with the repository (reading it
    /// through the service needs an administrator, and the demo signs in as a therapist).
    std::vector<db::AuditEntry> auditForClient(db::RecordId clientId) const
    {
        auto database = db::Database::open(db::DatabaseLocation::parse(databasePath().string()));
        return db::AuditLogRepository(*database).listForClient(clientId);
    }

private:
    QTemporaryDir m_directory;
};

/// The "answers" object of a vignette in tests/data/vignettes/.
inline core::JsonValue vignetteAnswers(const std::string& name)
{
    const auto path = std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "vignettes" / (name + ".json");
    const core::JsonReadResult read = core::JsonReader::parseFile(path);
    EXPECT_TRUE(read.ok()) << path;
    const core::JsonValue* answers = read.value->find("answers");
    EXPECT_NE(answers, nullptr);
    return *answers;
}

/// The id of the one client (not archived) whose family name is `familyName`, found with the service's name
/// search; the test fails (and 0 is returned) when the search finds none, several, or another name.
inline db::RecordId clientNamed(db::ClinicService& service, const std::string& familyName)
{
    const std::vector<db::ClientRecord> found = service.searchClientsByName(familyName);
    EXPECT_EQ(found.size(), 1u) << familyName;
    if (found.empty()) {
        return 0;
    }
    EXPECT_EQ(found.front().familyName, familyName);
    return found.front().id;
}

} // namespace backscreen::app::test
