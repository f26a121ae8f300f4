#pragma once

#include "db/ClinicService.h"
#include "db/Database.h"

#include <QString>

#include <memory>

namespace backscreen::app {

/// One open database and the clinic service over it, for the lifetime of a window. `demo` marks the
/// separate demo database the run script opens, which the title bar labels DEMO.
class ClinicSession
{
public:
    /// Opens (creating and migrating) the database; throws backscreen::Error (7xx) when it cannot.
    ClinicSession(const db::DatabaseLocation& location, bool demo, db::ClinicServiceOptions options = {});

    db::ClinicService& service() { return *m_service; }

    bool isDemo() const { return m_demo; }

    /// The file path or URL, for the title bar and messages.
    QString databaseName() const;

    /// The signed-in user's display name, or an empty string.
    QString userDisplayName() const;

private:
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<db::ClinicService> m_service;
    bool m_demo = false;
};

} // namespace backscreen::app
