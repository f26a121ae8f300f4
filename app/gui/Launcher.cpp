#include "Launcher.h"

#include "ClinicSession.h"
#include "DemoSeeder.h"
#include "FirstRunDialog.h"
#include "HomeProgramStarter.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TextConversion.h"
#include "Translations.h"

#include "core/common/DataLocator.h"
#include "core/common/Error.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/screening/ScreeningEngine.h"
#include "db/DatabaseLocation.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

namespace backscreen::app {

LaunchOptions LaunchOptions::parse(const QStringList& arguments)
{
    LaunchOptions options;
    for (qsizetype at = 1; at < arguments.size(); ++at) {
        const QString& argument = arguments[at];
        if (argument == QStringLiteral("--demo")) {
            options.demo = true;
        } else if (argument == QStringLiteral("--db") && at + 1 < arguments.size()) {
            options.database = toUtf8(arguments[++at]);
        } else if (argument.startsWith(QStringLiteral("--db="))) {
            options.database = toUtf8(argument.mid(5));
        } else {
            options.error = QCoreApplication::translate(
                                "Launcher", "unknown argument \"%1\"; usage: backscreen [--demo] [--db PATH|URL]")
                                .arg(argument);
            return options;
        }
    }
    if (options.demo && options.database) {
        options.error = QCoreApplication::translate("Launcher", "--demo opens its own database; leave out --db");
    }
    return options;
}

std::filesystem::path Launcher::demoDatabasePath()
{
    return db::DatabaseLocation::defaultSqlitePath().parent_path() / "demo.sqlite";
}

int Launcher::run(QApplication& application)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Backscreen"));
    QCoreApplication::setApplicationName(QStringLiteral("Backscreen"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    Translations::install(application);
    const QString title = QCoreApplication::translate("Launcher", "Backscreen");

    const LaunchOptions options = LaunchOptions::parse(QCoreApplication::arguments());
    if (!options.error.isEmpty()) {
        MessageBox::critical(nullptr, title, options.error);
        return 2;
    }

    const core::QuestionnaireLoadResult intake = core::QuestionnaireLoader::loadIntakeForm();
    if (!intake.ok()) {
        QString problems;
        for (const auto& diagnostic : intake.diagnostics) {
            problems += toQString(diagnostic.message) + QLatin1Char('\n');
        }
        MessageBox::critical(
            nullptr,
            title,
            QCoreApplication::translate("Launcher", "The intake form could not be loaded:\n%1").arg(problems));
        return 1;
    }

    const core::ScreeningEngineLoadResult screening = core::ScreeningEngine::loadDefault();
    if (!screening.ok()) {
        QString problems;
        for (const auto& diagnostic : screening.diagnostics) {
            problems += toQString(diagnostic.message) + QLatin1Char('\n');
        }
        MessageBox::critical(
            nullptr,
            title,
            QCoreApplication::translate("Launcher", "The screening rules could not be loaded:\n%1").arg(problems));
        return 1;
    }

    std::unique_ptr<ClinicSession> session;
    try {
        if (options.demo) {
            const std::filesystem::path path = demoDatabasePath();
            const bool exists = std::filesystem::exists(path);
            session = std::make_unique<ClinicSession>(db::DatabaseLocation::parse(path.string()), true);
            if (!exists || session->service().needsSetup()) {
                std::vector<core::Diagnostic> programProblems;
                const auto programs = HomeProgramStarter::loadDefault(programProblems);
                DemoSeeder::seed(session->service(),
                                 core::formsDirectory() / "examples",
                                 *intake.questionnaire,
                                 *screening.engine,
                                 programs.get());
            } else {
                DemoSeeder::signIn(session->service());
            }
        } else {
            session = std::make_unique<ClinicSession>(db::DatabaseLocation::resolve(options.database), false);
            if (session->service().needsSetup()) {
                FirstRunDialog firstRun(session->service());
                if (firstRun.exec() != QDialog::Accepted) {
                    return 0;
                }
            } else {
                LoginDialog login(session->service(), session->databaseName());
                if (login.exec() != QDialog::Accepted) {
                    return 0;
                }
            }
        }
    } catch (const Error& error) {
        MessageBox::critical(nullptr,
                             title,
                             QCoreApplication::translate("Launcher", "The database could not be opened:\n%1")
                                 .arg(toQString(error.what())));
        return 1;
    }

    MainWindow window(*session, *intake.questionnaire, *screening.engine);
    window.show();
    return application.exec();
}

} // namespace backscreen::app
