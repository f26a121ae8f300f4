#include "TestDatabase.h"

#include "db/Query.h"

#include <atomic>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace backscreen::tests {

namespace {

std::string uniqueSuffix()
{
    static std::atomic<int> counter{0};
    static const unsigned seed = std::random_device{}();
    return std::to_string(getpid()) + "_" + std::to_string(seed % 100000) + "_" + std::to_string(++counter);
}

} // namespace

TempDirectory::TempDirectory()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "backscreen-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temp directory");
    }
    m_path = pattern;
}

TempDirectory::~TempDirectory()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::string TestDatabase::postgresServerUrl()
{
    const char* url = std::getenv("BACKSCREEN_TEST_POSTGRES_URL");
    if (url == nullptr || *url == '\0') {
        throw std::runtime_error("BACKSCREEN_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which "
                                 "starts a throwaway PostgreSQL server, or point the variable at one");
    }
    return url;
}

TestDatabase::TestDatabase(db::Backend backend, const std::filesystem::path& sqliteBase)
    : m_backend(backend)
{
    if (backend == db::Backend::Sqlite) {
        std::filesystem::path base = sqliteBase.empty() ? std::filesystem::temp_directory_path() : sqliteBase;
        std::string pattern = (base / "backscreen-db-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temp directory");
        }
        m_directory = pattern;
        m_url = (m_directory / "backscreen.sqlite").string();
    } else {
        m_schema = "t_" + uniqueSuffix();
        std::string server = postgresServerUrl();
        m_url = server + (server.find('?') == std::string::npos ? "?" : "&") + "schema=" + m_schema;
    }
    m_location = db::DatabaseLocation::parse(m_url);
}

TestDatabase::~TestDatabase()
{
    try {
        if (m_backend == db::Backend::Sqlite) {
            std::filesystem::remove_all(m_directory);
        } else {
            auto database = open();
            db::Query(*database, "DROP SCHEMA " + m_schema + " CASCADE").run("drop the test schema");
        }
    } catch (const std::exception&) {
        // Leftovers in a temp directory or a throwaway server do no harm.
    }
}

std::unique_ptr<db::Database> TestDatabase::open(const db::DatabaseOptions& options) const
{
    return db::Database::open(m_location, options);
}

db::ClinicServiceOptions TestDatabase::fastOptions()
{
    db::ClinicServiceOptions options;
    options.hashCost = db::PasswordHashCost::minimal();
    return options;
}

std::string backendTestName(db::Backend backend)
{
    return backend == db::Backend::Sqlite ? "Sqlite" : "PostgreSql";
}

std::string backendParamName(const testing::TestParamInfo<db::Backend>& param)
{
    return backendTestName(param.param);
}

} // namespace backscreen::tests
