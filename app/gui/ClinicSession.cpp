#include "ClinicSession.h"

#include "TextConversion.h"

namespace backscreen::app {

ClinicSession::ClinicSession(const db::DatabaseLocation& location, bool demo, db::ClinicServiceOptions options)
    : m_database(db::Database::open(location))
    , m_service(std::make_unique<db::ClinicService>(*m_database, std::move(options)))
    , m_demo(demo)
{}

QString ClinicSession::databaseName() const
{
    return toQString(m_database->name());
}

QString ClinicSession::userDisplayName() const
{
    const auto& user = m_service->currentUser();
    return user ? toQString(user->displayName) : QString();
}

} // namespace backscreen::app
